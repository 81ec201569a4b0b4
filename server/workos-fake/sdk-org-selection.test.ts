import { AuthenticationException, OauthException } from '@workos-inc/node';
import { decodeJwt } from 'jose';
import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { createWorkOSFake } from './app.ts';
import { addFactor } from './mfa/factors.ts';
import { orgId, rejection, sdkAgainstFake, userId } from './sdk-test-support.ts';
import { DEMO_PASSWORD } from './test-seed.ts';

/** organization_selection_required and its grant through the real SDK. */
const { fake, um } = sdkAgainstFake();

async function chooser(email = 'sam@example.com', client = um) {
  const error = await rejection(client.authenticateWithPassword({ email, password: DEMO_PASSWORD }));
  expect(error).toBeInstanceOf(AuthenticationException);
  const e = error as AuthenticationException;
  expect(e).toMatchObject({ status: 403, code: 'organization_selection_required' });
  return {
    token: e.pendingAuthenticationToken!,
    organizations: e.rawData.organizations as Array<{ id: string; name: string }>,
  };
}

describe('organization selection', () => {
  it('offers Sam his two organizations and signs him in to the chosen one, once', async () => {
    const { token, organizations } = await chooser();
    expect(organizations).toEqual([
      { id: orgId(fake, 'Demo Organization'), name: 'Demo Organization' },
      { id: orgId(fake, 'Second Organization'), name: 'Second Organization' },
    ]);
    const second = organizations[1].id;
    const result = await um.authenticateWithOrganizationSelection({
      pendingAuthenticationToken: token,
      organizationId: second,
    });
    expect(result).toMatchObject({ organizationId: second, authenticationMethod: 'Password' });
    expect(decodeJwt(result.accessToken)).toMatchObject({ org_id: second, role: 'member' });

    const again = await rejection(
      um.authenticateWithOrganizationSelection({ pendingAuthenticationToken: token, organizationId: second }),
    );
    expect(again).toMatchObject({ status: 400, code: 'invalid_pending_authentication_token' });
  });

  it('refuses an organization the answer did not offer', async () => {
    const { token } = await chooser();
    const error = await rejection(
      um.authenticateWithOrganizationSelection({
        pendingAuthenticationToken: token,
        organizationId: orgId(fake, 'SSO Organization'),
      }),
    );
    expect(error).toBeInstanceOf(OauthException);
    expect(error).toMatchObject({ status: 400, error: 'organization_membership_not_found' });
  });

  it('comes after MFA when both apply', async () => {
    const own = sdkAgainstFake(createWorkOSFake());
    const secret = 'KRSXG5CTMVRXEZLU';
    const factor = addFactor(own.fake.store, {
      user_id: userId(own.fake, 'sam@example.com'),
      type: 'totp',
      secret,
      issuer: 'Test',
      account: 'sam@example.com',
      phone_number: null,
    });
    const error = (await rejection(
      own.um.authenticateWithPassword({ email: 'sam@example.com', password: DEMO_PASSWORD }),
    )) as AuthenticationException;
    expect(error.code).toBe('mfa_challenge');
    const challenge = await own.mfa.challengeFactor({ authenticationFactorId: factor.id });
    const next = await rejection(
      own.um.authenticateWithTotp({
        pendingAuthenticationToken: error.pendingAuthenticationToken!,
        authenticationChallengeId: challenge.id,
        code: new TOTP({ secret: Secret.fromBase32(secret) }).generate(),
      }),
    );
    expect(next).toMatchObject({ code: 'organization_selection_required', rawData: { organizations: { length: 2 } } });
  });
});
