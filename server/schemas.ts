/**
 * Runtime validation of envelopes WordPress sends, mirroring `protocol/messages.ts`.
 * Bodies are parsed, never cast. Every object is strict: an unknown field is an error.
 */
import { z } from 'zod';
import {
  ERROR_CODES,
  IDENTITY_METHODS,
  IDENTITY_LIMITS,
  LIMITS,
  OAUTH_PROVIDERS,
  PASSWORD_PROBLEMS,
  type AuthResponse,
  type AuthorizeTarget,
  type Envelope,
  type ErrorCode,
  type ErrorOutcome,
  type Identity,
  type IdentityUser,
  type MfaFactorSummary,
  type Outcome,
  type Passthrough,
  type PasswordProblem,
  type RequestContext,
  type ResetTokenOutcome,
  type ResolvedProfile,
  type StepData,
  type StepId,
  type StepInputs,
  type StepName,
} from '../protocol/messages.ts';
import { MFA_FACTORS, WORKOS_FACTORS } from '../protocol/mfa-policy.ts';
import { RESOLVED_PROFILE_FIELDS } from '../protocol/profile.ts';
import { loginProfileSchema, organizationId } from './profile-schema.ts';
import {
  creationOptionsSchema,
  newPasskeySchema,
  passkeyInputs,
  passkeyRegisteredOutcomeSchema,
  passkeyUseSchema,
  requestOptionsSchema,
} from './passkey-schemas.ts';

type ResolvedMask = Record<(typeof RESOLVED_PROFILE_FIELDS)[number], true>;

/** The profile in every envelope: the part of `LoginProfile` the server needs (protocol `RESOLVED_PROFILE_FIELDS`). */
const profile = loginProfileSchema
  .pick(Object.fromEntries(RESOLVED_PROFILE_FIELDS.map((field) => [field, true])) as ResolvedMask)
  .extend({ organization_pinned: z.boolean() }) satisfies z.ZodType<ResolvedProfile>;

const context = z.strictObject({
  ip: z.string().max(64),
  user_agent: z.string().max(1024),
  site_url: z.url(),
  origin: z.string().max(2048),
  rp_id: z.string().max(253),
  redirect_uri: z.url(),
  locale: z.string().max(32),
  /** Hex SHA-256 of the browser cookie, or empty. */
  browser: z.string().regex(/^([0-9a-f]{64})?$/),
}) satisfies z.ZodType<RequestContext>;

export const email = z.email().max(LIMITS.emailMax);
export const password = z.string().min(1).max(LIMITS.passwordMax);
export const code = z.string().regex(new RegExp(LIMITS.codePattern));
export const token = z.string().min(1).max(LIMITS.tokenMax);
export const workosId = z.string().regex(new RegExp(LIMITS.idPattern));
export const personName = z.string().trim().min(1).max(LIMITS.nameMax);
export const phone = z.string().regex(new RegExp(LIMITS.phonePattern));
export const redirectTo = z.string().max(LIMITS.redirectMax);
export const slug = z.string().regex(new RegExp(LIMITS.profileSlugPattern));
export const provider = z.enum(OAUTH_PROVIDERS);
export const screenHint = z.enum(['sign-in', 'sign-up']);

export const authorizeTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('oauth'), provider }),
  z.strictObject({ kind: z.literal('sso'), email }),
  z.strictObject({ kind: z.literal('sso_organization') }),
  z.strictObject({ kind: z.literal('authkit'), screen_hint: screenHint.optional() }),
  z.strictObject({ kind: z.literal('sso_connection'), connection_id: workosId }),
]) satisfies z.ZodType<AuthorizeTarget>;

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

const factorType = z.enum(MFA_FACTORS);

/** WorkOS's text as the server cut it: at most `max` characters (code points), no control characters. */
const upTo = (max: number) =>
  z.string().refine((v) => Array.from(v).length <= max && !/\p{Cc}/u.test(v), `at most ${max} characters, no controls`);

