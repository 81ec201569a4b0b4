import type { FakeContext, RouteDef } from '../context.ts';
import { entityNotFound } from '../errors.ts';

/** The roles an organization's members can have: environment roles and its own, in priority order. */
export function roleRoutes({ store }: FakeContext): RouteDef[] {
  return [
    {
      method: 'GET',
      path: '/authorization/organizations/{organizationId}/roles',
      auth: 'api_key',
      statuses: [200, 404],
      handler(c) {
        const id = c.req.param('organizationId')!;
        const organization = store.organizations.get(id);
        if (!organization) return c.json(entityNotFound('Organization', id), 404);
        return c.json({ object: 'list', data: organization.roles }, 200);
      },
    },
  ];
}
