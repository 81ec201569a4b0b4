import type { FakeContext, RouteDef } from '../context.ts';
import { entityNotFound } from '../errors.ts';
import { findInvitationByToken, invitationWire } from '../invitations.ts';

/** Reading invitations (seeded; accepted by an authenticate grant given their token). */
export function invitationRoutes({ store }: FakeContext): RouteDef[] {
  return [
    {
      method: 'GET',
      path: '/user_management/invitations/by_token/{token}',
      auth: 'api_key',
      statuses: [200, 404],
      handler(c) {
        const token = c.req.param('token')!;
        const invitation = findInvitationByToken(store, token);
        // The token is a secret: the 404 does not repeat it.
        if (!invitation) return c.json({ code: 'entity_not_found', message: 'Invitation not found.' }, 404);
        return c.json(invitationWire(invitation, new URL(c.req.url).origin), 200);
      },
    },
    {
      method: 'GET',
      path: '/user_management/invitations/{id}',
      auth: 'api_key',
      statuses: [200, 404],
      handler(c) {
        const id = c.req.param('id')!;
        const invitation = store.invitations.get(id);
        return invitation
          ? c.json(invitationWire(invitation, new URL(c.req.url).origin), 200)
          : c.json(entityNotFound('Invitation', id), 404);
      },
    },
  ];
}
