/**
 * `npm run start:prod`: the production-like stack by hand — starts it, prints what runs where,
 * stops everything on Ctrl-C. `--once` starts it, prints the start-up time and stops it (a smoke
 * check of the lane). Ports and names: scripts/prod/env.ts.
 */
import { build } from '../build.ts';
import type { Stack } from '../stack.ts';
import { prodLaneEnv } from './env.ts';
import { ProdLaneUnavailable, startProdStack } from './stack.ts';

const once = process.argv.includes('--once');
if (!process.argv.includes('--no-build') && !process.env.E2E_SKIP_BUILD) build();

const env = prodLaneEnv();
const started = performance.now();
let stack: Stack;
try {
  stack = await startProdStack({ env, constants: { WORKOS_LOGIN_ALLOW_NATIVE_LOGIN: true } });
} catch (error) {
  if (error instanceof ProdLaneUnavailable) {
    console.error(`production lane unavailable: ${error.message}`);
    process.exit(2);
  }
  throw error;
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);

const { ports } = env;
process.stdout.write(
  [
    '',
    `Production-like stack "${env.site}" up in ${seconds} s.`,
    '',
    `  WordPress         ${stack.wordpressUrl}/   nginx (page cache) → ${stack.nodes.map((n) => `${n.name} ${n.address}`).join(', ')}`,
    `  Admin sign-in     ${stack.wordpressUrl}/wp-login.php?workos-native=1   (admin / ${stack.adminPassword})`,
    `  Login servers     ${stack.serverUrl}   nginx → ${stack.replicas.map((r) => `${r.name} ${r.address}`).join(', ')}`,
    `  WorkOS fake       ${stack.workosUrl}`,
    `  MariaDB           127.0.0.1:${ports.mariadb}  (root: mariadb --socket=${stack.db.driver === 'mysql' ? stack.db.socket : ''} -uroot)`,
    `  Redis             127.0.0.1:${ports.redis}  object cache: ${env.objectCache}`,
    `  Logs              .wp/logs/${env.site}-*.log`,
    '',
  ].join('\n'),
);

let stopping = false;
async function stop(reason: string): Promise<never> {
  if (!stopping) {
    stopping = true;
    if (reason) process.stdout.write(`${reason}: stopping…\n`);
    const t = performance.now();
    await stack.stop();
    process.stdout.write(`stopped in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  }
  process.exit(0);
}

if (once) await stop('');
else {
  process.stdout.write('Press Ctrl-C to stop everything.\n');
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(signal));
}
