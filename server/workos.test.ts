import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from './config.ts';
import { Deadline, DeadlineExceededError, withDeadline } from './deadline.ts';
import { classifyWorkOSError } from './workos-failure.ts';
import { createWorkOS } from './workos.ts';

const config = loadConfig({
  WORKOS_API_KEY: 'sk_test_abc',
  WORKOS_CLIENT_ID: 'client_abc',
  WORKOS_LOGIN_SECRET: 'a-very-secret-value-of-enough-length-0123456789',
  WORKOS_API_URL: 'http://127.0.0.1:4100',
});

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('createWorkOS', () => {
  it('points at WORKOS_API_URL and bounds every call by the request’s deadline', async () => {
    const seen: string[] = [];
    const fetchFn = vi.fn(async (input: RequestInfo | URL) => {
      seen.push(input instanceof Request ? input.url : String(input));
      return Response.json({ object: 'list', data: [], list_metadata: {} });
    });
    const workos = createWorkOS(config, fetchFn);
    expect(new URL(workos.baseURL).host).toBe('127.0.0.1:4100');

    const deadline = new Deadline(1000);
    await withDeadline(deadline, () => workos.organizations.listOrganizations());
    expect(seen).toEqual([expect.stringMatching(/^http:\/\/127\.0\.0\.1:4100\/organizations/)]);

    await vi.advanceTimersByTimeAsync(1000);
    const refused = await withDeadline(deadline, () => workos.organizations.listOrganizations()).catch(
      (e: unknown) => e,
    );
    expect((refused as Error).cause).toBeInstanceOf(DeadlineExceededError);
    expect(fetchFn).toHaveBeenCalledOnce();
  });
});

describe('credential errors answered as 401', () => {
  const answering = (status: number, body: unknown) =>
    createWorkOS(
      config,
      vi.fn(async () => Response.json(body, { status })),
    );
  const signIn = (workos: ReturnType<typeof createWorkOS>) =>
    workos.userManagement
      .authenticateWithPassword({ clientId: 'client_abc', email: 'ada@example.com', password: 'wrong' })
      .catch((error: unknown) => error);

  it.each(['invalid_credentials', 'invalid_one_time_code', 'invalid_grant'])(
    'a 401 naming %s is the visitor’s mistake, not a wrong API key',
    async (code) => {
      const failure = classifyWorkOSError(await signIn(answering(401, { code, message: 'Invalid credentials.' })));
      expect(failure).toMatchObject({ kind: 'refused', code });
    },
  );

  it.each([
    ['invalid_client', { code: 'invalid_client', message: 'Invalid client secret.' }],
    ['no code', { message: 'Unauthorized' }],
    ['no JSON', 'Unauthorized'],
  ])('any other 401 (%s) is still a wrong API key', async (_, body) => {
    expect(classifyWorkOSError(await signIn(answering(401, body)))).toEqual({ kind: 'unauthorized' });
  });
});
