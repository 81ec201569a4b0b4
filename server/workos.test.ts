import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from './config.ts';
import { Deadline, DeadlineExceededError, withDeadline } from './deadline.ts';
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
      seen.push(String(input));
      return Response.json({ object: 'list', data: [], list_metadata: {} });
    });
    const workos = createWorkOS(config, fetchFn);
    expect(new URL(workos.baseURL).host).toBe('127.0.0.1:4100');

    const deadline = new Deadline(1000);
    await withDeadline(deadline, () => workos.organizations.listOrganizations());
    expect(seen).toEqual([expect.stringMatching(/^http:\/\/127\.0\.0\.1:4100\/organizations/)]);

    await vi.advanceTimersByTimeAsync(1000);
    const refused = await withDeadline(deadline, () => workos.organizations.listOrganizations()).catch((e) => e);
    expect((refused as Error).cause).toBeInstanceOf(DeadlineExceededError);
    expect(fetchFn).toHaveBeenCalledOnce();
  });
});
