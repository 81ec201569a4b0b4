import { AuthenticationException, UnprocessableEntityException } from '@workos-inc/node';
import { Secret, TOTP, URI } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './test-seed.ts';
import { orgId, rejection, sdkAgainstFake, userId } from './sdk-test-support.ts';

/** MFA through the real SDK, codes from a standard TOTP library (otpauth). */
const { fake, workos, um, mfa } = sdkAgainstFake();
const totpNow = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret) }).generate();

async function pendingMfa(email: string, code: 'mfa_challenge' | 'mfa_enrollment') {
  const error = await rejection(um.authenticateWithPassword({ email, password: DEMO_PASSWORD }));
  expect(error).toBeInstanceOf(AuthenticationException);
  const e = error as AuthenticationException;
  expect(e).toMatchObject({ status: 403, code });
  return {
    token: e.pendingAuthenticationToken!,
    factors: (e.rawData.authentication_factors ?? []) as Array<{ id: string; type: string }>,
  };
}

describe('mfa_challenge', () => {
  it('Mia: one TOTP factor, challenged and answered with an authenticator code', async () => {
    const { token, factors } = await pendingMfa('mia@example.com', 'mfa_challenge');
    expect(factors).toEqual([{ id: expect.stringMatching(/^auth_factor_/), type: 'totp' }]);
    const challenge = await mfa.challengeFactor({ authenticationFactorId: factors[0].id });
    expect(challenge).toMatchObject({ object: 'authentication_challenge', authenticationFactorId: factors[0].id });

    const wrong = await rejection(
      um.authenticateWithTotp({
        pendingAuthenticationToken: token,
        authenticationChallengeId: challenge.id,
        code: '000000',
      }),
    );
    expect(wrong).toMatchObject({ status: 400, code: 'invalid_one_time_code' });
    const result = await um.authenticateWithTotp({
      pendingAuthenticationToken: token,
      authenticationChallengeId: challenge.id,
      code: totpNow('JBSWY3DPEHPK3PXP'),
    });
    expect(result).toMatchObject({
      authenticationMethod: 'Password',
      organizationId: orgId(fake, 'Demo Organization'),
    });
  });

  it('Olivia: TOTP and SMS listed; the SMS code is recorded for /_fake/sms', async () => {
    const { token, factors } = await pendingMfa('olivia@example.com', 'mfa_challenge');
    expect(factors.map((f) => f.type)).toEqual(['totp', 'sms']);
    const challenge = await mfa.challengeFactor({ authenticationFactorId: factors[1].id });
    expect(challenge.expiresAt).toEqual(expect.any(String));
    const sms = (await (await fake.app.request('/_fake/sms?to=%2B15555550123')).json()) as {
      data: Array<{ code: string }>;
    };
    const result = await um.authenticateWithTotp({
      pendingAuthenticationToken: token,
      authenticationChallengeId: challenge.id,
      code: sms.data[0].code,
    });
    expect(result.user.email).toBe('olivia@example.com');
  });
});

describe('mfa_enrollment', () => {
  it('Noah enrols TOTP (QR code, secret, URI), signs in, and is challenged next time', async () => {
    const { token } = await pendingMfa('noah@example.com', 'mfa_enrollment');
    const noah = userId(fake, 'noah@example.com');
    const { authenticationFactor: factor, authenticationChallenge: challenge } = await mfa.createUserAuthFactor({
      userId: noah,
      type: 'totp',
      totpIssuer: 'WordPress',
      totpUser: 'noah@example.com',
    });
    expect(factor.totp).toMatchObject({
      issuer: 'WordPress',
      user: 'noah@example.com',
      qrCode: expect.stringMatching(/^data:image\/png;base64,/),
      secret: expect.stringMatching(/^[A-Z2-7]{32}$/),
    });
    const parsed = URI.parse(factor.totp.uri) as TOTP;
    expect(parsed.secret.base32).toBe(factor.totp.secret);
    expect(challenge.authenticationFactorId).toBe(factor.id);

    const result = await um.authenticateWithTotp({
      pendingAuthenticationToken: token,
      authenticationChallengeId: challenge.id,
      code: parsed.generate(),
    });
    expect(result.user.id).toBe(noah);
    const listed = await mfa.listUserAuthFactors({ userId: noah });
    expect(listed.data).toEqual([
      expect.objectContaining({ id: factor.id, type: 'totp', totp: { issuer: 'WordPress', user: 'noah@example.com' } }),
    ]);
    await pendingMfa('noah@example.com', 'mfa_challenge');
  });

  it('enrols SMS through the fake’s extension of the same endpoint', async () => {
    const { data } = await workos.post<{ authentication_factor: { id: string; sms: { phone_number: string } } }>(
      `/user_management/users/${userId(fake, 'linus@example.com')}/auth_factors`,
      { type: 'sms', phone_number: '+15555550188' },
    );
    expect(data.authentication_factor.sms.phone_number).toBe('+15555550188');
    const sms = (await (await fake.app.request('/_fake/sms?to=%2B15555550188')).json()) as { data: unknown[] };
    expect(sms.data).toHaveLength(1);
  });
});

describe('verifyChallenge (no pending token: a second factor checked on its own)', () => {
  it('answers valid or not, and refuses a challenge verified already', async () => {
    const mia = userId(fake, 'mia@example.com');
    const factor = (await mfa.listUserAuthFactors({ userId: mia })).data[0];
    const challenge = await mfa.challengeFactor({ authenticationFactorId: factor.id });
    expect((await mfa.verifyChallenge({ authenticationChallengeId: challenge.id, code: '000000' })).valid).toBe(false);
    const ok = await mfa.verifyChallenge({
      authenticationChallengeId: challenge.id,
      code: totpNow('JBSWY3DPEHPK3PXP'),
    });
    expect(ok).toMatchObject({ valid: true, challenge: { id: challenge.id } });
    const again = await rejection(mfa.verifyChallenge({ authenticationChallengeId: challenge.id, code: '000000' }));
    expect(again).toBeInstanceOf(UnprocessableEntityException);
    expect(again).toMatchObject({ code: 'authentication_challenge_previously_verified' });
  });
});
