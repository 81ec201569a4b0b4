/**
 * Fuzzing the login server's `/v1` routes (issue 13, item 10), signed as WordPress signs them: a
 * stolen or leaked signing path must still meet a server that never fails. Every step route (one
 * per `StepId`: the compiler insists on the list) and every admin route (the server's own
 * ADMIN_ROUTES table) gets arbitrary JSON and its valid message with fields changed, removed or
 * joined by strangers. No answer is a 5xx, none is unsigned, no outcome is an `internal_error` or
 * `workos_unavailable`, the server still answers its health check after, and its log has no error.
 */
import type { APIRequestContext } from '@playwright/test';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StepId } from '../../../protocol/messages.ts';
import { SERVER_HEADERS } from '../../../protocol/messages.ts';
import { ADMIN_ROUTES } from '../../../server/admin/routes.ts';
import { stepPath } from '../../../server/app.ts';
import { answerTo, signRequest, verify } from '../../../server/signature.ts';
import { ROOT } from '../../../scripts/stack.ts';
import { expect, test } from '../fixtures.ts';
import { DEMO_ORG, userId } from '../flows.ts';
import { FUZZ, fuzz, mutated, serverLogWatch, weird } from './fuzz.ts';

/** Every step: a new one does not compile until it is listed here. */
const STEP_IDS: Record<StepId, true> = {
  password: true,
  magic_code_send: true,
  magic_code_verify: true,
  authorize: true,
  callback: true,
  signup: true,
  email_verify: true,
  invitation: true,
  reset_request: true,
  reset_confirm: true,
  mfa_enroll: true,
  mfa_challenge: true,
  mfa_verify: true,
  org_select: true,
  passkey_options: true,
  passkey_verify: true,
  passkey_register_options: true,
  passkey_register_verify: true,
  step_up: true,
  impersonation: true,
};

/** The valid message of each step: its envelope fixture (`protocol/fixtures`, checked by the contract tests). */
const envelope = (step: StepId): object =>
  JSON.parse(
    readFileSync(join(ROOT, 'protocol/fixtures', `server-${step.replaceAll('_', '-')}-envelope.json`), 'utf8'),
  ) as object;

/** A valid input of each admin route (protocol/admin.ts). */
const ADMIN_INPUTS: Record<string, object> = {
  'admin/organizations': { limit: 10, search: 'Demo' },
  'admin/user': { email: 'ada@example.com', organization_id: DEMO_ORG },
  'admin/roles': { organization_id: DEMO_ORG },
  'admin/health': { organization_id: DEMO_ORG },
  'session/revoke': { session_id: 'session_01FUZZ0000000000000000000', return_to: 'http://localhost/' },
  'audit/event': {
    organization_id: DEMO_ORG,
    idempotency_key: 'fuzz-1',
    event: {
      action: 'wordpress.login',
      occurred_at: '2026-12-07T12:00:00.000Z',
      actor: { id: userId('ada@example.com'), type: 'user', name: 'Ada' },
      targets: [{ id: '1', type: 'wordpress_user' }],
      context: { location: '127.0.0.1', user_agent: 'fuzz' },
    },
  },
};

const ROUTES: Array<{ path: string; seed: object }> = [
  ...(Object.keys(STEP_IDS) as StepId[]).map((step) => ({ path: stepPath(step), seed: envelope(step) })),
  ...ADMIN_ROUTES.map((route) => ({ path: route.path, seed: { input: ADMIN_INPUTS[route.name] ?? {} } })),
].filter((route) => FUZZ.routes.test(route.path));

/** Bodies: the valid message changed, arbitrary JSON (scalars, arrays, deep nesting), text that is not JSON. */
const body = (seed: object) =>
  fc.oneof(
    { weight: 4, arbitrary: mutated(seed).map((value) => JSON.stringify(value)) },
    { weight: 2, arbitrary: weird.map((value) => JSON.stringify(value) ?? 'null') },
    fc.string({ maxLength: 60 }),
  );

const BATCH = 8;

/** POSTs `text` to `path`, signed with the site's secret as WordPress signs it. */
async function post(api: APIRequestContext, secret: string, url: string, path: string, text: string) {
  const header = signRequest(secret, path, text);
  const answer = await api.post(`${url}${path}`, {
    // A Buffer goes as it is: Playwright quotes a string that is not JSON when the type says JSON.
    data: Buffer.from(text),
    headers: { 'Content-Type': 'application/json', [SERVER_HEADERS.signature]: header },
  });
  return { answer, header };
}

// Thousands of requests: a trace of them would cost more than they do.
test.use({ trace: 'off' });

test('every login-server route, validly signed arbitrary bodies: no 5xx, no crash, no error logged', async ({
  stack,
  playwright,
}) => {
  test.setTimeout(180_000);
  const logged = serverLogWatch(stack);
  const api = await playwright.request.newContext();
  expect(ROUTES.length).toBeGreaterThan(0);
  for (const { path, seed } of ROUTES) {
    await test.step(path, () =>
      fuzz(
        fc.array(body(seed), { minLength: BATCH, maxLength: BATCH }),
        async (texts) => {
          const sent = await Promise.all(texts.map((text) => post(api, stack.secret, stack.serverUrl, path, text)));
          for (const [i, { answer, header }] of sent.entries()) {
            const what = `${path} ${texts[i].slice(0, 120)}`;
            const text = await answer.text();
            // Too large for the body limit (64 KiB), refused before its signature is read.
            if (answer.status() === 413) continue;
            expect(answer.status(), what).toBe(200);
            expect(
              verify(
                stack.secret,
                text,
                answer.headers()[SERVER_HEADERS.signature.toLowerCase()],
                answerTo({ path, header }),
              ),
              what,
            ).toBeNull();
            const outcome = JSON.parse(text) as { type: string; status?: number; code?: string };
            if (outcome.type === 'error') expect(outcome.status ?? 0, `${what} → ${text}`).toBeLessThan(500);
          }
        },
        Math.ceil(FUZZ.runs / BATCH),
      ),
    );
  }
  expect((await api.get(`${stack.serverUrl}/healthz`)).status()).toBe(200);
  const errors = logged().filter((line) => {
    try {
      return (JSON.parse(line) as { level?: string }).level === 'error';
    } catch {
      return true; // Not a log record: a stack trace or a crash.
    }
  });
  expect(errors).toEqual([]);
  await api.dispose();
});
