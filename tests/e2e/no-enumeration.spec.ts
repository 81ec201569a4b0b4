/**
 * No enumeration (issue 4, across all methods): sign-in, magic code, reset and sign-up answer an
 * existing and an unknown account with the same status and the same body shape, and the routes
 * that could tell by their timing (and password refusals) answer no sooner than `LIMITS.answerFloorMs`. Whether the
 * two take equal time is the bench's to measure (medians of many pairs): a test on a shared
 * machine cannot tell noise from a leak.
 */
import { LIMITS } from '../../protocol/messages.ts';
import { expect, test } from './fixtures.ts';
import { api, uniqueEmail, type ApiAnswer } from './flows.ts';
import { saveProfiles } from './profiles.ts';

test.beforeEach(async ({ stack }) => {
  await saveProfiles(stack, {
    slug: 'everything',
    methods: ['password', 'magic_code'],
    signup: { enabled: true, require_invitation: false },
    password_reset: true,
  });
});

/** The body with every value replaced by its type (and strings' lengths kept out). */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, shape(v)]),
    );
  }
  return typeof value;
}

/** Asks the same route for both emails (warm-up first), and compares the answers. */
async function compare(
  page: import('@playwright/test').Page,
  route: 'password' | 'magic_code_send' | 'reset_request' | 'signup',
  body: (email: string) => Record<string, unknown>,
  existing: string,
  unknown: string,
): Promise<[ApiAnswer, ApiAnswer]> {
  await page.goto('/workos/login/everything');
  const known = await api(page, route, { profile: 'everything', ...body(existing) });
  const other = await api(page, route, { profile: 'everything', ...body(unknown) });
  expect(other.status).toBe(known.status);
  expect(shape(other.body)).toEqual(shape(known.body));
  return [known, other];
}

/** Both answers waited for WordPress's answer floor (a lower bound: a busy machine only makes it longer). */
function expectFloor([a, b]: [ApiAnswer, ApiAnswer]): void {
  expect(a.ms).toBeGreaterThanOrEqual(LIMITS.answerFloorMs);
  expect(b.ms).toBeGreaterThanOrEqual(LIMITS.answerFloorMs);
}

test('password: a wrong password and an unknown email answer alike', async ({ page }) => {
  const [known, other] = await compare(
    page,
    'password',
    (email) => ({ email, password: 'not-the-password' }),
    'ada@example.com',
    uniqueEmail('nobody'),
  );
  expect(known.body).toMatchObject({ type: 'error', code: 'invalid_credentials' });
  expect(other.body).toEqual(known.body);
  expectFloor([known, other]);
});

test('magic code: "code sent" for every email, same flow size, after the floor', async ({ page }) => {
  const email = uniqueEmail('nobody');
  const answers = await compare(page, 'magic_code_send', (e) => ({ email: e }), 'grace@example.com', email);
  const [known, other] = answers;
  expect(known.status).toBe(200);
  expect(known.body).toMatchObject({
    type: 'step',
    step: 'code_sent',
    data: { email: 'grace@example.com', resend_after: LIMITS.resendAfter },
  });
  expect(other.body).toMatchObject({
    type: 'step',
    step: 'code_sent',
    data: { email, resend_after: LIMITS.resendAfter },
  });
  // The sealed flow says whether a code went out: its size must not.
  expect(String(other.body.flow).length).toBe(String(known.body.flow).length);
  expectFloor(answers);
});

test('password reset: "link sent" for every email, after the floor', async ({ page }) => {
  const email = uniqueEmail('nobody');
  const answers = await compare(page, 'reset_request', (e) => ({ email: e }), 'linus@example.com', email);
  expect(answers[0].body).toEqual({ type: 'step', step: 'reset_sent', flow: '', data: { email: 'linus@example.com' } });
  expect(answers[1].body).toEqual({ type: 'step', step: 'reset_sent', flow: '', data: { email } });
  expectFloor(answers);
});

test('sign-up: an existing email gets the same verification step as a new one, after the floor', async ({ page }) => {
  const email = uniqueEmail('newcomer');
  const body = (e: string) => ({ email: e, password: 'Purple-Otter-Sings-42', first_name: 'Some', last_name: 'One' });
  const answers = await compare(page, 'signup', body, 'grace@example.com', email);
  expect(answers[0].status).toBe(200);
  expect(answers[0].body).toMatchObject({ type: 'step', step: 'email_verify', data: { email: 'grace@example.com' } });
  expect(answers[1].body).toMatchObject({ type: 'step', step: 'email_verify', data: { email } });
  expect(String(answers[1].body.flow).length).toBe(String(answers[0].body.flow).length);
  expectFloor(answers);
});

test('sign-up refusals do not tell either: invitation-only answers alike', async ({ page, stack }) => {
  await saveProfiles(stack, {
    slug: 'everything',
    methods: ['password'],
    signup: { enabled: true, require_invitation: true },
  });
  const body = (e: string) => ({ email: e, password: 'Purple-Otter-Sings-42', first_name: 'Some', last_name: 'One' });
  const [known, other] = await compare(page, 'signup', body, 'grace@example.com', uniqueEmail('newcomer'));
  expect(known.status).toBe(403);
  expect(other.body).toEqual(known.body);
});
