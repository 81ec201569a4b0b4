import { z } from 'zod';
import type { FakeContext, RouteDef } from '../context.ts';
import { entityNotFound, oauthError } from '../errors.ts';
import { checkInvitation } from '../invitations.ts';
import { createMagicAuth, magicAuthWire } from '../one-time-codes.ts';

const createBody = z.object({
  email: z.email().max(320),
  invitation_token: z.string().min(1).max(256).optional(),
});

/**
 * Magic Auth codes. WorkOS returns the code in the answer (for apps that send their own email)
 * and emails it too; the fake records the email for `GET /_fake/emails`. The code is made for
 * any email: a user is created only when it is redeemed (grants/magic-auth.ts).
 */
export function magicAuthRoutes({ store }: FakeContext): RouteDef[] {
  return [
    {
      method: 'POST',
      path: '/user_management/magic_auth',
      auth: 'api_key',
      statuses: [201, 400, 422],
      async handler(c) {
        const parsed = createBody.safeParse(await c.req.json().catch(() => null));
        if (!parsed.success) return c.json({ message: 'Validation failed: email must be a valid email address.' }, 422);
        const { email, invitation_token: invitationToken } = parsed.data;
        // The spec's only invitation error here is `invitation_invalid`, a wrong email included.
        if (invitationToken !== undefined && !checkInvitation(store, invitationToken, email).ok) {
          return c.json(oauthError('invitation_invalid', 'The invitation is invalid for this email.'), 400);
        }
        return c.json(magicAuthWire(createMagicAuth(store, email)), 201);
      },
    },
    {
      method: 'GET',
      path: '/user_management/magic_auth/{id}',
      auth: 'api_key',
      statuses: [200, 404],
      handler(c) {
        const id = c.req.param('id')!;
        const record = store.magicAuths.get(id);
        return record ? c.json(magicAuthWire(record), 200) : c.json(entityNotFound('Magic Auth', id), 404);
      },
    },
  ];
}
