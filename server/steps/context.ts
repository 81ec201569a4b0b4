import type { WorkOS } from '@workos-inc/node';
import type { Logger } from '../log.ts';
import type { Sealer } from '../seal.ts';

/** A monotonic clock and a sleep, injectable so tests of the enumeration floor do not wait. */
export interface StepClock {
  /** Milliseconds from an arbitrary origin (`performance.now()`). */
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** What every step handler gets: the WorkOS client and the server's own tools. */
export interface StepContext {
  workos: WorkOS;
  clientId: string;
  sealer: Sealer;
  log: Logger;
  clock?: StepClock;
}

/** How long a multi-step flow (and an OAuth state) may stay open. */
export const FLOW_TTL_MS = 10 * 60_000;

export const realClock: StepClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
