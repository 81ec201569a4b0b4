import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const good = {
  WORKOS_API_KEY: 'sk_test_abc',
  WORKOS_CLIENT_ID: 'client_abc',
  WORKOS_LOGIN_SECRET: 'a-very-secret-value-of-enough-length-0123456789',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('config', () => {
  it('reads a complete environment with loopback defaults', () => {
    const config = loadConfig(good);
    expect(config).toMatchObject({ host: '127.0.0.1', port: 4101, logLevel: 'info' });
    expect(config.apiUrl.href).toBe('https://api.workos.com/');
  });

  it('reports every problem at once', () => {
    const problems = problemsOf({ WORKOS_LOGIN_SERVER_PORT: 'http', LOG_LEVEL: 'loud', WORKOS_API_URL: 'ftp://x' });
    expect(problems).toEqual([
      'WORKOS_API_KEY is not set',
      'WORKOS_CLIENT_ID is not set',
      'WORKOS_LOGIN_SECRET is not set',
      'WORKOS_API_URL must be an http(s) URL',
      'WORKOS_LOGIN_SERVER_PORT must be a port number (0-65535)',
      'LOG_LEVEL must be one of debug, info, warn, error',
    ]);
  });

  it('refuses a short secret without printing it', () => {
    const problems = problemsOf({ ...good, WORKOS_LOGIN_SECRET: 'short-secret-value' });
    expect(problems).toHaveLength(1);
    expect(problems.join()).not.toContain('short-secret-value');
  });

  it('takes a previous secret during a rotation: long enough, and not the current one', () => {
    expect(loadConfig(good).previousSecret).toBeNull();
    const previous = 'the-secret-before-the-rotation-0123456789abcdef';
    expect(loadConfig({ ...good, WORKOS_LOGIN_SECRET_PREVIOUS: previous }).previousSecret).toBe(previous);
    expect(problemsOf({ ...good, WORKOS_LOGIN_SECRET_PREVIOUS: 'short-old-one' })).toEqual([
      'WORKOS_LOGIN_SECRET_PREVIOUS must be at least 32 characters, like WORKOS_LOGIN_SECRET',
    ]);
    expect(problemsOf({ ...good, WORKOS_LOGIN_SECRET_PREVIOUS: good.WORKOS_LOGIN_SECRET }).join()).toContain(
      'is the same as WORKOS_LOGIN_SECRET',
    );
  });

  it('reads the step budget, 8000 ms unless set, and reports a bad one with the rest', () => {
    expect(loadConfig(good).stepBudgetMs).toBe(8000);
    expect(loadConfig({ ...good, WORKOS_LOGIN_STEP_BUDGET_MS: ' 25000 ' }).stepBudgetMs).toBe(25_000);
    for (const value of ['8s', '999', '120001', '-1', '1.5']) {
      expect(problemsOf({ WORKOS_LOGIN_STEP_BUDGET_MS: value }), value).toEqual([
        'WORKOS_API_KEY is not set',
        'WORKOS_CLIENT_ID is not set',
        'WORKOS_LOGIN_SECRET is not set',
        'WORKOS_LOGIN_STEP_BUDGET_MS must be a whole number of milliseconds (1000-120000)',
      ]);
    }
  });

  it('points the SDK at the fake through WORKOS_API_URL', () => {
    expect(loadConfig({ ...good, WORKOS_API_URL: 'http://127.0.0.1:4100' }).apiUrl.port).toBe('4100');
  });
});