/** What the login server answers as `authenticated` and `step_up` gets back from WordPress. */
export const identitySchema = z
  .strictObject({
    user: identityUserSchema,
    organization_id: z.string().nullable(),
    membership: membershipSchema.nullable(),
    session_id: z.string().nullable(),
    method: z.enum(IDENTITY_METHODS),
    workos_method: z.string().regex(new RegExp(IDENTITY_LIMITS.workosMethodPattern)).optional(),
    impersonator: z
      .strictObject({
        email: upTo(IDENTITY_LIMITS.impersonatorEmailMax),
        reason: upTo(IDENTITY_LIMITS.impersonatorReasonMax).nullable(),
      })
      .optional(),
    second_factor: factorType.optional(),
  })
  .refine((i) => i.workos_method === undefined || i.method === 'unknown', {
    path: ['workos_method'],
    message: 'workos_method goes only with the method unknown',
  }) satisfies z.ZodType<Identity>;

const mfaEnrollInput = z
  .strictObject({ type: z.enum(WORKOS_FACTORS), phone_number: phone.optional() })
  .refine((i) => i.type !== 'sms' || i.phone_number !== undefined, {
    path: ['phone_number'],
    message: 'SMS needs a phone number',
  });

const inputs = {
  password: z.strictObject({ email, password }),
  magic_code_send: z.strictObject({ email }),
  magic_code_verify: z.strictObject({ code }),
  authorize: z.strictObject({ request: authorizeTarget, redirect_to: redirectTo, remember: z.boolean() }),
  callback: z.strictObject({ code: token, state: token }),
  impersonation: z.strictObject({ code: token }),
  signup: z.strictObject({ email, password, first_name: personName, last_name: personName }),
  email_verify: z.strictObject({ code }),
  invitation: z.strictObject({ invitation_token: token }),
  reset_request: z.strictObject({ email }),
  reset_confirm: z.strictObject({ token, password }),
  mfa_enroll: mfaEnrollInput,
  mfa_challenge: z.strictObject({ factor_id: workosId }),
  mfa_verify: z.strictObject({ code }),
  org_select: z.strictObject({ organization_id: workosId }),
  ...passkeyInputs,
  step_up: z.strictObject({ identity: identitySchema }),
} satisfies { [S in StepId]: z.ZodType<StepInputs[S]> };

/** Steps that continue a flow: their envelope must carry it. */
const FLOW_REQUIRED: ReadonlySet<StepId> = new Set([
  'magic_code_verify',
  'email_verify',
  'mfa_enroll',
  'mfa_challenge',
  'mfa_verify',
  'org_select',
  'passkey_verify',
  'passkey_register_verify',
]);

export function isStepId(step: string): step is StepId {
  return Object.hasOwn(inputs, step);
}

export const passthroughSchema = z.strictObject({
  redirect_to: redirectTo,
  remember: z.boolean(),
}) satisfies z.ZodType<Passthrough>;

// Built once: zod compiles a schema on first use, so a schema per request would recompile each time.
const envelopes = Object.fromEntries(
  Object.entries(inputs).map(([step, input]) => {
    const flow = FLOW_REQUIRED.has(step as StepId) ? token : token.optional();
    return [step, z.strictObject({ profile, input, flow, context, passthrough: passthroughSchema.optional() })];
  }),
) as unknown as { [S in StepId]: z.ZodType<Envelope<S>> };

export function envelopeSchema<S extends StepId>(step: S): z.ZodType<Envelope<S>> {
  return envelopes[step];
}

/* Schemas of the other messages, typed against the contract so they cannot drift from it. Used to
 * check the fixtures and, in tests, everything the server answers. */

const errorCodes = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];
export const problemsSchema = z
  .array(z.enum(Object.keys(PASSWORD_PROBLEMS) as [PasswordProblem, ...PasswordProblem[]]))
  .min(1);

/** The `ErrorOutcome` every login server answer may be. */
export const errorOutcomeSchema = z.strictObject({
  type: z.literal('error'),
  code: z.enum(errorCodes),
  message: z.string(),
  status: z.number().int().min(400).max(599),
  /** Seconds, with `rate_limited` and `workos_unavailable` (WorkOS's `Retry-After` when it sent one). */
  retry_after: z.number().int().min(1).max(3600).optional(),
  problems: problemsSchema.optional(),
  passthrough: passthroughSchema.optional(),
}) satisfies z.ZodType<ErrorOutcome>;

const factorSummary = z.strictObject({
  id: workosId,
  type: factorType,
  label: z.string().max(32).nullable(),
}) satisfies z.ZodType<MfaFactorSummary>;

const passkeyOffer = z.enum(['use', 'register']);

