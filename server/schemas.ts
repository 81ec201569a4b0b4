/**
 * Runtime validation of envelopes WordPress sends, mirroring `protocol/messages.ts`.
 * Bodies are parsed, never cast.
 */
import { z } from 'zod';
import {
  LIMITS,
  METHODS,
  type AuthResponse,
  type Envelope,
  type ErrorCode,
  type ErrorOutcome,
  type Identity,
  type IdentityUser,
  type Outcome,
  type PasswordRequest,
  type StepId,
  type StepName,
} from '../protocol/messages.ts';

const methods = METHODS;

const profile = z.strictObject({
  slug: z.string().regex(new RegExp(LIMITS.profileSlugPattern)),
  methods: z.array(z.enum(methods)).min(1),
  organization_id: z
    .string()
    .regex(/^org_[A-Za-z0-9]{1,64}$/)
    .nullable(),
});

const context = z.strictObject({
  ip: z.string().max(64),
  user_agent: z.string().max(1024),
  site_url: z.url(),
  origin: z.string().max(2048),
  rp_id: z.string().max(253),
  redirect_uri: z.url(),
  locale: z.string().max(32),
});

const email = z.email().max(LIMITS.emailMax);

const inputs = {
  password: z.strictObject({ email, password: z.string().min(1).max(LIMITS.passwordMax) }),
} satisfies Record<StepId, z.ZodType>;

export function isStepId(step: string): step is StepId {
  return Object.hasOwn(inputs, step);
}

const flow = z.string().max(8192).optional();
// Built once: zod compiles a schema on first use, so a schema per request would recompile each time.
const envelopes = Object.fromEntries(
  Object.entries(inputs).map(([step, input]) => [step, z.strictObject({ profile, input, flow, context })]),
) as unknown as { [S in StepId]: z.ZodType<Envelope<S>> };

export function envelopeSchema<S extends StepId>(step: S): z.ZodType<Envelope<S>> {
  return envelopes[step];
}

/* Schemas of the other messages, typed against the contract so they cannot drift from it. Used to
 * check the fixtures and, in tests, everything the server answers. */

const errorCodes = [
  'invalid_credentials',
  'invalid_request',
  'invalid_nonce',
  'invalid_origin',
  'rate_limited',
  'flow_expired',
  'server_unavailable',
  'workos_unavailable',
  'sign_in_refused',
  'internal_error',
] as const satisfies readonly ErrorCode[];
const stepNames = [
  'mfa_challenge',
  'mfa_enroll',
  'org_select',
  'email_verify',
  'code_sent',
] as const satisfies readonly StepName[];

/** The `ErrorOutcome` every login server answer may be. */
export const errorOutcomeSchema = z.strictObject({
  type: z.literal('error'),
  code: z.enum(errorCodes),
  message: z.string(),
  status: z.number().int().min(400).max(599),
}) satisfies z.ZodType<ErrorOutcome>;

const step = z.strictObject({
  type: z.literal('step'),
  step: z.enum(stepNames),
  flow: z.string().min(1),
  data: z.record(z.string(), z.unknown()),
});

/** The WorkOS user of an identity (also answered by `POST /v1/admin/user`). */
export const identityUserSchema = z.strictObject({
  id: z.string().min(1),
  email: z.email(),
  email_verified: z.boolean(),
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
}) satisfies z.ZodType<IdentityUser>;

export const membershipSchema = z.strictObject({
  role: z.string(),
  status: z.enum(['active', 'inactive', 'pending']),
}) satisfies z.ZodType<NonNullable<Identity['membership']>>;

export const outcomeSchema: z.ZodType<Outcome> = z.discriminatedUnion('type', [
  step,
  z.strictObject({ type: z.literal('redirect'), url: z.url() }),
  z.strictObject({
    type: z.literal('authenticated'),
    identity: z.strictObject({
      user: identityUserSchema,
      organization_id: z.string().nullable(),
      membership: membershipSchema.nullable(),
      session_id: z.string().nullable(),
      method: z.enum(methods),
    }),
  }),
  errorOutcomeSchema,
]);

export const authResponseSchema: z.ZodType<AuthResponse> = z.discriminatedUnion('type', [
  step,
  z.strictObject({ type: z.literal('signed_in'), redirect_to: z.string().min(1) }),
  z.strictObject({
    type: z.literal('error'),
    code: z.enum(errorCodes),
    message: z.string(),
    retry_after: z.number().int().positive().optional(),
  }),
]);

export const passwordRequestSchema: z.ZodType<PasswordRequest> = z.strictObject({
  profile: z.string().regex(new RegExp(LIMITS.profileSlugPattern)),
  email,
  password: z.string().min(1).max(LIMITS.passwordMax),
  redirect_to: z.string().max(LIMITS.redirectMax).optional(),
  remember: z.boolean().optional(),
});
