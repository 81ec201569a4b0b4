/**
 * `POST /v1/admin/organizations` in memory, against the WorkOS fake in memory (the SDK's
 * `fetchFn`), no ports.
 */
import { WorkOS } from '@workos-inc/node';
import { describe, expect, it } from 'vitest';
import type { AdminOrganizationsOutcome } from '../../protocol/admin.ts';
import { HEADERS } from '../../protocol/messages.ts';
import { createApp } from '../app.ts';
import { createLogger } from '../log.ts';
import { createSealer } from '../seal.ts';
import { sign, verify } from '../signature.ts';
import { createWorkOSFake, DEFAULT_API_KEY, DEFAULT_CLIENT_ID } from '../workos-fake/app.ts';
import seed from '../workos-fake/seed.json' with { type: 'json' };
import { testSeed } from '../workos-fake/test-seed.ts';
import { adminOrganizationsOutcomeSchema } from './schemas.ts';

const SECRET = 'k'.repeat(64);
const DEMO = { id: seed.organizations[0]!.id, name: 'Demo Organization' };

function setup(options: { fetchFn?: typeof fetch; apiKey?: string } = {}) {
  const fake = createWorkOSFake({ seed: testSeed() });
  const urls: URL[] = [];
  const workos = new WorkOS(options.apiKey ?? DEFAULT_API_KEY, {
    clientId: DEFAULT_CLIENT_ID,
    apiHostname: 'workos.test',
    maxRetries: 0,
    fetchFn:
      options.fetchFn ??
      ((input, init) => {
        urls.push(new URL(input instanceof Request ? input.url : String(input)));
        return fake.fetch(input, init);
      }),
  });
  const logLines: string[] = [];
  const app = createApp({
    workos,
    clientId: DEFAULT_CLIENT_ID,
    sealer: createSealer(SECRET),
    secret: SECRET,
    log: createLogger('debug', (line) => logLines.push(line)),
  });
  return { app, urls, logLines };
}

async function post(app: ReturnType<typeof setup>['app'], body: string, signature = sign(SECRET, body)) {
  return app.request('/v1/admin/organizations', {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/json', [HEADERS.signature]: signature },
  });
}

/** Checks the answer is signed and a valid outcome, and returns it. */
async function outcomeOf(response: Response): Promise<AdminOrganizationsOutcome> {
  expect(response.status).toBe(200);
  const text = await response.text();
  expect(verify(SECRET, text, response.headers.get(HEADERS.signature))).toBeNull();
  return adminOrganizationsOutcomeSchema.parse(JSON.parse(text));
}

const ask = (input: object) => JSON.stringify({ input });

describe('POST /v1/admin/organizations', () => {
  it('lists the organizations, oldest first', async () => {
    const { app } = setup();
    const outcome = await outcomeOf(await post(app, ask({})));
    expect(outcome).toEqual({
      type: 'organizations',
      organizations: [DEMO, { id: expect.stringMatching(/^org_/), name: 'Second Organization' }],
      after: null,
    });
  });

  it('pages with limit and after', async () => {
    const { app } = setup();
    const first = await outcomeOf(await post(app, ask({ limit: 1 })));
    expect(first).toEqual({ type: 'organizations', organizations: [DEMO], after: DEMO.id });
    const second = await outcomeOf(await post(app, ask({ limit: 1, after: DEMO.id })));
    expect(second).toMatchObject({ organizations: [{ name: 'Second Organization' }], after: null });
  });

  it('passes search on to WorkOS, which matches names', async () => {
    const { app, urls } = setup();
    const outcome = await outcomeOf(await post(app, ask({ search: '  second ', after: null })));
    expect(outcome).toMatchObject({ organizations: [{ name: 'Second Organization' }], after: null });
    expect(urls.at(-1)?.pathname).toBe('/organizations');
    expect(urls.at(-1)?.searchParams.get('search')).toBe('second');
    expect(urls.at(-1)?.searchParams.get('limit')).toBe('100');
  });

  it('refuses unsigned requests before reading them', async () => {
    const { app } = setup();
    for (const signature of ['', sign('z'.repeat(64), ask({})), sign(SECRET, 'other body')]) {
      const res = await post(app, ask({}), signature);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'invalid_signature' });
    }
  });

  it('refuses invalid bodies with a signed invalid_request naming the fields', async () => {
    const { app } = setup();
    const cases = [
      [JSON.stringify({ input: {}, extra: 1 }), ''],
      [ask({ limit: 0 }), 'input.limit'],
      [ask({ limit: 101 }), 'input.limit'],
      [ask({ search: 'x'.repeat(101) }), 'input.search'],
      [ask({ order: 'desc' }), 'input'],
      [JSON.stringify({}), 'input'],
      ['{oops', 'Body is not JSON.'],
    ] as const;
    for (const [body, field] of cases) {
      const outcome = await outcomeOf(await post(app, body));
      expect(outcome, body).toMatchObject({ type: 'error', code: 'invalid_request', status: 400 });
      if (outcome.type === 'error') expect(outcome.message, body).toContain(field);
    }
  });

  it('says WorkOS is unavailable when it cannot be reached', async () => {
    const { app, logLines } = setup({
      fetchFn: async () => {
        throw new TypeError('fetch failed');
      },
    });
    expect(await outcomeOf(await post(app, ask({})))).toEqual({
      type: 'error',
      code: 'workos_unavailable',
      message: 'WorkOS could not be reached.',
      status: 503,
    });
    expect(logLines.join('\n')).toContain('listing organizations failed');
  });

  it('reports a rejected API key as a misconfigured server, not an outage', async () => {
    const { app } = setup({ apiKey: 'sk_test_wrong' });
    expect(await outcomeOf(await post(app, ask({})))).toMatchObject({ code: 'internal_error', status: 500 });
  });
});
