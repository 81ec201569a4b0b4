/**
 * Settings of the login server, read and validated once at start.
 *
 * Every problem is reported at once (not one per restart), and no secret value is ever part of
 * an error message or a log line.
 */
import { BUDGET_RANGE, DEFAULT_STEP_BUDGET_MS } from './deadline.ts';

export interface Config {
  apiKey: string;
  clientId: string;
  /** Shared with WordPress (`WORKOS_LOGIN_SECRET`): signs envelopes and derives the seal key. */
  secret: string;
  /**
   * `WORKOS_LOGIN_SECRET_PREVIOUS`, during a rotation only: also accepted on requests (answered
   * with it) and for opening sealed flows; never used to sign or seal anything new.
   */
  previousSecret: string | null;
  /** WorkOS API base, e.g. `https://api.workos.com` or the fake's `http://127.0.0.1:4100`. */
  apiUrl: URL;
  host: string;
  port: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /**
   * `WORKOS_LOGIN_STEP_BUDGET_MS`: the most one request may spend on WorkOS (ms); WordPress's
   * announced budget less a margin may shorten it (deadline.ts).
   */
  stepBudgetMs: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`Invalid login server configuration:\n  - ${problems.join('\n  - ')}`);
    this.problems = problems;
  }
}

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
/** Below 1 s no WorkOS round trip fits; above WordPress's longest budget it could never apply. */
const STEP_BUDGET = { min: 1_000, max: BUDGET_RANGE.max } as const;

/** Reads the environment; throws one {@link ConfigError} listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const problems: string[] = [];
  const required = (name: string): string => {
    const value = env[name]?.trim() ?? '';
    if (value === '') problems.push(`${name} is not set`);
    return value;
  };

  const apiKey = required('WORKOS_API_KEY');
  const clientId = required('WORKOS_CLIENT_ID');
  const secret = required('WORKOS_LOGIN_SECRET');
  if (secret !== '' && secret.length < 32) {
    problems.push('WORKOS_LOGIN_SECRET must be at least 32 characters (32 random bytes, hex or base64)');
  }

  const previousSecret = env.WORKOS_LOGIN_SECRET_PREVIOUS?.trim() || null;
  if (previousSecret !== null && previousSecret.length < 32) {
    problems.push('WORKOS_LOGIN_SECRET_PREVIOUS must be at least 32 characters, like WORKOS_LOGIN_SECRET');
  } else if (previousSecret !== null && previousSecret === secret) {
    problems.push(
      'WORKOS_LOGIN_SECRET_PREVIOUS is the same as WORKOS_LOGIN_SECRET: set it to the other secret of the rotation, or remove it',
    );
  }

  let apiUrl = new URL('https://api.workos.com');
  const rawApiUrl = env.WORKOS_API_URL?.trim();
  if (rawApiUrl) {
    try {
      apiUrl = new URL(rawApiUrl);
      if (apiUrl.protocol !== 'https:' && apiUrl.protocol !== 'http:') throw new Error('protocol');
    } catch {
      problems.push('WORKOS_API_URL must be an http(s) URL');
    }
  }

  const host = env.WORKOS_LOGIN_SERVER_HOST?.trim() || '127.0.0.1';
  const portText = env.WORKOS_LOGIN_SERVER_PORT?.trim() || '4101';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push('WORKOS_LOGIN_SERVER_PORT must be a port number (0-65535)');
  }

  const logLevel = (env.LOG_LEVEL?.trim() || 'info') as Config['logLevel'];
  if (!LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LEVELS.join(', ')}`);

  const budgetText = env.WORKOS_LOGIN_STEP_BUDGET_MS?.trim() || String(DEFAULT_STEP_BUDGET_MS);
  const stepBudgetMs = Number(budgetText);
  if (!/^[0-9]+$/.test(budgetText) || stepBudgetMs < STEP_BUDGET.min || stepBudgetMs > STEP_BUDGET.max) {
    problems.push(
      `WORKOS_LOGIN_STEP_BUDGET_MS must be a whole number of milliseconds (${STEP_BUDGET.min}-${STEP_BUDGET.max})`,
    );
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return { apiKey, clientId, secret, previousSecret, apiUrl, host, port, logLevel, stepBudgetMs };
}
