import type { FakeContext, RouteDef } from '../context.ts';
import { entityNotFound } from '../errors.ts';
import { emailVerificationWire } from '../one-time-codes.ts';

/** The code WorkOS emailed with `email_verification_required` (its id is in that answer). */
export function emailVerificationRoutes({ store }: FakeContext): RouteDef[] {
  return [
    {
      method: 'GET',
      path: '/user_management/email_verification/{id}',
      auth: 'api_key',
      statuses: [200, 404],
      handler(c) {
        const id = c.req.param('id')!;
        const record = store.emailVerifications.get(id);
        return record
          ? c.json(emailVerificationWire(record), 200)
          : c.json(entityNotFound('Email verification', id), 404);
      },
    },
  ];
}
