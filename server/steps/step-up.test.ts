import { beforeEach, describe, expect, it } from 'vitest';
import type {
  Identity,
  MfaFactorSummary,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  ResolvedProfile,
} from '../../protocol/messages.ts';
import seed from '../workos-fake/seed.json' with { type: 'json' };
import { as, CONTEXT, integration, totp, stepNamed } from './test-support.ts';
import { assert, createAuthenticator, register, storedPasskeyOf } from './test-webauthn.ts';

const ORIGIN = CONTEXT.origin;
const user = (email: string) => seed.users.find((u) => u.email === email)!;
const identityOf = (email: string, method: Identity['method'] = 'password'): Identity => {
  const u = user(email);
  return {
    user: { id: u.id, email: u.email, email_verified: true, first_name: u.first_name, last_name: u.last_name },
    organization_id: null,
    membership: null,
    session_id: 'session_01STEPUP',
    method,
  };
};
const MIA_SECRET = 'JBSWY3DPEHPK3PXP';

let t: ReturnType<typeof integration>;
beforeEach(() => {
  t = integration();
});

const step = stepNamed;
const stepUp = (email: string, profile: Partial<ResolvedProfile> = {}) =>
  t.send('step_up', { identity: identityOf(email) }, { profile });

describe('role-based step-up', () => {
  it("challenges the user's WorkOS factor, marked for a passkey too, and reports the factor", async () => {
    const code = step(await stepUp('mia@example.com'), 'mfa_code');
    expect(code.subject).toBe(user('mia@example.com').id);
    expect(code.data).toMatchObject({ factor: { type: 'totp' }, others: [] });
    const signedIn = as(await t.send('mfa_verify', { code: totp(MIA_SECRET) }, { flow: code.flow }), 'authenticated');
    expect(signedIn.identity).toEqual({ ...identityOf('mia@example.com'), second_factor: 'totp' });
  });

  it('offers the picker for several factors, limited to the profile’s types', async () => {
    const picker = step(await stepUp('olivia@example.com'), 'mfa_challenge');
    expect(picker.subject).toBe(user('olivia@example.com').id);
    expect((picker.data as { factors: MfaFactorSummary[] }).factors.map((f) => f.type).sort()).toEqual(['sms', 'totp']);
    const totpOnly = { mfa: { enforce: 'never' as const, factors: ['totp' as const] } };
    step(await stepUp('olivia@example.com', totpOnly), 'mfa_code');
  });

  it('completes with a passkey even where the profile allows no WebAuthn', async () => {
    const code = step(await stepUp('mia@example.com'), 'mfa_code');
    const options = step(await t.send('passkey_options', {}, { flow: code.flow }), 'passkey');
    const auth = createAuthenticator();
    const response = assert(auth, (options.data as { options: PublicKeyCredentialRequestOptionsJSON }).options, {
      origin: ORIGIN,
    });
    const credential = storedPasskeyOf(auth, user('mia@example.com').id);
    const signedIn = as(
      await t.send('passkey_verify', { response, credential }, { flow: options.flow }),
      'authenticated',
    );
    expect(signedIn.identity).toEqual({ ...identityOf('mia@example.com'), second_factor: 'webauthn' });
  });

  it('offers enrolment with a passkey when the user has no allowed factor', async () => {
    const none = { mfa: { enforce: 'never' as const, factors: [] } };
    const enroll = step(await stepUp('grace@example.com', none), 'mfa_enroll');
    expect(enroll).toMatchObject({ subject: user('grace@example.com').id, data: { types: [], passkey: 'register' } });
    const options = step(
      await t.send(
        'passkey_register_options',
        { user: null, exclude: [], rp_name: 'Site' },
        { flow: enroll.flow, profile: none },
      ),
      'passkey_register',
    );
    const auth = createAuthenticator();
    const response = register(auth, (options.data as { options: PublicKeyCredentialCreationOptionsJSON }).options, {
      origin: ORIGIN,
    });
    const signedIn = as(
      await t.send('passkey_register_verify', { response, user_id: null }, { flow: options.flow, profile: none }),
      'authenticated',
    );
    expect(signedIn.identity).toEqual({ ...identityOf('grace@example.com'), second_factor: 'webauthn' });
    expect(signedIn.passkey_registered?.id).toBe(auth.id);
    const withTotp = step(await stepUp('grace@example.com'), 'mfa_enroll');
    expect(withTotp.data).toEqual({ types: ['totp', 'sms'], passkey: 'register' });
  });

  it('refuses a malformed identity', async () => {
    const bad = { ...identityOf('mia@example.com'), method: 'telepathy' };
    expect(await t.send('step_up', { identity: bad as never })).toMatchObject({ code: 'invalid_request' });
  });
});

describe('second factor reported after WorkOS MFA', () => {
  it('names the factor WorkOS verified', async () => {
    const code = step(await t.send('password', { email: 'mia@example.com', password: 'Correct-Horse-7' }), 'mfa_code');
    const signedIn = as(await t.send('mfa_verify', { code: totp(MIA_SECRET) }, { flow: code.flow }), 'authenticated');
    expect(signedIn.identity.second_factor).toBe('totp');
  });
});
