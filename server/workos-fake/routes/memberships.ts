import type { components } from '@workos/openapi-spec';
import type { FakeContext, RouteDef } from '../context.ts';
import { entityNotFound, invalidParameters } from '../errors.ts';
import { isListQuery, paginate, parseListQuery } from '../pagination.ts';
import type { FakeStore, MembershipRecord, MembershipStatus } from '../store.ts';

export type MembershipWire = components['schemas']['UserlandUserOrganizationMembership'];

const STATUSES: readonly MembershipStatus[] = ['active', 'inactive', 'pending'];

function toWire(store: FakeStore, m: MembershipRecord): MembershipWire {
  return {
    object: 'organization_membership',
    id: m.id,
    user_id: m.user_id,
    organization_id: m.organization_id,
    status: m.status,
    directory_managed: false,
    organization_name: store.organizations.get(m.organization_id)?.wire.name ?? '',
    custom_attributes: {},
    created_at: m.created_at,
    updated_at: m.updated_at,
    role: { slug: m.role },
    user: store.users.get(m.user_id)!.wire,
  };
}

export function membershipRoutes({ store }: FakeContext): RouteDef[] {
  return [
    {
      method: 'GET',
      path: '/user_management/organization_memberships',
      auth: 'api_key',
      statuses: [200, 400, 404, 422],
      handler(c) {
        const query = parseListQuery((name) => c.req.query(name));
        if (!isListQuery(query)) return c.json(query, 422);
        const userId = c.req.query('user_id');
        const organizationId = c.req.query('organization_id');
        if (!userId && !organizationId) {
          return c.json(
            {
              code: 'missing_user_id_or_organization_id',
              message: 'Either user_id or organization_id must be provided.',
            },
            400,
          );
        }
        // The spec: "By default only active memberships are returned."
        const statuses = (c.req.query('statuses') ?? 'active').split(',').map((s) => s.trim());
        if (!statuses.every((s): s is MembershipStatus => (STATUSES as readonly string[]).includes(s))) {
          return c.json(invalidParameters('Validation failed: statuses may hold active, inactive, pending.'), 400);
        }
        if (userId && !store.users.has(userId)) return c.json(entityNotFound('User', userId), 404);
        if (organizationId && !store.organizations.has(organizationId)) {
          return c.json(entityNotFound('Organization', organizationId), 404);
        }
        const found = store.membershipsOf({
          ...(userId ? { userId } : {}),
          ...(organizationId ? { organizationId } : {}),
          statuses,
        });
        const page = paginate(found, query);
        return c.json({ ...page, data: page.data.map((m) => toWire(store, m)) }, 200);
      },
    },
    {
      method: 'GET',
      path: '/user_management/organization_memberships/{id}',
      auth: 'api_key',
      statuses: [200, 404],
      handler(c) {
        const id = c.req.param('id')!;
        const membership = store.memberships.get(id);
        return membership
          ? c.json(toWire(store, membership), 200)
          : c.json(entityNotFound('Organization membership', id), 404);
      },
    },
  ];
}
