import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Whole seconds left until a moment, re-rendering the host once a second while it runs.
 * Counts against the clock, not the ticks, so a throttled background tab still ends on time.
 */
export class Countdown implements ReactiveController {
  /** Seconds left, rounded up; 0 when not running. */
  remaining = 0;

  private host: ReactiveControllerHost;
  private onEnd: () => void;
  private end = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(host: ReactiveControllerHost, onEnd: () => void = () => {}) {
    this.host = host;
    this.onEnd = onEnd;
    host.addController(this);
  }

  start(seconds: number): void {
    this.end = Date.now() + Math.max(0, seconds) * 1000;
    this.run();
  }

  hostConnected(): void {
    if (this.end > Date.now()) this.run();
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
  }

  private run(): void {
    clearInterval(this.timer);
    this.tick();
    if (this.remaining > 0) this.timer = setInterval(() => this.tick(), 1000);
  }

  private tick(): void {
    const was = this.remaining;
    this.remaining = Math.max(0, Math.ceil((this.end - Date.now()) / 1000));
    if (this.remaining === 0) {
      clearInterval(this.timer);
      if (was > 0) this.onEnd();
    }
    this.host.requestUpdate();
  }
}
