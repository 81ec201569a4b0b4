/**
 * Starts the login server: validated config, one WorkOS client, loopback by default, graceful
 * shutdown on SIGINT/SIGTERM. `--check` validates the configuration, reaches WorkOS once and exits
 * instead (check.ts). Exit codes: 0, 1 (the check failed), 64 (unknown arguments), 78 (the
 * configuration does not validate).
 */
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { runCheck } from './check.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createLogger } from './log.ts';
import { createSealer } from './seal.ts';
import { createWorkOS } from './workos.ts';

const args = process.argv.slice(2);
const check = args.length === 1 && args[0] === '--check';
if (args.length > 0 && !check) {
  process.stderr.write(`Unknown arguments: ${args.join(' ')}\nUsage: workos-login-server [--check]\n`);
  process.exit(64); // EX_USAGE
}

let config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(78); // EX_CONFIG
}

const log = createLogger(config.logLevel);
if (check) {
  process.exit(await runCheck(config, createWorkOS(config), log, (line) => process.stdout.write(`${line}\n`)));
}
const app = createApp({
  workos: createWorkOS(config),
  clientId: config.clientId,
  sealer: createSealer(config.secret, Date.now, config.previousSecret),
  secret: config.secret,
  previousSecret: config.previousSecret,
  log,
  stepBudgetMs: config.stepBudgetMs,
});

const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
  log.info('login server listening', {
    url: `http://${config.host}:${info.port}`,
    workos: config.apiUrl.origin,
    step_budget_ms: config.stepBudgetMs,
    ...(config.previousSecret
      ? { rotation: 'WORKOS_LOGIN_SECRET_PREVIOUS is accepted too: remove it once every node uses the new secret' }
      : {}),
  });
});

let closing = false;
function shutdown(signal: string): void {
  if (closing) return;
  closing = true;
  log.info('shutting down', { signal });
  server.close(() => process.exit(0));
  // Idle keep-alive sockets would hold close() open; in-flight requests get a short grace.
  setTimeout(() => process.exit(0), 5_000).unref();
  (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
