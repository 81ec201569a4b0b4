import { beforeEach, describe, expect, it } from 'vitest';
import type {
  PasskeyUser,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  ResolvedProfile,
  StepOutcome,
} from '../../protocol/messages.ts';
import seed from '../workos-fake/seed.json' with { type: 'json' };
import { as, CONTEXT, integration, PASSWORD, stepNamed } from './test-support.ts';
import { assert, createAuthenticator, register } from './test-webauthn.ts';
import { userHandleOf } from './webauthn.ts';

const ORIGIN = CONTEXT.origin;
const idOf = (email: string) => seed.users.find((u) => u.email === email)!.id;
const GRACE = idOf('grace@example.com');
const ADA = idOf('ada@example.com');
const GRACE_USER: PasskeyUser = { id: GRACE, name: 'grace@example.com', display_name: 'Grace Hopper' };

let t: ReturnType<typeof integration>;
beforeEach(() => {
  t = integration();
});

const step = stepNamed;
const creation = (s: StepOutcome) => (s.data as { options: PublicKeyCredentialCreationOptionsJSON }).options;
const registerOptions = (user: PasskeyUser | null, flow?: string, profile: Partial<ResolvedProfile> = {}) =>
  t.send('passkey_register_options', { user, exclude: [], rp_name: 'My Site' }, { profile, ...(flow ? { flow } : {}) });

describe('registration by a signed-in WordPress user (no flow)', () => {
  it('makes creation options for that user and answers the verified credential', async () => {
    const existing = createAuthenticator().id;
    const options = step(
      await t.send('passkey_register_options', { user: GRACE_USER, exclude: [existing], rp_name: 'My Site' }),
      'passkey_register',
    );
    expect(options).not.toHaveProperty('subject');
    expect(creation(options)).toMatchObject({
      rp: { id: 'localhost', name: 'My Site' },
      user: { id: userHandleOf(GRACE), name: 'grace@example.com', displayName: 'Grace Hopper' },
      excludeCredentials: [{ id: existing, type: 'public-key' }],
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
      attestation: 'none',
    });
    const auth = createAuthenticator();
    const response = register(auth, creation(options), { origin: ORIGIN });
    const registered = as(
      await t.send('passkey_register_verify', { response, user_id: GRACE }, { flow: options.flow }),
      'passkey_registered',
    );
    expect(registered.credential).toMatchObject({
      id: auth.id,
      counter: 0,
      device_type: 'multiDevice',
      backed_up: true,
    });

    // What WordPress stores signs in afterwards.
    const signIn = step(await t.send('passkey_options', {}, { profile: { methods: ['passkey'] } }), 'passkey');
    const requestOptions = (signIn.data as { options: PublicKeyCredentialRequestOptionsJSON }).options;
    const { id, public_key, counter, transports } = registered.credential;
    const signedIn = await t.send(
      'passkey_verify',
      {
        response: assert(auth, requestOptions, { origin: ORIGIN, userHandle: userHandleOf(GRACE) }),
        credential: { id, public_key, counter, transports, user_id: GRACE },
      },
      { profile: { methods: ['passkey'] }, flow: signIn.flow },
    );
    expect(as(signedIn, 'authenticated').identity.user.email).toBe('grace@example.com');
  });

  it('needs the user, and refuses to finish for another user', async () => {
    expect(await registerOptions(null)).toMatchObject({ code: 'invalid_request', status: 400 });
    const options = step(await registerOptions(GRACE_USER), 'passkey_register');
    const response = register(createAuthenticator(), creation(options), { origin: ORIGIN });
    for (const user_id of [ADA, null]) {
      expect(await t.send('passkey_register_verify', { response, user_id }, { flow: options.flow })).toMatchObject({
        code: 'passkey_invalid',
      });
    }
  });

  it('refuses a credential made without user verification, or for another challenge', async () => {
    const options = step(await registerOptions(GRACE_USER), 'passkey_register');
    const other = step(await registerOptions(GRACE_USER), 'passkey_register');
    for (const response of [
      register(createAuthenticator(), creation(options), { origin: ORIGIN, uv: false }),
      register(createAuthenticator(), creation(other), { origin: ORIGIN }),
    ]) {
      expect(
        await t.send('passkey_register_verify', { response, user_id: GRACE }, { flow: options.flow }),
      ).toMatchObject({ code: 'passkey_invalid', status: 400 });
    }
    expect(t.logLines.join('\n')).toContain('"reason":"user_verification"');
  });
});

describe('registration as the second factor (enrolment)', () => {
  const always = { mfa: { enforce: 'always' as const, factors: ['totp' as const, 'webauthn' as const] } };

  it('registers a passkey for the held identity and signs in with it', async () => {
    const enroll = step(
      await t.send('password', { email: 'grace@example.com', password: PASSWORD }, { profile: always }),
      'mfa_enroll',
    );
    const options = step(await registerOptions(null, enroll.flow, always), 'passkey_register');
    expect(options).not.toHaveProperty('subject');
    expect(creation(options).user).toEqual({
      id: userHandleOf(GRACE),
      name: 'grace@example.com',
      displayName: 'Grace Hopper',
    });
    const auth = createAuthenticator();
    const response = register(auth, creation(options), { origin: ORIGIN });
    const signedIn = as(
      await t.send('passkey_register_verify', { response, user_id: null }, { flow: options.flow, profile: always }),
      'authenticated',
    );
    expect(signedIn.identity).toMatchObject({ user: { id: GRACE }, method: 'password', second_factor: 'webauthn' });
    expect(signedIn.passkey_registered).toMatchObject({ id: auth.id, aaguid: expect.any(String) });
  });

  it('refuses where WebAuthn is not allowed, for WorkOS MFA, and a second user in the input', async () => {
    const totpOnly = { mfa: { enforce: 'always' as const, factors: ['totp' as const] } };
    const enroll = step(
      await t.send('password', { email: 'grace@example.com', password: PASSWORD }, { profile: totpOnly }),
      'mfa_enroll',
    );
    expect(await registerOptions(null, enroll.flow, totpOnly)).toMatchObject({ code: 'mfa_not_allowed' });
    // Noah: WorkOS itself demands enrolment (a pending token), which only a WorkOS factor completes.
    const workos = step(
      await t.send('password', { email: 'noah@example.com', password: PASSWORD }, { profile: always }),
      'mfa_enroll',
    );
    expect(workos).not.toHaveProperty('subject');
    expect(workos.data).toEqual({ types: ['totp'] });
    expect(await registerOptions(null, workos.flow, always)).toMatchObject({ code: 'mfa_not_allowed' });
    const held = step(
      await t.send('password', { email: 'grace@example.com', password: PASSWORD }, { profile: always }),
      'mfa_enroll',
    );
    expect(await registerOptions(GRACE_USER, held.flow, always)).toMatchObject({ code: 'invalid_request' });
  });
});
