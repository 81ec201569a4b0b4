/**
 * Runtime validation of the admin messages (`protocol/admin.ts`), typed against the contract so
 * the schemas cannot drift from it. Bodies are parsed, never cast.
 */
import { z } from 'zod';
import {
  ADMIN_LIMITS,
  type AdminEnvelope,
  type AdminOrganizationsOutcome,
  type AdminOrganizationsRequest,
} from '../../protocol/admin.ts';
import { errorOutcomeSchema } from '../schemas.ts';

export const adminOrganizationsRequestSchema = z.strictObject({
  limit: z.number().int().min(1).max(ADMIN_LIMITS.organizationsPageMax).optional(),
  after: z.string().min(1).max(256).nullable().optional(),
  search: z.string().max(ADMIN_LIMITS.searchMax).optional(),
}) satisfies z.ZodType<AdminOrganizationsRequest>;

export const adminOrganizationsEnvelopeSchema = z.strictObject({
  input: adminOrganizationsRequestSchema,
}) satisfies z.ZodType<AdminEnvelope<AdminOrganizationsRequest>>;

export const adminOrganizationsOutcomeSchema: z.ZodType<AdminOrganizationsOutcome> = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('organizations'),
    organizations: z.array(z.strictObject({ id: z.string().min(1), name: z.string() })),
    after: z.string().min(1).nullable(),
  }),
  errorOutcomeSchema,
]);
