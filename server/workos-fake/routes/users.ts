import type { FakeContext, RouteDef } from '../context.ts';
import { entityNotFound } from '../errors.ts';
import { isListQuery, paginate, parseListQuery } from '../pagination.ts';

export function userRoutes({ store }: FakeContext): RouteDef[] {
  return [
    {
      method: 'GET',
      path: '/user_management/users',
      auth: 'api_key',
      statuses: [200, 422],
      handler(c) {
        const query = parseListQuery((name) => c.req.query(name));
        if (!isListQuery(query)) return c.json(query, 422);
        const email = c.req.query('email')?.trim().toLowerCase();
        // `organization` is the deprecated name of `organization_id`.
        const organizationId = c.req.query('organization_id') ?? c.req.query('organization');
        if (organizationId !== undefined && !store.organizations.has(organizationId)) {
          return c.json({ message: entityNotFound('Organization', organizationId).message }, 422);
        }
        const members = organizationId ? new Set(store.membershipsOf({ organizationId }).map((m) => m.user_id)) : null;
        const users = [...store.users.values()]
          .map((u) => u.wire)
          .filter((u) => (email === undefined || u.email === email) && (!members || members.has(u.id)));
        return c.json(paginate(users, query), 200);
      },
    },
    {
      method: 'GET',
      path: '/user_management/users/{id}',
      auth: 'api_key',
      statuses: [200, 404],
      handler(c) {
        const id = c.req.param('id')!;
        const user = store.users.get(id);
        return user ? c.json(user.wire, 200) : c.json(entityNotFound('User', id), 404);
      },
    },
  ];
}
