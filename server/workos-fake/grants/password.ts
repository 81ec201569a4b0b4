import { z } from 'zod';
import { INVALID_CREDENTIALS, invalidParameters } from '../errors.ts';
import { MULTI_STEP_ANSWERS } from '../multi-step.ts';
import { burnPasswordCheck, verifyPassword } from '../passwords.ts';
import { completeSignIn } from '../sign-in.ts';
import type { Grant } from './grant.ts';

const body = z.object({
  email: z.string().min(1).max(320),
  password: z.string().min(1).max(1024),
  ip_address: z.string().max(64).optional(),
  user_agent: z.string().max(1024).optional(),
  invitation_token: z.string().optional(),
});

/** grant_type `password`: email + password → tokens, a multi-step answer, or invalid_credentials. */
export const passwordGrant: Grant = {
  needsClientSecret: true,
  async handle({ fake, body: raw, origin }) {
    const parsed = body.safeParse(raw);
    if (!parsed.success)
      return { status: 422, body: invalidParameters('Validation failed: email and password are required.') };
    const { email, password, ip_address, user_agent } = parsed.data;

    const user = fake.store.findUserByEmail(email);
    if (!user?.passwordHash) {
      await burnPasswordCheck(password);
      return { status: 400, body: INVALID_CREDENTIALS };
    }
    if (!(await verifyPassword(password, user.passwordHash))) return { status: 400, body: INVALID_CREDENTIALS };

    if (user.nextStep) return MULTI_STEP_ANSWERS[user.nextStep](fake.store, user);

    const response = await completeSignIn(fake, {
      user,
      method: 'Password',
      origin,
      ipAddress: ip_address ?? null,
      userAgent: user_agent ?? null,
    });
    return { status: 200, body: response };
  },
};
