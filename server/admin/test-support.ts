/**
 * Test support for the admin routes: the login server in memory against the WorkOS fake in
 * memory (the SDK's `fetchFn`), signed requests, and signed, schema-checked answers.
 */
import { WorkOS } from '@workos-inc/node';
import { expect } from 'vitest';
import type { z } from 'zod';
import { SERVER_HEADERS } from '../../protocol/messages.ts';
import { createApp } from '../app.ts';
import { deadlineFetch } from '../deadline-fetch.ts';
import { createLogger } from '../log.ts';
import { createSealer } from '../seal.ts';
import { expectSignedAnswer, signedPost } from '../signed-test-support.ts';
import { createWorkOSFake, DEFAULT_API_KEY, DEFAULT_CLIENT_ID } from '../workos-fake/app.ts';
import { testSeed } from '../workos-fake/test-seed.ts';

export const SECRET = 'k'.repeat(64);

export interface SetupOptions {
  /** Replaces the fake: e.g. a fetch that throws (WorkOS unreachable) or answers 500. */
  fetchFn?: typeof fetch;
  apiKey?: string;
}

export function setup(options: SetupOptions = {}) {
  const fake = createWorkOSFake({ seed: testSeed() });
  const requests: Request[] = [];
  const workos = new WorkOS(options.apiKey ?? DEFAULT_API_KEY, {
    clientId: DEFAULT_CLIENT_ID,
    apiHostname: 'workos.test',
    maxRetries: 0,
    fetchFn: deadlineFetch(
      options.fetchFn ??
        (async (input, init) => {
          requests.push(new Request(input, init));
          return fake.fetch(input, init);
        }),
    ),
  });
  const logLines: string[] = [];
  const app = createApp({
    workos,
    clientId: DEFAULT_CLIENT_ID,
    sealer: createSealer(SECRET),
    secret: SECRET,
    log: createLogger('debug', (line) => logLines.push(line)),
    now: () => Date.now(),
  });
  const org = [...fake.store.organizations.values()][0].wire;
  const userId = (email: string) => fake.store.findUserByEmail(email)!.wire.id;

  /** POSTs `{ input }` (or a raw body) to `path`, signed unless a signature is given. */
  function post(path: string, input: unknown, opts: { raw?: string; signature?: string; budget?: string } = {}) {
    const body = opts.raw ?? JSON.stringify({ input });
    return signedPost(app, SECRET, path, body, {
      signature: opts.signature,
      headers: opts.budget !== undefined ? { [SERVER_HEADERS.budget]: opts.budget } : {},
    });
  }

  return { app, fake, org, userId, post, requests, logLines };
}

/** Checks the answer is HTTP 200, signed and valid for `schema`, and returns it. */
export async function outcomeOf<T>(response: Response, schema: z.ZodType<T>): Promise<T> {
  expect(response.status).toBe(200);
  const text = await response.text();
  expectSignedAnswer(SECRET, response, text);
  return schema.parse(JSON.parse(text));
}

/** WorkOS unreachable: what fetch does when nothing listens. */
export const unreachable: typeof fetch = async () => {
  throw new TypeError('fetch failed');
};

/** WorkOS up but failing. */
export const serverError: typeof fetch = async () =>
  new Response(JSON.stringify({ message: 'Internal Server Error' }), {
    status: 500,
    headers: { 'Content-Type': 'application/json' },
  });

export const WRONG_KEY = 'sk_test_wrong_key_1234';
export const NO_ORG = 'org_01AAAAAAAAAAAAAAAAAAAAAAAA';
export const UNAVAILABLE = {
  type: 'error',
  code: 'workos_unavailable',
  message: 'WorkOS could not be reached.',
  status: 503,
  retry_after: 30,
} as const;
export const MISCONFIGURED = {
  type: 'error',
  code: 'internal_error',
  message: 'The login server is misconfigured.',
  status: 500,
} as const;
