/**
 * `workos-login-server --check`: the configuration read and validated as at start, then WorkOS
 * reached once with it — the same authenticated call as Diagnostics' health check (listing one
 * organization), so a wrong key, an unreachable WorkOS or a blocked egress shows before the first
 * visitor does. Prints what it found (never a secret: the key's last four characters at most) and
 * returns the exit code: 0 ready, 1 WorkOS refused or could not be reached. A configuration that
 * does not validate never gets here (index.ts exits 78 with every problem listed).
 */
import type { WorkOS } from '@workos-inc/node';
import { checkHealth } from './admin/health.ts';
import type { Config } from './config.ts';
import type { Logger } from './log.ts';

export async function runCheck(
  config: Config,
  workos: WorkOS,
  log: Logger,
  write: (line: string) => void,
): Promise<number> {
  const health = await checkHealth({ workos, log, clientId: config.clientId }, { organization_id: null });
  const { api_host, api_key_last4, client_id } = health.workos;
  write('Configuration: valid');
  write(`  listens on          ${config.host}:${config.port}`);
  write(`  WorkOS API          ${config.apiUrl.origin}`);
  write(`  WorkOS API key      ${api_key_last4 ? `…${api_key_last4}` : '(set)'}`);
  write(`  WorkOS client id    ${client_id ?? '(not set)'}`);
  write(`  step budget         ${config.stepBudgetMs} ms`);
  if (config.previousSecret)
    write('  secret rotation     WORKOS_LOGIN_SECRET_PREVIOUS is accepted too (remove it when done)');
  if (!health.workos.ok) {
    write(`WorkOS (${api_host}): ${health.workos.error ?? 'the check failed'}`);
    return 1;
  }
  write(`WorkOS (${api_host}): the API key works`);
  return 0;
}
