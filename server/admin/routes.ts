/**
 * The signed JSON routes other than the sign-in steps, as one table: path → body schema → job →
 * what to log. Each body is `{ input: … }` (protocol/admin.ts); app.ts registers them all alike.
 */
import type { z } from 'zod';
import type { AdminEnvelope } from '../../protocol/admin.ts';
import type { Fields } from '../log.ts';
import { forwardAuditEvent } from './audit-event.ts';
import type { AdminContext } from './context.ts';
import { checkHealth } from './health.ts';
import {
  adminHealthEnvelopeSchema,
  adminRolesEnvelopeSchema,
  adminUserEnvelopeSchema,
  auditForwardEnvelopeSchema,
  sessionRevokeEnvelopeSchema,
} from './identity-schemas.ts';
import { listOrganizations } from './organizations.ts';
import { listRoles } from './roles.ts';
import { adminOrganizationsEnvelopeSchema } from './schemas.ts';
import { revokeSession } from './session-revoke.ts';
import { lookUpUser } from './user.ts';

type Ran = { outcome: { type: string }; fields: Fields } | { issues: z.core.$ZodIssue[] };

export interface AdminRoute {
  /** e.g. `/v1/admin/user`. */
  path: string;
  /** Its name in logs, e.g. `admin/user`. */
  name: string;
  /** Validates the body and runs the job; `issues` when the body is invalid. */
  run(ctx: AdminContext, body: unknown): Promise<Ran>;
}

/** Ties a schema to its job and its log fields (typed together, stored alike). */
function route<I, O extends { type: string }>(
  name: string,
  schema: z.ZodType<AdminEnvelope<I>>,
  job: (ctx: AdminContext, input: I) => Promise<O>,
  fields: (outcome: O, input: I) => Fields = () => ({}),
): AdminRoute {
  return {
    path: `/v1/${name}`,
    name,
    async run(ctx, body) {
      const parsed = schema.safeParse(body);
      if (!parsed.success) return { issues: parsed.error.issues };
      const outcome = await job(ctx, parsed.data.input);
      return { outcome, fields: fields(outcome, parsed.data.input) };
    },
  };
}

/** Log fields never hold emails, ids of sessions or anything secret. */
export const ADMIN_ROUTES: readonly AdminRoute[] = [
  route('admin/organizations', adminOrganizationsEnvelopeSchema, listOrganizations, (o) => ({
    count: o.type === 'organizations' ? o.organizations.length : undefined,
  })),
  route('admin/user', adminUserEnvelopeSchema, lookUpUser, (o, input) => ({
    by: input.user_id !== undefined ? 'id' : 'email',
    found: o.type === 'user' ? o.user !== null : undefined,
    membership: o.type === 'user' ? (o.membership?.status ?? null) : undefined,
  })),
  route('admin/roles', adminRolesEnvelopeSchema, listRoles, (o) => ({
    count: o.type === 'roles' ? o.roles.length : undefined,
  })),
  route('admin/health', adminHealthEnvelopeSchema, checkHealth, (o) => ({
    workos_ok: o.type === 'health' ? o.workos.ok : undefined,
    organization: o.type === 'health' ? o.organization.status : undefined,
  })),
  route('session/revoke', sessionRevokeEnvelopeSchema, revokeSession, (o) => ({
    revoked: o.type === 'session_revoked' ? o.revoked : undefined,
    logout_url: o.type === 'session_revoked' ? o.logout_url !== null : undefined,
  })),
  route('audit/event', auditForwardEnvelopeSchema, forwardAuditEvent, (_o, input) => ({
    action: input.event.action,
  })),
];
