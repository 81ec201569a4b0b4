import type { WorkOS } from '@workos-inc/node';
import type { Logger } from '../log.ts';
import type { Sealer } from '../seal.ts';

/** What every step handler gets: the WorkOS client and the server's own tools. */
export interface StepContext {
  workos: WorkOS;
  clientId: string;
  sealer: Sealer;
  log: Logger;
}

/** How long a multi-step flow may stay open. */
export const FLOW_TTL_MS = 10 * 60_000;
