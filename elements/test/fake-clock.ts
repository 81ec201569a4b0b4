import { clock } from '../countdown.ts';
import { afterEach, beforeEach } from './mocha.ts';

export interface FakeClock {
  /** Moves time on by `ms`, firing every tick that falls due on the way, in order. */
  advance(ms: number): void;
  /** Moves time on by `ms` without firing a tick (a throttled background tab). */
  skip(ms: number): void;
  /** Ticks still running. */
  readonly running: number;
}

interface Timer {
  every: number;
  due: number;
  tick: () => void;
}

/**
 * Per test of the calling `describe`: countdowns read a clock the test moves by hand (from a
 * fixed moment, with no real second passing); the real clock is put back after each test.
 */
export function useFakeClock(): FakeClock {
  const real = { ...clock };
  let now = 0;
  let timers: Timer[] = [];
  beforeEach(() => {
    now = Date.UTC(2026, 0, 1);
    timers = [];
    clock.now = () => now;
    clock.every = (ms, tick) => {
      const timer: Timer = { every: ms, due: now + ms, tick };
      timers.push(timer);
      return () => void (timers = timers.filter((t) => t !== timer));
    };
  });
  afterEach(() => void Object.assign(clock, real));
  return {
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const next = timers.reduce<Timer | undefined>((a, t) => (!a || t.due < a.due ? t : a), undefined);
        if (!next || next.due > end) break;
        now = next.due;
        next.due += next.every;
        next.tick();
      }
      now = end;
    },
    skip(ms) {
      now += ms;
      for (const timer of timers) timer.due = Math.max(timer.due, now);
    },
    get running() {
      return timers.length;
    },
  };
}