/** What each step may show the browser, exactly (strict: no token can slip in). */
export const stepDataSchemas = {
  code_sent: z.strictObject({ email, resend_after: z.number().int().positive() }),
  email_verify: z.strictObject({ email }),
  mfa_challenge: z.strictObject({ factors: z.array(factorSummary).min(2), passkey: passkeyOffer.optional() }),
  mfa_enroll: z
    .strictObject({ types: z.array(z.enum(WORKOS_FACTORS)), passkey: passkeyOffer.optional() })
    // No WorkOS type to enrol is fine only where a passkey may be created instead.
    .refine((d) => d.types.length > 0 || d.passkey !== undefined, { path: ['types'], message: 'Nothing to enrol' }),
  mfa_code: z.strictObject({
    factor: factorSummary,
    others: z.array(factorSummary),
    totp: z
      .strictObject({
        qr_code: z.string().regex(/^data:image\/(svg\+xml|png)[;,]/),
        secret: z.string().min(1),
        uri: z.string().startsWith('otpauth://'),
      })
      .optional(),
    phone_hint: z.string().max(32).optional(),
    passkey: passkeyOffer.optional(),
  }),
  org_select: z.strictObject({
    organizations: z.array(z.strictObject({ id: organizationId, name: z.string() })).min(1),
  }),
  invitation: z.strictObject({ email, organization_name: z.string().nullable() }),
  reset_sent: z.strictObject({ email }),
  reset_done: z.strictObject({}),
  passkey: z.strictObject({ options: requestOptionsSchema }),
  passkey_register: z.strictObject({ options: creationOptionsSchema }),
} satisfies { [S in StepName]: z.ZodType<StepData[S]> };

/** The notices that end a flow carry an empty one; every other step a sealed token. */
const ENDS_FLOW: ReadonlySet<StepName> = new Set(['reset_sent', 'reset_done']);

function stepSchemas(withPassthrough: boolean) {
  const entries = Object.entries(stepDataSchemas) as Array<[StepName, z.ZodType]>;
  const options = entries.map(([name, data]) =>
    z.strictObject({
      type: z.literal('step'),
      step: z.literal(name),
      flow: ENDS_FLOW.has(name) ? z.literal('') : token,
      data,
      // Only in outcomes, for PHP: the passthrough, and the WorkOS user a passkey may complete an MFA step for.
      ...(withPassthrough ? { passthrough: passthroughSchema.optional(), subject: workosId.optional() } : {}),
    }),
  );
  return options as unknown as [z.ZodObject, ...z.ZodObject[]];
}

const stepOutcome = z.discriminatedUnion('step', stepSchemas(true));
const stepResponse = z.discriminatedUnion('step', stepSchemas(false));

const redirect = z.strictObject({ type: z.literal('redirect'), url: z.url({ protocol: /^https?$/ }) });

export const resetTokenOutcomeSchema = z.strictObject({
  type: z.literal('reset_token'),
  email,
  token: token.nullable(),
  expires_at: z.iso.datetime({ offset: true }).nullable(),
}) satisfies z.ZodType<ResetTokenOutcome>;

export const outcomeSchema = z.union([
  stepOutcome,
  redirect,
  z.strictObject({
    type: z.literal('authenticated'),
    identity: identitySchema,
    passthrough: passthroughSchema.optional(),
    passkey_used: passkeyUseSchema.optional(),
    passkey_registered: newPasskeySchema.optional(),
  }),
  resetTokenOutcomeSchema,
  passkeyRegisteredOutcomeSchema,
  errorOutcomeSchema,
]) as unknown as z.ZodType<Outcome>;

/** What WordPress answers the browser (`workos_login_rest_answer()`). */
export const authResponseSchema = z.union([
  stepResponse,
  redirect,
  z.strictObject({
    type: z.literal('signed_in'),
    redirect_to: z.string().min(1),
    passkey_prompt: z
      .strictObject({ rest_nonce: z.string().regex(/^[A-Za-z0-9]{1,64}$/), api_root: z.url({ protocol: /^https?$/ }) })
      .optional(),
  }),
  z.strictObject({
    type: z.literal('error'),
    code: z.enum(errorCodes),
    message: z.string(),
    retry_after: z.number().int().positive().optional(),
    problems: problemsSchema.optional(),
  }),
]) as unknown as z.ZodType<AuthResponse>;
