import {
  AuthenticationException,
  BadRequestException,
  GenericServerException,
  NotFoundException,
} from '@workos-inc/node';
import { describe, expect, it } from 'vitest';
import { createWorkOSFake } from './app.ts';
import { lastEmail, orgId, rejection, sdkAgainstFake } from './sdk-test-support.ts';
import { DEMO_PASSWORD } from './test-seed.ts';

/** Sign-up through the real SDK: createUser, email_verification_required, the verification grant. */
const { fake, um } = sdkAgainstFake();
const PASSWORD = 'Brand-New-Horse-9';

async function verificationRequired(email: string, password: string) {
  const error = await rejection(um.authenticateWithPassword({ email, password }));
  expect(error).toBeInstanceOf(AuthenticationException);
  const e = error as AuthenticationException;
  expect(e).toMatchObject({ status: 403, code: 'email_verification_required', rawData: { email } });
  return { token: e.pendingAuthenticationToken!, verificationId: String(e.rawData.email_verification_id) };
}

describe('createUser', () => {
  it('refuses weak passwords with one error per broken rule', async () => {
    const error = await rejection(um.createUser({ email: 'weak@example.com', password: 'short' }));
    expect(error).toBeInstanceOf(BadRequestException);
    const e = error as BadRequestException;
    expect(e.code).toBe('password_strength_error');
    expect(e.errors?.map((x) => (x as { code: string }).code)).toEqual(['password_too_short', 'password_too_weak']);
    const breached = (await rejection(
      um.createUser({ email: 'weak@example.com', password: 'Password123!' }),
    )) as BadRequestException;
    expect(breached.errors?.map((x) => (x as { code: string }).code)).toEqual(['password_breached']);
  });

  it('refuses an email that has a user', async () => {
    const e = (await rejection(um.createUser({ email: 'Ada@example.com', password: PASSWORD }))) as BadRequestException;
    expect(e).toBeInstanceOf(BadRequestException);
    expect(e).toMatchObject({ code: 'user_creation_error', errors: [{ code: 'email_not_available' }] });
  });

  it('creates an unverified user who must verify the emailed code once', async () => {
    const user = await um.createUser({
      email: 'Signup@example.com',
      password: PASSWORD,
      firstName: 'Sign',
      lastName: 'Up',
    });
    expect(user).toMatchObject({ email: 'signup@example.com', emailVerified: false, firstName: 'Sign' });
    expect((await um.listUsers({ email: 'signup@example.com' })).data.map((u) => u.id)).toEqual([user.id]);

    const { token, verificationId } = await verificationRequired('signup@example.com', PASSWORD);
    const verification = await um.getEmailVerification(verificationId);
    expect(verification).toMatchObject({ userId: user.id, email: 'signup@example.com' });
    expect((await lastEmail(fake, 'signup@example.com', 'email_verification'))?.code).toBe(verification.code);

    const wrong = await rejection(
      um.authenticateWithEmailVerification({ code: '000000', pendingAuthenticationToken: token }),
    );
    expect(wrong).toBeInstanceOf(GenericServerException);
    expect(wrong).toMatchObject({ status: 400, code: 'invalid_one_time_code' });

    const result = await um.authenticateWithEmailVerification({
      code: verification.code,
      pendingAuthenticationToken: token,
    });
    expect(result).toMatchObject({ authenticationMethod: 'Password', user: { id: user.id, emailVerified: true } });
    const spent = await rejection(
      um.authenticateWithEmailVerification({ code: verification.code, pendingAuthenticationToken: token }),
    );
    expect(spent).toMatchObject({ status: 400, code: 'invalid_pending_authentication_token' });

    expect((await um.authenticateWithPassword({ email: 'signup@example.com', password: PASSWORD })).user.id).toBe(
      user.id,
    );
  });

  it('verifies Vera, seeded unverified, and then signs her in to Demo Organization', async () => {
    const { token } = await verificationRequired('vera@example.com', DEMO_PASSWORD);
    const code = (await lastEmail(fake, 'vera@example.com', 'email_verification'))!.code!;
    const result = await um.authenticateWithEmailVerification({ code, pendingAuthenticationToken: token });
    expect(result.organizationId).toBe(orgId(fake, 'Demo Organization'));
  });

  it('accepts an invitation on the password grant: no verification, membership with the invited role', async () => {
    const own = sdkAgainstFake(createWorkOSFake());
    const invitation = [...own.fake.store.invitations.values()][0];
    await own.um.createUser({ email: 'ivy@example.com', password: PASSWORD });
    const result = await own.um.authenticateWithPassword({
      email: 'ivy@example.com',
      password: PASSWORD,
      invitationToken: invitation.token,
    });
    expect(result.user.emailVerified).toBe(true);
    expect(result.organizationId).toBe(invitation.organization_id);
    expect(invitation.state).toBe('accepted');
  });
});

describe('updateUser', () => {
  it('changes names and verification, applies the password policy, 404s unknown users', async () => {
    const created = await um.createUser({ email: 'update-me@example.com', password: PASSWORD });
    const updated = await um.updateUser({ userId: created.id, firstName: 'Up', emailVerified: true });
    expect(updated).toMatchObject({ firstName: 'Up', emailVerified: true });
    expect((await um.authenticateWithPassword({ email: 'update-me@example.com', password: PASSWORD })).user.id).toBe(
      created.id,
    );

    const weak = await rejection(um.updateUser({ userId: created.id, password: 'abc' }));
    expect(weak).toMatchObject({ code: 'password_strength_error' });
    expect(
      await rejection(um.updateUser({ userId: 'user_01AAAAAAAAAAAAAAAAAAAAAAAA', firstName: 'X' })),
    ).toBeInstanceOf(NotFoundException);
  });
});
