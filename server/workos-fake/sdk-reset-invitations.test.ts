import { BadRequestException, NotFoundException } from '@workos-inc/node';
import { describe, expect, it } from 'vitest';
import { lastEmail, orgId, rejection, sdkAgainstFake, userId } from './sdk-test-support.ts';
import { DEMO_PASSWORD } from './test-seed.ts';

/** Password reset and invitations through the real SDK. */
const { fake, um } = sdkAgainstFake();
const NEW_PASSWORD = 'Another-Horse-8';

describe('password reset', () => {
  it('makes a token (also emailed), resets once, ends sessions and verifies the email', async () => {
    const session = (await um.authenticateWithPassword({ email: 'margaret@example.com', password: DEMO_PASSWORD }))
      .accessToken;
    expect(session).toBeTruthy();
    const reset = await um.createPasswordReset({ email: 'Margaret@example.com' });
    expect(reset).toMatchObject({ email: 'margaret@example.com', userId: userId(fake, 'margaret@example.com') });
    expect((await lastEmail(fake, 'margaret@example.com', 'password_reset'))?.token).toBe(reset.passwordResetToken);
    expect((await um.getPasswordReset(reset.id)).passwordResetToken).toBe(reset.passwordResetToken);

    const weak = await rejection(um.resetPassword({ token: reset.passwordResetToken, newPassword: 'short' }));
    expect(weak).toBeInstanceOf(BadRequestException);
    expect(weak).toMatchObject({
      code: 'password_reset_error',
      errors: [{ code: 'password_too_short' }, { code: 'password_too_weak' }],
    });

    const { user } = await um.resetPassword({ token: reset.passwordResetToken, newPassword: NEW_PASSWORD });
    expect(user).toMatchObject({ email: 'margaret@example.com', emailVerified: true });
    const sessions = [...fake.store.sessions.values()].filter((s) => s.user_id === user.id);
    expect(sessions.every((s) => s.status === 'revoked')).toBe(true);
    expect((await um.authenticateWithPassword({ email: 'margaret@example.com', password: NEW_PASSWORD })).user.id).toBe(
      user.id,
    );
    expect(
      await rejection(um.authenticateWithPassword({ email: 'margaret@example.com', password: DEMO_PASSWORD })),
    ).toMatchObject({
      code: 'invalid_credentials',
    });

    const reused = await rejection(
      um.resetPassword({ token: reset.passwordResetToken, newPassword: 'Third-Horse-9!' }),
    );
    expect(reused).toBeInstanceOf(NotFoundException);
    expect(reused).toMatchObject({ code: 'password_reset_token_not_found' });
  });

  it('404s an unknown email and an unknown or expired token', async () => {
    expect(await rejection(um.createPasswordReset({ email: 'nobody@example.com' }))).toBeInstanceOf(NotFoundException);
    expect(await rejection(um.resetPassword({ token: 'nope', newPassword: NEW_PASSWORD }))).toBeInstanceOf(
      NotFoundException,
    );
    const reset = await um.createPasswordReset({ email: 'linus@example.com' });
    fake.store.passwordResets.get(reset.id)!.expires_at = new Date(0).toISOString();
    expect(
      await rejection(um.resetPassword({ token: reset.passwordResetToken, newPassword: NEW_PASSWORD })),
    ).toMatchObject({
      code: 'password_reset_token_not_found',
    });
  });
});

describe('invitations', () => {
  it('finds Ivy’s invitation by token (emailed) and by id; accepting marks it accepted', async () => {
    const token = (await lastEmail(fake, 'ivy@example.com', 'invitation'))!.token!;
    const invitation = await um.findInvitationByToken(token);
    expect(invitation).toMatchObject({
      email: 'ivy@example.com',
      state: 'pending',
      organizationId: orgId(fake, 'Demo Organization'),
      roleSlug: 'member',
      token,
    });
    expect(await um.getInvitation(invitation.id)).toMatchObject({ id: invitation.id, state: 'pending' });

    await um.createUser({ email: 'ivy@example.com', password: NEW_PASSWORD, firstName: 'Ivy' });
    const result = await um.authenticateWithPassword({
      email: 'ivy@example.com',
      password: NEW_PASSWORD,
      invitationToken: token,
    });
    expect(result.organizationId).toBe(invitation.organizationId);
    expect(await um.findInvitationByToken(token)).toMatchObject({ state: 'accepted', acceptedUserId: result.user.id });
    const memberships = await um.listOrganizationMemberships({ userId: result.user.id });
    expect(memberships.data.map((m) => m.role.slug)).toEqual(['member']);
  });

  it('refuses an invitation for another email and 404s unknown tokens', async () => {
    const token = [...fake.store.invitations.values()][0].token;
    const other = await rejection(
      um.authenticateWithPassword({ email: 'linus@example.com', password: DEMO_PASSWORD, invitationToken: token }),
    );
    expect(other).toMatchObject({ status: 400, error: expect.stringMatching(/^invitation_/) });
    expect(await rejection(um.findInvitationByToken('nope'))).toBeInstanceOf(NotFoundException);
  });
});
