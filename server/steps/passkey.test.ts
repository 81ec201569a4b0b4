import { beforeEach, describe, expect, it } from 'vitest';
import {
  PASSKEY_LIMITS,
  type Method,
  type PublicKeyCredentialRequestOptionsJSON,
  type ResolvedProfile,
  type StepOutcome,
} from '../../protocol/messages.ts';
import { authResponseSchema } from '../schemas.ts';
import { createSealer } from '../seal.ts';
import seed from '../workos-fake/seed.json' with { type: 'json' };
import { passkeyOptionsStep, passkeyVerifyStep } from './passkey.ts';
import {
  as,
  CONTEXT,
  integration,
  PASSWORD,
  PROFILE,
  SECRET,
  stepContext,
  stubWorkOS,
  stepNamed,
} from './test-support.ts';
import { assert, createAuthenticator, storedPasskeyOf, type SoftAuthenticator } from './test-webauthn.ts';
import { userHandleOf } from './webauthn.ts';

const ORIGIN = CONTEXT.origin;
const ORG = seed.organizations[0].id;
const idOf = (email: string) => seed.users.find((u) => u.email === email)!.id;
const ADA = idOf('ada@example.com');
const GRACE = idOf('grace@example.com');
const LINUS = idOf('linus@example.com');
const methods: Method[] = [...PROFILE.methods, 'passkey'];
const passkeys = { methods, organization_id: ORG };

let t: ReturnType<typeof integration>;
beforeEach(() => {
  t = integration();
});

const step = stepNamed;
const optionsOf = (s: StepOutcome) => (s.data as { options: PublicKeyCredentialRequestOptionsJSON }).options;

/** Options, then the authenticator's answer for them, sent to `passkey_verify`. */
async function signIn(
  auth: SoftAuthenticator,
  userId: string,
  opts: { profile?: Partial<ResolvedProfile>; flow?: string; stored?: number; origin?: string } = {},
) {
  const profile = opts.profile ?? passkeys;
  const options = step(
    await t.send('passkey_options', {}, { profile, ...(opts.flow ? { flow: opts.flow } : {}) }),
    'passkey',
  );
  const response = assert(auth, optionsOf(options), {
    origin: opts.origin ?? ORIGIN,
    userHandle: userHandleOf(userId),
  });
  return t.send(
    'passkey_verify',
    { response, credential: storedPasskeyOf(auth, userId, opts.stored) },
    { profile, flow: options.flow },
  );
}

