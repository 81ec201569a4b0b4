import type { WorkOSFake } from './app.ts';
import { NO_ID, row, type Case } from './conformance-cases.ts';
import { createEmailVerification, createMagicAuth } from './one-time-codes.ts';
import { createPasswordReset } from './password-reset.ts';

/** Test support: rows for the round-4 routes (magic auth, users, resets, invitations, MFA, authorize). */
export function buildRouteCases(fake: WorkOSFake): Case[] {
  const { store } = fake;
  const magic = row('POST', '/user_management/magic_auth');
  const oneMagic = row('GET', '/user_management/magic_auth/{id}');
  const invitation = [...store.invitations.values()][0];
  const M = '/user_management/magic_auth';
  const createUser = row('POST', '/user_management/users');
  const updateUser = row('PUT', '/user_management/users/{id}');
  const verification = row('GET', '/user_management/email_verification/{id}');
  const U = '/user_management/users';
  const grace = store.findUserByEmail('grace@example.com')!.wire.id;
  const linus = store.findUserByEmail('linus@example.com')!;
  const reset = row('POST', '/user_management/password_reset');
  const oneReset = row('GET', '/user_management/password_reset/{id}');
  const confirm = row('POST', '/user_management/password_reset/confirm');
  const byToken = row('GET', '/user_management/invitations/by_token/{token}');
  const oneInvitation = row('GET', '/user_management/invitations/{id}');
  const R = '/user_management/password_reset';
  const resetting = () =>
    createPasswordReset(
      store,
      store.createUser({ email: `reset-${store.users.size}@example.com`, emailVerified: true, passwordHash: null }),
    );
  const usedReset = resetting();
  usedReset.used = true;
  const newcomer = { email: 'created-by-api@example.com', first_name: 'New', last_name: 'Comer' };

  return [
    magic('magic auth: create for a user', 201, M, { body: { email: 'ada@example.com' } }),
    magic('magic auth: create for a new email', 201, M, { body: { email: 'someone-new@example.com' } }),
    magic('magic auth: with an invitation', 201, M, {
      body: { email: invitation.email, invitation_token: invitation.token },
    }),
    magic('magic auth: invitation for another email', 400, M, {
      body: { email: 'ada@example.com', invitation_token: invitation.token },
    }),
    magic('magic auth: bad email', 422, M, { body: { email: 'not-an-email' } }),
    oneMagic('magic auth: get', 200, `${M}/${createMagicAuth(store, 'ada@example.com').id}`),
    oneMagic('magic auth: unknown', 404, `${M}/magic_auth_${NO_ID}`),

    createUser('user: create with a password', 201, U, { body: { ...newcomer, password: 'Correct-Horse-8' } }),
    createUser('user: create without a password, verified', 201, U, {
      body: { email: 'no-password@example.com', email_verified: true },
    }),
    createUser('user: weak password', 400, U, { body: { email: 'weak@example.com', password: 'short' } }),
    createUser('user: email taken', 400, U, { body: { email: 'ADA@example.com', password: 'Correct-Horse-8' } }),
    createUser('user: bad email', 422, U, { body: { email: 'nope', password: 'Correct-Horse-8' } }),
    updateUser('user: update names', 200, `${U}/${grace}`, { method: 'PUT', body: { first_name: 'Grace B.' } }),
    updateUser('user: update to a breached password', 400, `${U}/${grace}`, {
      method: 'PUT',
      body: { password: 'Password123!' },
    }),
    updateUser('user: update to a taken email', 400, `${U}/${grace}`, {
      method: 'PUT',
      body: { email: 'ada@example.com' },
    }),
    updateUser('user: update unknown', 404, `${U}/user_${NO_ID}`, {
      method: 'PUT',
      body: { first_name: 'X' },
      closest: { method: 'GET', path: '/user_management/users/{id}', status: 404, why: 'no 404 documented for PUT' },
    }),
    updateUser('user: update with a bad type', 422, `${U}/${grace}`, {
      method: 'PUT',
      body: { email_verified: 'yes' },
    }),
    verification(
      'email verification: get',
      200,
      `/user_management/email_verification/${createEmailVerification(store, linus).id}`,
    ),
    reset('reset: known email', 201, R, { body: { email: 'linus@example.com' } }),
    reset('reset: unknown email', 404, R, { body: { email: 'nobody@example.com' } }),
    reset('reset: bad email', 422, R, { body: { email: 'x' } }),
    oneReset('reset: get', 200, `${R}/${resetting().id}`),
    oneReset('reset: unknown', 404, `${R}/password_reset_${NO_ID}`),
    confirm('reset: confirm', 200, `${R}/confirm`, {
      body: { token: resetting().token, new_password: 'Fresh-Horse-10' },
    }),
    confirm('reset: weak password', 400, `${R}/confirm`, { body: { token: resetting().token, new_password: 'abc' } }),
    confirm('reset: used token', 404, `${R}/confirm`, {
      body: { token: usedReset.token, new_password: 'Fresh-Horse-10' },
    }),
    confirm('reset: no token', 422, `${R}/confirm`, { body: { new_password: 'Fresh-Horse-10' } }),
    byToken('invitation: by token', 200, `/user_management/invitations/by_token/${invitation.token}`),
    byToken('invitation: unknown token', 404, '/user_management/invitations/by_token/nope'),
    oneInvitation('invitation: by id', 200, `/user_management/invitations/${invitation.id}`),
    oneInvitation('invitation: unknown id', 404, `/user_management/invitations/invitation_${NO_ID}`),
    verification('email verification: unknown', 404, `/user_management/email_verification/email_verification_${NO_ID}`),
  ];
}
