import { z } from 'zod';
import { INVALID_CREDENTIALS } from '../errors.ts';
import { proceed } from '../flow.ts';
import { burnPasswordCheck, verifyPassword } from '../passwords.ts';
import { clientFields, invalidBody, invitationFor, token } from './common.ts';
import type { Grant } from './grant.ts';

const body = z.object({
  email: z.string().min(1).max(320),
  password: z.string().min(1).max(1024),
  invitation_token: token.optional(),
  ...clientFields,
});

/** grant_type `password`: email + password → tokens, a multi-step answer, or invalid_credentials. */
export const passwordGrant: Grant = {
  needsClientSecret: true,
  async handle({ fake, body: raw, origin }) {
    const parsed = body.safeParse(raw);
    if (!parsed.success) return invalidBody('email and password are required');
    const { email, password, invitation_token, ip_address, user_agent } = parsed.data;

    const user = fake.store.findUserByEmail(email);
    if (!user?.passwordHash) {
      await burnPasswordCheck(password);
      return { status: 400, body: INVALID_CREDENTIALS };
    }
    if (!(await verifyPassword(password, user.passwordHash))) return { status: 400, body: INVALID_CREDENTIALS };

    const invitation = invitationFor(fake.store, invitation_token, user.wire.email);
    if (!invitation.ok) return invitation.result;
    invitation.accept(user);

    return proceed(fake, {
      user,
      method: 'Password',
      origin,
      ipAddress: ip_address ?? null,
      userAgent: user_agent ?? null,
    });
  },
};
