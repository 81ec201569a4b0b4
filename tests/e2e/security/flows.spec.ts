/**
 * Sealed flows (issue 13, item 10) — tampered, replayed, re-spelled, moved to another profile or
 * another step, expired — attacked over REST at the organization picker (Sam belongs to two
 * organizations, so a password sign-in stops there with a live flow). Each is refused before
 * WorkOS is asked, and each test ends with the untouched flow signing in, so the refusals are
 * the checks' doing. (Magic codes, MFA and passkeys have their own replay tests beside them.)
 */
import type { APIRequestContext } from '@playwright/test';
import PASSKEY_ANSWER from '../../../protocol/fixtures/browser-passkey-register-verify-request.json' with { type: 'json' };
import type { LoginProfile } from '../../../protocol/profile.ts';
import type { Stack } from '../../../scripts/stack.ts';
import { createSealer, type SealBinding } from '../../../server/seal.ts';
import { FLOW_TTL_MS } from '../../../server/steps/context.ts';
import { DEMO_PASSWORD, expect, test } from '../fixtures.ts';
import { DEMO_ORG, flipChar, removeRateLimits, setRateLimits } from '../flows.ts';
import { saveProfiles } from '../profiles.ts';
import { aliasesOf } from '../tokens.ts';
import { type Answer, authPost, clearWorkOSFaults, inParallel, visitor, watchWorkOS } from './attack.ts';

const PROFILE = 'open';
let workosCalls: () => Promise<number>;

test.beforeEach(async ({ stack }) => {
  // Every route open on the profile: a refusal is the flow's, never the method's.
  const open = {
    methods: ['password', 'magic_code', 'oauth_google', 'passkey'] as LoginProfile['methods'],
    signup: { enabled: true, require_invitation: false },
  };
  await saveProfiles(stack, { slug: PROFILE, ...open }, { slug: 'other', ...open });
});
test.afterEach(async ({ stack }) => {
  removeRateLimits(stack);
  await clearWorkOSFaults(stack);
});

/** Signs `email` in with a password; answers the step it stops at (counting WorkOS calls from then on). */
async function stepOf(api: APIRequestContext, stack: Stack, email: string) {
  const answer = await authPost(api, 'password', { profile: PROFILE, email, password: DEMO_PASSWORD });
  expect(answer.body.type, JSON.stringify(answer.body)).toBe('step');
  workosCalls = await watchWorkOS(stack);
  return { step: String(answer.body.step), flow: String(answer.body.flow) };
}

/** Sam at the organization picker: the live flow. */
async function samsFlow(api: APIRequestContext, stack: Stack): Promise<string> {
  const { step, flow } = await stepOf(api, stack, 'sam@example.com');
  expect(step).toBe('org_select');
  return flow;
}

const choose = (api: APIRequestContext, flow: string, profile = PROFILE) =>
  authPost(api, 'org_select', { profile, flow, organization_id: DEMO_ORG });

/** Refused as a spent or foreign flow, or — spelled otherwise than sealed — by the route's schema. */
function expectRefused(answer: Answer, what: string, codes = ['flow_expired']): void {
  expect(answer.status, what).toBe(400);
  expect(codes, what).toContain(answer.body.code);
}

async function expectSignsIn(api: APIRequestContext, flow: string): Promise<void> {
  const answer = await choose(api, flow);
  expect(answer.body, 'the untouched flow').toMatchObject({ type: 'signed_in' });
}

test('a flow with any bit changed is refused before WorkOS is asked', async ({ stack, playwright }) => {
  const api = await visitor(playwright, stack);
  const flow = await samsFlow(api, stack);
  const at = (i: number) => flow.slice(0, i) + (flow[i] === 'A' ? 'B' : 'A') + flow.slice(i + 1);
  const forged: Array<[string, string]> = [
    ['the nonce', at(3)],
    ['the ciphertext', flipChar(flow)],
    ['the tag', at(flow.length - 3)],
    ['made up', `v1.${'A'.repeat(flow.length - 3)}`],
    ['cut short', flow.slice(0, flow.length - 8)],
  ];
  for (const [what, token] of forged) {
    expectRefused(await choose(api, token), what, ['flow_expired', 'rest_invalid_param']);
  }
  expect(await workosCalls()).toBe(0);
  await expectSignsIn(api, flow);
});