describe('passkey as the first factor', () => {
  it('offers a usernameless, user-verified challenge sealed for five minutes', async () => {
    const before = Date.now();
    const s = step(await t.send('passkey_options', {}, { profile: passkeys }), 'passkey');
    expect(s.data).toEqual({
      options: {
        challenge: expect.any(String),
        rpId: 'localhost',
        allowCredentials: [],
        userVerification: 'required',
        timeout: 60_000,
      },
    });
    expect(s).not.toHaveProperty('subject');
    const sealed = t.sealer.unseal<{ challenge: string; method: string }>(s.flow, {
      purpose: 'passkey',
      profile: 'default',
    });
    expect(sealed.data).toMatchObject({ challenge: optionsOf(s).challenge, method: 'passkey' });
    expect(sealed.exp - before).toBeGreaterThanOrEqual(PASSKEY_LIMITS.passkeyChallengeMs);
    expect(sealed.exp - Date.now()).toBeLessThanOrEqual(PASSKEY_LIMITS.passkeyChallengeMs);
    // The browser may see the step as it is.
    const { type, step: name, flow, data } = s;
    expect(authResponseSchema.safeParse({ type, step: name, flow, data }).success).toBe(true);
  });

  it('refuses a profile without passkeys', async () => {
    expect(await t.send('passkey_options', {}, { profile: { methods: ['password'] } })).toMatchObject({
      code: 'method_disabled',
      status: 403,
    });
  });

  it('signs in as the WorkOS user of the credential, with live membership', async () => {
    const auth = createAuthenticator({ counter: 3 });
    const signedIn = as(await signIn(auth, ADA, { stored: 2 }), 'authenticated');
    expect(signedIn.identity).toEqual({
      user: {
        id: ADA,
        email: 'ada@example.com',
        email_verified: true,
        first_name: 'Ada',
        last_name: 'Lovelace',
      },
      organization_id: ORG,
      membership: { role: 'admin', status: 'active' },
      session_id: null,
      method: 'passkey',
    });
    expect(signedIn.passkey_used).toEqual({ id: auth.id, counter: 3, backed_up: true });
    // A non-member comes back without membership: WordPress's gate decides.
    const linus = as(await signIn(createAuthenticator(), LINUS), 'authenticated');
    expect(linus.identity).toMatchObject({ user: { id: LINUS }, membership: null, method: 'passkey' });
  });

  it("satisfies the profile's `always` MFA policy by itself", async () => {
    const always = { ...passkeys, mfa: { enforce: 'always' as const, factors: ['totp' as const] } };
    const signedIn = as(await signIn(createAuthenticator(), GRACE, { profile: always }), 'authenticated');
    expect(signedIn.identity).toMatchObject({ user: { id: GRACE }, method: 'passkey' });
  });

  it('refuses the passkey of a WorkOS user that is gone', async () => {
    expect(await signIn(createAuthenticator(), 'user_01JWQZZZZZZZZZZZZZZZZZZZZZ')).toMatchObject({
      code: 'sign_in_refused',
      status: 403,
    });
  });

  it('refuses a counter that did not increase (possible clone) and logs no data', async () => {
    const auth = createAuthenticator({ counter: 4 });
    expect(await signIn(auth, GRACE, { stored: 9 })).toMatchObject({ code: 'passkey_refused', status: 403 });
    expect(t.logLines.join('\n')).toContain('passkey counter regression');
    expect(t.logLines.join('\n')).not.toContain(auth.id);
  });

  it('refuses an answer from another origin, without logging the challenge', async () => {
    const auth = createAuthenticator();
    expect(await signIn(auth, GRACE, { origin: 'https://evil.example' })).toMatchObject({
      code: 'passkey_invalid',
      status: 400,
    });
    const logged = t.logLines.join('\n');
    expect(logged).toContain('"reason":"origin"');
    expect(logged).not.toContain('evil.example');
  });

  it("refuses an answer to another flow's challenge (replayed or foreign)", async () => {
    const auth = createAuthenticator();
    const first = step(await t.send('passkey_options', {}, { profile: passkeys }), 'passkey');
    const second = step(await t.send('passkey_options', {}, { profile: passkeys }), 'passkey');
    const response = assert(auth, optionsOf(first), { origin: ORIGIN });
    const credential = storedPasskeyOf(auth, GRACE);
    expect(
      await t.send('passkey_verify', { response, credential }, { profile: passkeys, flow: second.flow }),
    ).toMatchObject({ code: 'passkey_invalid' });
    // A flow of another profile, or sealed for another step, is no passkey flow at all.
    expect(
      await t.send(
        'passkey_verify',
        { response, credential },
        { profile: { ...passkeys, slug: 'other' }, flow: first.flow },
      ),
    ).toMatchObject({ code: 'flow_expired' });
    const code = step(
      await t.send('magic_code_send', { email: 'grace@example.com' }, { profile: passkeys }),
      'code_sent',
    );
    expect(
      await t.send('passkey_verify', { response, credential }, { profile: passkeys, flow: code.flow }),
    ).toMatchObject({
      code: 'flow_expired',
    });
  });

  it('refuses a user handle that is not the credential owner', async () => {
    const auth = createAuthenticator();
    const options = step(await t.send('passkey_options', {}, { profile: passkeys }), 'passkey');
    const response = assert(auth, optionsOf(options), { origin: ORIGIN, userHandle: userHandleOf(ADA) });
    expect(
      await t.send(
        'passkey_verify',
        { response, credential: storedPasskeyOf(auth, GRACE) },
        { profile: passkeys, flow: options.flow },
      ),
    ).toMatchObject({ code: 'passkey_invalid' });
  });

  it('refuses malformed answers at the envelope', async () => {
    const auth = createAuthenticator();
    const options = step(await t.send('passkey_options', {}, { profile: passkeys }), 'passkey');
    const response = assert(auth, optionsOf(options), { origin: ORIGIN });
    const credential = storedPasskeyOf(auth, GRACE);
    const bad = [
      { response: { ...response, type: 'password' }, credential },
      { response: { ...response, id: 'short' }, credential },
      { response: { ...response, response: { ...response.response, signature: 'a+b/' } }, credential },
      { response, credential: { ...credential, user_id: 'not an id' } },
      { response, credential: { ...credential, counter: -1 } },
      { response: { ...response, extra: 1 }, credential },
    ];
    for (const input of bad) {
      expect(await t.send('passkey_verify', input as never, { profile: passkeys, flow: options.flow })).toMatchObject({
        code: 'invalid_request',
      });
    }
    expect(await t.send('passkey_verify', { response, credential }, { profile: passkeys })).toMatchObject({
      code: 'invalid_request',
    });
  });
});

