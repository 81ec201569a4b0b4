/**
 * Runtime validation of the identity administration messages (`protocol/admin.ts`, issue 5),
 * typed against the contract so the schemas cannot drift from it. Requests are parsed, never
 * cast; the outcome schemas check the fixtures and, in tests, everything the server answers.
 */
import { z } from 'zod';
import {
  IDENTITY_ADMIN_LIMITS as LIMITS,
  type AdminEnvelope,
  type AdminHealthOutcome,
  type AdminHealthRequest,
  type AdminRolesOutcome,
  type AdminRolesRequest,
  type AdminUserOutcome,
  type AdminUserRequest,
  type AuditForwardOutcome,
  type AuditForwardRequest,
  type SessionRevokeOutcome,
  type SessionRevokeRequest,
} from '../../protocol/admin.ts';
import { LIMITS as MESSAGE_LIMITS } from '../../protocol/messages.ts';
import { errorOutcomeSchema, identityUserSchema, membershipSchema } from '../schemas.ts';

const workosId = (prefix: string) => z.string().regex(new RegExp(`^${prefix}_[A-Za-z0-9]{1,64}$`));
const organizationId = workosId('org');
const envelope = <T extends z.ZodType>(input: T) => z.strictObject({ input });

/* ------------------------------------------------------------------ POST /v1/admin/user */

export const adminUserRequestSchema = z
  .strictObject({
    user_id: workosId('user').optional(),
    email: z.email().max(MESSAGE_LIMITS.emailMax).optional(),
    organization_id: organizationId.nullable(),
  })
  .superRefine((value, ctx) => {
    if ((value.user_id === undefined) === (value.email === undefined)) {
      const message = 'give exactly one of user_id and email';
      ctx.addIssue({ code: 'custom', path: ['user_id'], message });
      ctx.addIssue({ code: 'custom', path: ['email'], message });
    }
  }) satisfies z.ZodType<AdminUserRequest>;

export const adminUserEnvelopeSchema = envelope(adminUserRequestSchema) satisfies z.ZodType<
  AdminEnvelope<AdminUserRequest>
>;

export const adminUserOutcomeSchema: z.ZodType<AdminUserOutcome> = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('user'),
    user: identityUserSchema.nullable(),
    membership: membershipSchema.nullable(),
  }),
  errorOutcomeSchema,
]);

/* ------------------------------------------------------------------ POST /v1/admin/roles */

export const adminRolesEnvelopeSchema = envelope(
  z.strictObject({ organization_id: organizationId }) satisfies z.ZodType<AdminRolesRequest>,
) satisfies z.ZodType<AdminEnvelope<AdminRolesRequest>>;

export const adminRolesOutcomeSchema: z.ZodType<AdminRolesOutcome> = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('roles'),
    roles: z.array(z.strictObject({ slug: z.string().min(1), name: z.string() })),
  }),
  errorOutcomeSchema,
]);

/* ------------------------------------------------------------------ POST /v1/admin/health */

export const adminHealthEnvelopeSchema = envelope(
  z.strictObject({ organization_id: organizationId.nullable() }) satisfies z.ZodType<AdminHealthRequest>,
) satisfies z.ZodType<AdminEnvelope<AdminHealthRequest>>;

export const adminHealthOutcomeSchema: z.ZodType<AdminHealthOutcome> = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('health'),
    server_time: z.number().int().nonnegative(),
    workos: z.strictObject({
      ok: z.boolean(),
      error: z.string().min(1).nullable(),
      api_host: z.string().min(1),
      api_key_last4: z.string().length(4).nullable(),
      client_id: z.string().min(1).nullable(),
    }),
    organization: z.strictObject({
      status: z.enum(['found', 'missing', 'unchecked']),
      id: z.string().min(1).nullable(),
      name: z.string().nullable(),
    }),
  }),
  errorOutcomeSchema,
]);

/* ------------------------------------------------------------------ POST /v1/session/revoke */

export const sessionRevokeEnvelopeSchema = envelope(
  z.strictObject({
    session_id: z
      .string()
      .max(LIMITS.sessionIdMax)
      .regex(/^[A-Za-z0-9_-]+$/),
    return_to: z
      .url({ protocol: /^https?$/ })
      .max(MESSAGE_LIMITS.redirectMax)
      .optional(),
  }) satisfies z.ZodType<SessionRevokeRequest>,
) satisfies z.ZodType<AdminEnvelope<SessionRevokeRequest>>;

export const sessionRevokeOutcomeSchema: z.ZodType<SessionRevokeOutcome> = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('session_revoked'), revoked: z.boolean(), logout_url: z.url().nullable() }),
  errorOutcomeSchema,
]);

/* ------------------------------------------------------------------ POST /v1/audit/event */

const text = z.string().max(LIMITS.auditStringMax);
const required = text.min(1);
/** What WorkOS Audit Logs accepts as metadata: keys `[A-Za-z0-9_-]{1,40}`, ≤ 50 of them. */
const metadata = z
  .record(z.string().regex(/^[A-Za-z0-9_-]{1,40}$/), z.union([text, z.number(), z.boolean()]))
  .refine((value) => Object.keys(value).length <= LIMITS.auditMetadataKeysMax, 'too many keys');

export const auditForwardEnvelopeSchema = envelope(
  z.strictObject({
    organization_id: organizationId,
    // Sent as the Idempotency-Key header: visible ASCII only.
    idempotency_key: z
      .string()
      .max(255)
      .regex(/^[\x21-\x7e]+$/),
    event: z.strictObject({
      action: z.string().regex(new RegExp(LIMITS.auditActionPattern)),
      occurred_at: z.iso.datetime({ offset: true }),
      actor: z.strictObject({ id: required, type: z.literal('user'), name: text.optional() }),
      targets: z.array(z.strictObject({ id: required, type: required, name: text.optional() })).max(50),
      context: z.strictObject({ location: required, user_agent: text.optional() }),
      metadata: metadata.optional(),
    }),
  }) satisfies z.ZodType<AuditForwardRequest>,
) satisfies z.ZodType<AdminEnvelope<AuditForwardRequest>>;

export const auditForwardOutcomeSchema: z.ZodType<AuditForwardOutcome> = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('audit_forwarded') }),
  errorOutcomeSchema,
]);
