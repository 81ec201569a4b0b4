/**
 * The browser's request bodies (`POST {api-root}auth/<route>`), as WordPress accepts them: the
 * generated PHP mirror (`npm run generate:php`, includes/generated/protocol.php) turns each into
 * the REST arguments of its route, and they check the `browser-*-request.json` fixtures.
 */
import { z } from 'zod';
import {
  LIMITS,
  type AuthorizeRequest,
  type BrowserRoute,
  type EmailVerifyRequest,
  type InvitationRequest,
  type MagicCodeSendRequest,
  type MagicCodeVerifyRequest,
  type MfaChallengeRequest,
  type MfaEnrollRequest,
  type MfaVerifyRequest,
  type OrgSelectRequest,
  type PasskeyOptionsRequest,
  type PasskeyRegisterOptionsRequest,
  type PasskeyRegisterVerifyRequest,
  type PasskeyVerifyRequest,
  type PasswordRequest,
  type ResetConfirmRequest,
  type ResetRequest,
  type SignupRequest,
} from '../protocol/messages.ts';
import { WORKOS_FACTORS } from '../protocol/mfa-policy.ts';
import {
  code,
  email,
  password,
  personName,
  phone,
  provider,
  redirectTo,
  screenHint,
  slug,
  token,
  workosId,
} from './schemas.ts';
import { authenticationResponseSchema, registrationResponseSchema } from './passkey-schemas.ts';

/** A sealed flow in its one canonical spelling; WorkOS's URL-safe tokens (invitation, reset). */
const flow = token.regex(new RegExp(LIMITS.flowPattern));
const urlToken = token.regex(new RegExp(LIMITS.tokenPattern));
/** Every request's fields; WordPress fills in the defaults (`default` profile, not remembered). */
const base = {
  profile: slug.default('default'),
  redirect_to: redirectTo.optional(),
  remember: z.boolean().default(false),
};
const flowBase = { ...base, flow };

export const passwordRequestSchema = z.strictObject({
  ...base,
  email,
  password,
  flow: flow.optional(),
}) satisfies z.ZodType<PasswordRequest>;

export const magicCodeSendRequestSchema = z.strictObject({
  ...base,
  email,
  flow: flow.optional(),
}) satisfies z.ZodType<MagicCodeSendRequest>;

export const magicCodeVerifyRequestSchema = z.strictObject({
  ...flowBase,
  code,
}) satisfies z.ZodType<MagicCodeVerifyRequest>;

const authorizeBase = { ...base, flow: flow.optional() };
export const authorizeRequestSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...authorizeBase, kind: z.literal('oauth'), provider }),
  z.strictObject({ ...authorizeBase, kind: z.literal('sso'), email }),
  z.strictObject({ ...authorizeBase, kind: z.literal('sso_organization') }),
  z.strictObject({ ...authorizeBase, kind: z.literal('authkit'), screen_hint: screenHint.optional() }),
]) satisfies z.ZodType<AuthorizeRequest>;

export const signupRequestSchema = z.strictObject({
  ...base,
  email,
  password,
  first_name: personName,
  last_name: personName,
  flow: flow.optional(),
}) satisfies z.ZodType<SignupRequest>;

export const emailVerifyRequestSchema = z.strictObject({ ...flowBase, code }) satisfies z.ZodType<EmailVerifyRequest>;

export const invitationRequestSchema = z.strictObject({
  ...base,
  invitation_token: urlToken,
}) satisfies z.ZodType<InvitationRequest>;

export const resetRequestSchema = z.strictObject({ ...base, email }) satisfies z.ZodType<ResetRequest>;

export const resetConfirmRequestSchema = z.strictObject({
  ...base,
  token: urlToken,
  password,
}) satisfies z.ZodType<ResetConfirmRequest>;

export const mfaEnrollRequestSchema = z
  .strictObject({ ...flowBase, type: z.enum(WORKOS_FACTORS), phone_number: phone.optional() })
  .refine((r) => r.type !== 'sms' || r.phone_number !== undefined, {
    path: ['phone_number'],
    message: 'SMS needs a phone number',
  }) satisfies z.ZodType<MfaEnrollRequest>;

export const mfaChallengeRequestSchema = z.strictObject({
  ...flowBase,
  factor_id: workosId,
}) satisfies z.ZodType<MfaChallengeRequest>;

export const mfaVerifyRequestSchema = z.strictObject({ ...flowBase, code }) satisfies z.ZodType<MfaVerifyRequest>;

export const orgSelectRequestSchema = z.strictObject({
  ...flowBase,
  organization_id: workosId,
}) satisfies z.ZodType<OrgSelectRequest>;

/** No flow: a first factor (button, autofill); an MFA step's flow: that sign-in's second factor. */
export const passkeyOptionsRequestSchema = z.strictObject({
  ...base,
  flow: flow.optional(),
}) satisfies z.ZodType<PasskeyOptionsRequest>;

export const passkeyVerifyRequestSchema = z.strictObject({
  ...flowBase,
  response: authenticationResponseSchema,
}) satisfies z.ZodType<PasskeyVerifyRequest>;

export const passkeyRegisterOptionsRequestSchema = z.strictObject({
  ...flowBase,
}) satisfies z.ZodType<PasskeyRegisterOptionsRequest>;

export const passkeyRegisterVerifyRequestSchema = z.strictObject({
  ...flowBase,
  response: registrationResponseSchema,
}) satisfies z.ZodType<PasskeyRegisterVerifyRequest>;

/** Every browser route's body: a route added to `BrowserRoute` fails to compile until it has one. */
export const BROWSER_REQUEST_SCHEMAS = {
  password: passwordRequestSchema,
  magic_code_send: magicCodeSendRequestSchema,
  magic_code_verify: magicCodeVerifyRequestSchema,
  authorize: authorizeRequestSchema,
  signup: signupRequestSchema,
  email_verify: emailVerifyRequestSchema,
  invitation: invitationRequestSchema,
  reset_request: resetRequestSchema,
  reset_confirm: resetConfirmRequestSchema,
  mfa_enroll: mfaEnrollRequestSchema,
  mfa_challenge: mfaChallengeRequestSchema,
  mfa_verify: mfaVerifyRequestSchema,
  org_select: orgSelectRequestSchema,
  passkey_options: passkeyOptionsRequestSchema,
  passkey_verify: passkeyVerifyRequestSchema,
  passkey_register_options: passkeyRegisterOptionsRequestSchema,
  passkey_register_verify: passkeyRegisterVerifyRequestSchema,
} satisfies Record<BrowserRoute, z.ZodType>;