test('a flow is bound to the profile it started in', async ({ stack, playwright }) => {
  const api = await visitor(playwright, stack);
  const flow = await samsFlow(api, stack);
  for (const profile of ['other', 'default']) expectRefused(await choose(api, flow, profile), profile);
  const unknown = await choose(api, flow, 'no-such-profile');
  expect(unknown.status).toBe(404);
  expect(await workosCalls()).toBe(0);
  await expectSignsIn(api, flow);
});

test('a flow is bound to its step: every other route refuses it', async ({ stack, playwright }) => {
  // A dozen requests carry this one flow: more than its rate limit allows (what is tested here is
  // that each route refuses it, not how often one may try).
  await setRateLimits(stack, { flow: { max: 0 } });
  const api = await visitor(playwright, stack);
  const flow = await samsFlow(api, stack);
  const elsewhere: Array<[string, Record<string, unknown>]> = [
    ['magic_code_verify', { code: '123456' }],
    ['email_verify', { code: '123456' }],
    ['mfa_verify', { code: '123456' }],
    ['mfa_challenge', { factor_id: 'auth_factor_01JDEMO000000000000000000' }],
    ['mfa_enroll', { type: 'totp' }],
    ['passkey_options', {}],
    ['passkey_register_options', {}],
    ['passkey_register_verify', { response: PASSKEY_ANSWER.response }],
    // First factors take an invitation's flow only.
    ['password', { email: 'sam@example.com', password: DEMO_PASSWORD }],
    ['signup', { email: 'sam@example.com', password: DEMO_PASSWORD, first_name: 'S', last_name: 'A' }],
    ['authorize', { kind: 'oauth', provider: 'google' }],
  ];
  // Four at a time: refusals of first factors are held to the answer floor (equal time for equal answers).
  await inParallel(
    elsewhere,
    async ([route, body]) => expectRefused(await authPost(api, route, { profile: PROFILE, ...body, flow }), route),
    4,
  );
  // And the other way: Mia's second-factor flow is no organization choice.
  const mia = await stepOf(await visitor(playwright, stack), stack, 'mia@example.com');
  expect(['mfa_code', 'mfa_challenge']).toContain(mia.step);
  expectRefused(await choose(api, mia.flow), 'an MFA flow at the picker');
  expect(await workosCalls()).toBe(0);
  await expectSignsIn(api, flow);
});

test('a spent flow is refused, under every spelling and from every visitor', async ({ stack, playwright }) => {
  const api = await visitor(playwright, stack);
  const flow = await samsFlow(api, stack);
  await expectSignsIn(api, flow);
  const spent = await workosCalls();
  expectRefused(await choose(api, flow), 'replayed');
  expectRefused(await choose(await visitor(playwright, stack), flow), 'replayed by another visitor');
  for (const [i, alias] of aliasesOf(flow).entries()) {
    expectRefused(await choose(api, alias), `alias ${i + 1}`, ['rest_invalid_param']);
  }
  expect(await workosCalls()).toBe(spent);
});

test('another spelling of a live flow is refused and spends nothing', async ({ stack, playwright }) => {
  // One attempt per flow: any other spelling that counted against it would use that attempt up.
  await setRateLimits(stack, { flow: { max: 1 } });
  const api = await visitor(playwright, stack);
  const flow = await samsFlow(api, stack);
  for (const [i, alias] of aliasesOf(flow).entries()) {
    for (let n = 0; n < 3; n++) expectRefused(await choose(api, alias), `alias ${i + 1}`, ['rest_invalid_param']);
  }
  expect(await workosCalls()).toBe(0);
  await expectSignsIn(api, flow);
});

test('an expired flow is refused; the same state sealed within its lifetime is not', async ({ stack, playwright }) => {
  const api = await visitor(playwright, stack);
  const flow = await samsFlow(api, stack);
  // What the login server sealed, sealed again by a clock one lifetime (and a minute) behind.
  const binding: SealBinding = { purpose: 'org_select', profile: PROFILE };
  const { data } = createSealer(stack.secret).unseal(flow, binding);
  const expired = createSealer(stack.secret, () => Date.now() - FLOW_TTL_MS - 60_000).seal(data, binding, FLOW_TTL_MS);
  const fresh = createSealer(stack.secret).seal(data, binding, FLOW_TTL_MS);
  expectRefused(await choose(api, expired), 'expired');
  expect(await workosCalls()).toBe(0);
  await expectSignsIn(api, fresh);
});
