import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The time countdowns read, behind a seam: element tests replace `clock.now` and `clock.every`
 * with a clock they move by hand (elements/test/fake-clock.ts), so no test waits for real seconds.
 */
export const clock = {
  now(): number {
    return Date.now();
  },
  /** Calls `tick` every `ms`; the answer stops it. */
  every(ms: number, tick: () => void): () => void {
    const timer = setInterval(tick, ms);
    return () => clearInterval(timer);
  },
};

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
  private stop: () => void = () => {};

  constructor(host: ReactiveControllerHost, onEnd: () => void = () => {}) {
    this.host = host;
    this.onEnd = onEnd;
    host.addController(this);
  }

  start(seconds: number): void {
    this.end = clock.now() + Math.max(0, seconds) * 1000;
    this.run();
  }

  hostConnected(): void {
    if (this.end > clock.now()) this.run();
  }

  hostDisconnected(): void {
    this.stop();
  }

  private run(): void {
    this.stop();
    this.tick();
    if (this.remaining > 0) this.stop = clock.every(1000, () => this.tick());
  }

  private tick(): void {
    const was = this.remaining;
    this.remaining = Math.max(0, Math.ceil((this.end - clock.now()) / 1000));
    if (this.remaining === 0) {
      this.stop();
      if (was > 0) this.onEnd();
    }
    this.host.requestUpdate();
  }
}