describe('passkey challenges expire', () => {
  it('after PASSKEY_LIMITS.passkeyChallengeMs', async () => {
    let now = 1_000_000;
    const ctx = { ...stepContext(stubWorkOS({})), sealer: createSealer(SECRET, () => now) };
    const profile = { ...PROFILE, methods };
    const options = step(await passkeyOptionsStep(ctx, { profile, input: {}, context: CONTEXT }), 'passkey');
    const auth = createAuthenticator();
    const input = {
      response: assert(auth, optionsOf(options), { origin: ORIGIN }),
      credential: storedPasskeyOf(auth, GRACE),
    };
    now += PASSKEY_LIMITS.passkeyChallengeMs - 1;
    // Still open: it gets as far as asking WorkOS for the user (unreachable here).
    expect(await passkeyVerifyStep(ctx, { profile, input, flow: options.flow, context: CONTEXT })).toMatchObject({
      code: 'workos_unavailable',
    });
    now += 2;
    expect(await passkeyVerifyStep(ctx, { profile, input, flow: options.flow, context: CONTEXT })).toMatchObject({
      code: 'flow_expired',
    });
  });
});

describe('passkey as the second factor', () => {
  const always = { ...passkeys, mfa: { enforce: 'always' as const, factors: ['totp' as const, 'webauthn' as const] } };
  const password = (email: string, profile: Partial<ResolvedProfile>) =>
    t.send('password', { email, password: PASSWORD }, { profile });

  it('marks the held MFA step with its subject and completes it with that user’s passkey', async () => {
    const enroll = step(await password('grace@example.com', always), 'mfa_enroll');
    expect(enroll.subject).toBe(GRACE);
    expect(enroll.data).toEqual({ types: ['totp'], passkey: 'register' });
    const auth = createAuthenticator({ counter: 1 });
    const signedIn = as(await signIn(auth, GRACE, { profile: always, flow: enroll.flow }), 'authenticated');
    expect(signedIn.identity).toMatchObject({
      user: { id: GRACE },
      method: 'password',
      membership: { role: 'member' },
      second_factor: 'webauthn',
    });
    expect(signedIn.passkey_used).toEqual({ id: auth.id, counter: 1, backed_up: true });
  });

  it("refuses another user's passkey", async () => {
    const enroll = step(await password('grace@example.com', always), 'mfa_enroll');
    expect(await signIn(createAuthenticator(), ADA, { profile: always, flow: enroll.flow })).toMatchObject({
      code: 'passkey_invalid',
    });
  });

  it('is not offered where the profile does not allow WebAuthn', async () => {
    const totpOnly = { ...passkeys, mfa: { enforce: 'always' as const, factors: ['totp' as const] } };
    const enroll = step(await password('grace@example.com', totpOnly), 'mfa_enroll');
    expect(enroll).not.toHaveProperty('subject');
    expect(enroll.data).toEqual({ types: ['totp'] });
    expect(await t.send('passkey_options', {}, { profile: totpOnly, flow: enroll.flow })).toMatchObject({
      code: 'mfa_not_allowed',
    });
  });

  it("is never offered for WorkOS's own MFA (a passkey cannot complete WorkOS's grant)", async () => {
    const code = step(await password('mia@example.com', always), 'mfa_code');
    expect(code).not.toHaveProperty('subject');
    expect(code.data).not.toHaveProperty('passkey');
    expect(await t.send('passkey_options', {}, { profile: always, flow: code.flow })).toMatchObject({
      code: 'mfa_not_allowed',
    });
  });

  it('lets webauthn-only profiles enrol a passkey (no WorkOS type)', async () => {
    const only = { ...passkeys, mfa: { enforce: 'always' as const, factors: ['webauthn' as const] } };
    const enroll = step(await password('grace@example.com', only), 'mfa_enroll');
    expect(enroll).toMatchObject({ subject: GRACE, data: { types: [], passkey: 'register' } });
  });
});
