import { build } from '../../scripts/build.ts';

/** One build for the whole run; each worker then starts its own stack (fixtures.ts). */
export default function globalSetup(): void {
  if (!process.env.E2E_SKIP_BUILD) build();
}
