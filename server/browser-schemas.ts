/**
 * The browser's request bodies (`POST {api-root}auth/<route>`), as WordPress accepts them: these
 * mirror the PHP REST argument schemas and check the `browser-*-request.json` fixtures.
 */
import { z } from 'zod';
import type {
  AuthorizeRequest,
  EmailVerifyRequest,
  InvitationRequest,
  MagicCodeSendRequest,
  MagicCodeVerifyRequest,
  MfaChallengeRequest,
  MfaEnrollRequest,
  MfaVerifyRequest,
  OrgSelectRequest,
  PasskeyOptionsRequest,
  PasskeyRegisterOptionsRequest,
  PasskeyRegisterVerifyRequest,
  PasskeyVerifyRequest,
  PasswordRequest,
  ResetConfirmRequest,
  ResetRequest,
  SignupRequest,
} from '../protocol/messages.ts';
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

const base = { profile: slug, redirect_to: redirectTo.optional(), remember: z.boolean().optional() };
const flowBase = { ...base, flow: token };

export const passwordRequestSchema = z.strictObject({
  ...base,
  email,
  password,
  flow: token.optional(),
}) satisfies z.ZodType<PasswordRequest>;

export const magicCodeSendRequestSchema = z.strictObject({
  ...base,
  email,
  flow: token.optional(),
}) satisfies z.ZodType<MagicCodeSendRequest>;

export const magicCodeVerifyRequestSchema = z.strictObject({
  ...flowBase,
  code,
}) satisfies z.ZodType<MagicCodeVerifyRequest>;

const authorizeBase = { ...base, flow: token.optional() };
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
  flow: token.optional(),
}) satisfies z.ZodType<SignupRequest>;

export const emailVerifyRequestSchema = z.strictObject({ ...flowBase, code }) satisfies z.ZodType<EmailVerifyRequest>;

export const invitationRequestSchema = z.strictObject({
  ...base,
  invitation_token: token,
}) satisfies z.ZodType<InvitationRequest>;

export const resetRequestSchema = z.strictObject({ ...base, email }) satisfies z.ZodType<ResetRequest>;

export const resetConfirmRequestSchema = z.strictObject({
  ...base,
  token,
  password,
}) satisfies z.ZodType<ResetConfirmRequest>;

export const mfaEnrollRequestSchema = z
  .strictObject({ ...flowBase, type: z.enum(['totp', 'sms']), phone_number: phone.optional() })
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
  flow: token.optional(),
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
