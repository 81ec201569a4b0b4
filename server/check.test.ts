import { WorkOS } from '@workos-inc/node';
import { describe, expect, it } from 'vitest';
import { runCheck } from './check.ts';
import { loadConfig } from './config.ts';
import { createLogger } from './log.ts';
import { createWorkOSFake, DEFAULT_API_KEY, DEFAULT_CLIENT_ID } from './workos-fake/app.ts';
import { testSeed } from './workos-fake/test-seed.ts';

const SECRET = 's'.repeat(64);

async function check(apiKey: string, fetchFn?: typeof fetch) {
  const fake = createWorkOSFake({ seed: testSeed() });
  const config = loadConfig({
    WORKOS_API_KEY: apiKey,
    WORKOS_CLIENT_ID: DEFAULT_CLIENT_ID,
    WORKOS_LOGIN_SECRET: SECRET,
    WORKOS_API_URL: 'http://workos.test',
  });
  const workos = new WorkOS(apiKey, {
    clientId: DEFAULT_CLIENT_ID,
    apiHostname: 'workos.test',
    maxRetries: 0,
    fetchFn: fetchFn ?? ((input, init) => fake.fetch(input, init)),
  });
  const lines: string[] = [];
  const logs: string[] = [];
  const code = await runCheck(
    config,
    workos,
    createLogger('debug', (line) => logs.push(line)),
    (line) => lines.push(line),
  );
  return { code, output: lines.join('\n'), logs: logs.join('\n') };
}

describe('workos-login-server --check', () => {
  it('says the configuration is valid and the API key works, showing no secret', async () => {
    const { code, output } = await check(DEFAULT_API_KEY);
    expect(code).toBe(0);
    expect(output).toContain('Configuration: valid');
    expect(output).toContain(`WorkOS client id    ${DEFAULT_CLIENT_ID}`);
    expect(output).toContain(`WorkOS API key      …${DEFAULT_API_KEY.slice(-4)}`);
    expect(output).toMatch(/WorkOS \(workos\.test\): the API key works$/);
    expect(output).not.toContain(DEFAULT_API_KEY);
    expect(output).not.toContain(SECRET);
  });

  it('fails with WorkOS’s refusal of the key', async () => {
    const { code, output, logs } = await check('sk_test_wrong_key_000000');
    expect(code).toBe(1);
    expect(output).toMatch(/WorkOS \(workos\.test\): WorkOS rejected the API key$/);
    expect(`${output}${logs}`).not.toContain('sk_test_wrong_key_000000');
  });

  it('fails when WorkOS cannot be reached', async () => {
    const { code, output } = await check(DEFAULT_API_KEY, () => Promise.reject(new TypeError('fetch failed')));
    expect(code).toBe(1);
    expect(output).toMatch(/WorkOS could not be reached$/);
  });
});
