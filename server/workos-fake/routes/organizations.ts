import type { FakeContext, RouteDef } from '../context.ts';
import { entityNotFound } from '../errors.ts';
import { isListQuery, paginate, parseListQuery } from '../pagination.ts';

export function organizationRoutes({ store }: FakeContext): RouteDef[] {
  return [
    {
      method: 'GET',
      path: '/organizations',
      auth: 'api_key',
      statuses: [200, 422],
      handler(c) {
        const query = parseListQuery((name) => c.req.query(name));
        if (!isListQuery(query)) return c.json(query, 422);
        // `domains` is a comma-separated list (style form, explode false); `search` matches names.
        const domains = c.req
          .query('domains')
          ?.split(',')
          .map((d) => d.trim().toLowerCase())
          .filter(Boolean);
        const search = c.req.query('search')?.trim().toLowerCase();
        const organizations = [...store.organizations.values()]
          .map((o) => o.wire)
          .filter(
            (o) =>
              (!domains?.length || o.domains.some((d) => domains.includes(d.domain))) &&
              (!search || o.name.toLowerCase().includes(search)),
          );
        return c.json(paginate(organizations, query), 200);
      },
    },
    {
      method: 'GET',
      path: '/organizations/{id}',
      auth: 'api_key',
      statuses: [200, 404],
      handler(c) {
        const id = c.req.param('id')!;
        const organization = store.organizations.get(id);
        return organization ? c.json(organization.wire, 200) : c.json(entityNotFound('Organization', id), 404);
      },
    },
  ];
}
