import { AuthenticationException, GenericServerException, OauthException } from '@workos-inc/node';
import { describe, expect, it } from 'vitest';
import { orgId, rejection, sdkAgainstFake } from './sdk-test-support.ts';

/** Magic Auth through the real SDK: createMagicAuth, then authenticateWithMagicAuth. */
const { fake, um } = sdkAgainstFake();

describe('createMagicAuth + authenticateWithMagicAuth', () => {
  it('returns the code, as WorkOS does, and signs in with it once', async () => {
    const magic = await um.createMagicAuth({ email: 'Grace@example.com' });
    expect(magic).toMatchObject({
      object: 'magic_auth',
      email: 'grace@example.com',
      code: expect.stringMatching(/^\d{6}$/),
    });
    expect(magic.userId).toBe(fake.store.findUserByEmail('grace@example.com')!.wire.id);

    const result = await um.authenticateWithMagicAuth({ email: 'grace@example.com', code: magic.code });
    expect(result.authenticationMethod).toBe('MagicAuth');
    expect(result.organizationId).toBe(orgId(fake, 'Demo Organization'));

    const reused = await rejection(um.authenticateWithMagicAuth({ email: 'grace@example.com', code: magic.code }));
    expect(reused).toBeInstanceOf(GenericServerException);
    expect(reused).toMatchObject({ status: 400, code: 'one_time_code_previously_used' });
  });

  it('refuses a wrong code and an expired one', async () => {
    const wrong = await rejection(um.authenticateWithMagicAuth({ email: 'linus@example.com', code: '123456x' }));
    expect(wrong).toMatchObject({ status: 400, code: 'invalid_one_time_code' });
    const magic = await um.createMagicAuth({ email: 'linus@example.com' });
    fake.store.magicAuths.get(magic.id)!.expires_at = new Date(Date.now() - 1).toISOString();
    const expired = await rejection(um.authenticateWithMagicAuth({ email: 'linus@example.com', code: magic.code }));
    expect(expired).toMatchObject({ status: 400, code: 'one_time_code_expired' });
  });

  it('creates an unknown email’s user only when the code is redeemed, verified', async () => {
    const magic = await um.createMagicAuth({ email: 'newcomer@example.com' });
    expect((await um.listUsers({ email: 'newcomer@example.com' })).data).toEqual([]);
    const again = await um.createMagicAuth({ email: 'newcomer@example.com' });
    expect(again.userId).toBe(magic.userId);

    const result = await um.authenticateWithMagicAuth({ email: 'newcomer@example.com', code: again.code });
    expect(result.user).toMatchObject({ id: magic.userId, email: 'newcomer@example.com', emailVerified: true });
    expect(result.organizationId).toBeUndefined();
  });

  it('verifies an unverified email (Vera) instead of asking for verification', async () => {
    const magic = await um.createMagicAuth({ email: 'vera@example.com' });
    const result = await um.authenticateWithMagicAuth({ email: 'vera@example.com', code: magic.code });
    expect(result.user.emailVerified).toBe(true);
  });

  it('answers the multi-step errors a password would: sso_required for Eve, mfa_challenge for Mia', async () => {
    const eve = await um.createMagicAuth({ email: 'eve@sso.example.com' });
    const sso = await rejection(um.authenticateWithMagicAuth({ email: 'eve@sso.example.com', code: eve.code }));
    expect(sso).toBeInstanceOf(AuthenticationException);
    const ssoOrg = [...fake.store.organizations.values()].find((o) => o.wire.name === 'SSO Organization')!;
    expect(sso).toMatchObject({ code: 'sso_required', rawData: { connection_ids: ssoOrg.connectionIds } });

    const mia = await um.createMagicAuth({ email: 'mia@example.com' });
    const mfa = await rejection(um.authenticateWithMagicAuth({ email: 'mia@example.com', code: mia.code }));
    expect(mfa).toMatchObject({ code: 'mfa_challenge', pendingAuthenticationToken: expect.any(String) });
  });

  it('accepts an invitation: Ivy joins Demo Organization as member', async () => {
    const invitation = [...fake.store.invitations.values()].find((i) => i.email === 'ivy@example.com')!;
    const refused = await rejection(
      um.createMagicAuth({ email: 'ada@example.com', invitationToken: invitation.token }),
    );
    expect(refused).toBeInstanceOf(OauthException);
    expect(refused).toMatchObject({ status: 400, error: 'invitation_invalid' });

    const magic = await um.createMagicAuth({ email: 'ivy@example.com', invitationToken: invitation.token });
    const result = await um.authenticateWithMagicAuth({
      email: 'ivy@example.com',
      code: magic.code,
      invitationToken: invitation.token,
    });
    expect(result.organizationId).toBe(invitation.organization_id);
    expect(invitation).toMatchObject({ state: 'accepted', accepted_user_id: result.user.id });
    expect(fake.store.membershipsOf({ userId: result.user.id })).toMatchObject([{ role: 'member', status: 'active' }]);

    const spent = await um.createMagicAuth({ email: 'ivy@example.com' });
    const again = await rejection(
      um.authenticateWithMagicAuth({ email: 'ivy@example.com', code: spent.code, invitationToken: invitation.token }),
    );
    expect(again).toMatchObject({ error: 'invitation_invalid' });
  });
});
