import { z } from 'zod';
import type { FakeContext, RouteDef } from '../context.ts';
import { entityNotFound, invalidParameters } from '../errors.ts';
import { createPasswordReset, passwordResetWire, usablePasswordReset } from '../password-reset.ts';
import { PASSWORD_STRENGTH_MESSAGE, passwordProblems } from '../password-policy.ts';
import { hashPassword } from '../passwords.ts';

const createBody = z.object({ email: z.email().max(320) });
const confirmBody = z.object({ token: z.string().min(1).max(256), new_password: z.string().min(1).max(1024) });

/**
 * Password reset tokens. WorkOS answers an unknown email with 404 (the login server must not
 * pass that on); an unknown, used or expired token with 404 `password_reset_token_not_found`;
 * a refused password with 400 `password_reset_error` and one `errors` entry per broken rule.
 * A reset verifies the email and ends every session of the user.
 */
export function passwordResetRoutes({ store }: FakeContext): RouteDef[] {
  return [
    {
      method: 'POST',
      path: '/user_management/password_reset',
      auth: 'api_key',
      statuses: [201, 404, 422],
      async handler(c) {
        const parsed = createBody.safeParse(await c.req.json().catch(() => null));
        if (!parsed.success)
          return c.json(invalidParameters('Validation failed: email must be an email address.'), 422);
        const user = store.findUserByEmail(parsed.data.email);
        if (!user) return c.json(entityNotFound('User', parsed.data.email.toLowerCase()), 404);
        return c.json(passwordResetWire(createPasswordReset(store, user), new URL(c.req.url).origin), 201);
      },
    },
    {
      method: 'GET',
      path: '/user_management/password_reset/{id}',
      auth: 'api_key',
      statuses: [200, 404],
      handler(c) {
        const id = c.req.param('id')!;
        const record = store.passwordResets.get(id);
        return record
          ? c.json(passwordResetWire(record, new URL(c.req.url).origin), 200)
          : c.json(entityNotFound('Password reset', id), 404);
      },
    },
    {
      method: 'POST',
      path: '/user_management/password_reset/confirm',
      auth: 'api_key',
      statuses: [200, 400, 404, 422],
      async handler(c) {
        const parsed = confirmBody.safeParse(await c.req.json().catch(() => null));
        if (!parsed.success)
          return c.json(invalidParameters('Validation failed: token and new_password are required.'), 422);
        const record = usablePasswordReset(store, parsed.data.token);
        const user = record && store.users.get(record.user_id);
        if (!record || !user) {
          return c.json({ code: 'password_reset_token_not_found', message: 'Password reset token not found.' }, 404);
        }
        const errors = passwordProblems(parsed.data.new_password);
        if (errors.length)
          return c.json({ code: 'password_reset_error', message: PASSWORD_STRENGTH_MESSAGE, errors }, 400);

        user.passwordHash = await hashPassword(parsed.data.new_password);
        for (const r of store.passwordResets.values()) if (r.user_id === user.wire.id) r.used = true;
        store.markEmailVerified(user);
        store.revokeSessionsOf(user.wire.id);
        return c.json({ user: user.wire }, 200);
      },
    },
  ];
}
