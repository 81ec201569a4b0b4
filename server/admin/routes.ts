/**
 * The signed JSON routes other than the sign-in steps, as one table: path → body schema → job →
 * what to log → what to answer when the time budget runs out (`workos_unavailable` unless the
 * route says otherwise). Each body is `{ input: … }` (protocol/admin.ts); app.ts registers them
 * all alike.
 */
import type { z } from 'zod';
import type { AdminEnvelope } from '../../protocol/admin.ts';
import type { ErrorOutcome } from '../../protocol/messages.ts';
import type { Budgeted } from '../budget.ts';
import type { Fields } from '../log.ts';
import { unavailable } from '../steps/outcomes.ts';
import { forwardAuditEvent } from './audit-event.ts';
import type { AdminContext } from './context.ts';
import { checkHealth, lateHealth } from './health.ts';
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
import { lateRevoke, revokeSession } from './session-revoke.ts';
import { lookUpUser } from './user.ts';

type Ran = { outcome: { type: string }; fields: Fields; late: boolean } | { issues: z.core.$ZodIssue[] };

/** Runs a job within the request's budget (app.ts binds it to budget.ts's `withinBudget`). */
export type Within = <O extends { type: string }>(
  job: () => Promise<O>,
  late: (retryAfter: number) => O,
) => Promise<Budgeted<O>>;

export interface AdminRoute {
  /** e.g. `/v1/admin/user`. */
  path: string;
  /** Its name in logs, e.g. `admin/user`. */
  name: string;
  /** Validates the body and runs the job within the budget; `issues` when the body is invalid. */
  run(ctx: AdminContext, body: unknown, within: Within): Promise<Ran>;
}

/** Ties a schema to its job, its log fields and its late answer (typed together, stored alike). */
function route<I, O extends { type: string }>(
  name: string,
  schema: z.ZodType<AdminEnvelope<I>>,
  job: (ctx: AdminContext, input: I) => Promise<O>,
  fields: (outcome: O | ErrorOutcome, input: I) => Fields = () => ({}),
  late?: (ctx: AdminContext, input: I) => O,
): AdminRoute {
  return {
    path: `/v1/${name}`,
    name,
    async run(ctx, body, within) {
      const parsed = schema.safeParse(body);
      if (!parsed.success) return { issues: parsed.error.issues };
      const { input } = parsed.data;
      const ran = await within<O | ErrorOutcome>(
        () => job(ctx, input),
        (retryAfter) => (late ? late(ctx, input) : unavailable(retryAfter)),
      );
      return { outcome: ran.outcome, fields: fields(ran.outcome, input), late: ran.late };
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
  // Diagnostics must answer best when WorkOS is slowest: a health report, never an error.
  route(
    'admin/health',
    adminHealthEnvelopeSchema,
    checkHealth,
    (o) => ({
      workos_ok: o.type === 'health' ? o.workos.ok : undefined,
      organization: o.type === 'health' ? o.organization.status : undefined,
    }),
    lateHealth,
  ),
  route(
    'session/revoke',
    sessionRevokeEnvelopeSchema,
    revokeSession,
    (o) => ({
      revoked: o.type === 'session_revoked' ? o.revoked : undefined,
      logout_url: o.type === 'session_revoked' ? o.logout_url !== null : undefined,
    }),
    lateRevoke,
  ),
  route('audit/event', auditForwardEnvelopeSchema, forwardAuditEvent, (_o, input) => ({
    action: input.event.action,
  })),
];
