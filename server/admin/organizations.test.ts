/**
 * `POST /v1/admin/organizations` in memory, against the WorkOS fake in memory (the SDK's
 * `fetchFn`), no ports.
 */
import { describe, expect, it } from 'vitest';
import { signRequest } from '../signature.ts';
import seed from '../workos-fake/seed.json' with { type: 'json' };
import { adminOrganizationsOutcomeSchema } from './schemas.ts';
import {
  outcomeOf as signedOutcomeOf,
  SECRET,
  setup as setupServer,
  unreachable,
  type SetupOptions,
} from './test-support.ts';

const PATH = '/v1/admin/organizations';
const DEMO = { id: seed.organizations[0].id, name: 'Demo Organization' };

function setup(options: SetupOptions = {}) {
  const server = setupServer(options);
  const urls = () => server.requests.map((request) => new URL(request.url));
  return { app: server, urls, logLines: server.logLines };
}

/** POSTs a raw body, signed unless a signature is given. */
function post(server: ReturnType<typeof setupServer>, body: string, signature = signRequest(SECRET, PATH, body)) {
  return server.post(PATH, undefined, { raw: body, signature });
}

const outcomeOf = (response: Response) => signedOutcomeOf(response, adminOrganizationsOutcomeSchema);
const ask = (input: object) => JSON.stringify({ input });

describe('POST /v1/admin/organizations', () => {
  it('lists the organizations, oldest first', async () => {
    const { app } = setup();
    const outcome = await outcomeOf(await post(app, ask({})));
    expect(outcome).toEqual({
      type: 'organizations',
      organizations: [
        DEMO,
        { id: expect.stringMatching(/^org_/), name: 'Second Organization' },
        { id: expect.stringMatching(/^org_/), name: 'SSO Organization' },
      ],
      after: null,
    });
  });

  it('pages with limit and after', async () => {
    const { app } = setup();
    const first = await outcomeOf(await post(app, ask({ limit: 1 })));
    expect(first).toEqual({ type: 'organizations', organizations: [DEMO], after: DEMO.id });
    const second = await outcomeOf(await post(app, ask({ limit: 1, after: DEMO.id })));
    expect(second).toMatchObject({
      organizations: [{ name: 'Second Organization' }],
      after: expect.stringMatching(/^org_/),
    });
    const third = await outcomeOf(await post(app, ask({ limit: 1, after: (second as { after: string }).after })));
    expect(third).toMatchObject({ organizations: [{ name: 'SSO Organization' }], after: null });
  });

  it('passes search on to WorkOS, which matches names', async () => {
    const { app, urls } = setup();
    const outcome = await outcomeOf(await post(app, ask({ search: '  second ', after: null })));
    expect(outcome).toMatchObject({ organizations: [{ name: 'Second Organization' }], after: null });
    const last = urls().at(-1);
    expect(last?.pathname).toBe('/organizations');
    expect(last?.searchParams.get('search')).toBe('second');
    expect(last?.searchParams.get('limit')).toBe('100');
  });

  it('refuses unsigned requests before reading them', async () => {
    const { app } = setup();
    for (const signature of ['', signRequest('z'.repeat(64), PATH, ask({})), signRequest(SECRET, PATH, 'other body')]) {
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
    const { app, logLines } = setup({ fetchFn: unreachable });
    expect(await outcomeOf(await post(app, ask({})))).toEqual({
      type: 'error',
      code: 'workos_unavailable',
      message: 'WorkOS could not be reached.',
      status: 503,
      retry_after: 30,
    });
    expect(logLines.join('\n')).toContain('listing organizations failed');
  });

  it('reports a rejected API key as a misconfigured server, not an outage', async () => {
    const { app } = setup({ apiKey: 'sk_test_wrong' });
    expect(await outcomeOf(await post(app, ask({})))).toMatchObject({ code: 'internal_error', status: 500 });
  });
});
