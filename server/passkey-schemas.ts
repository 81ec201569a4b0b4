/**
 * Runtime validation of the passkey messages (protocol/passkeys.ts): the WebAuthn responses the
 * browser produced (forwarded by WordPress), the credentials WordPress stores, and the options the
 * login server answers. Strict like every other schema, except the browser's extension outputs,
 * which WebAuthn defines as an open dictionary (bounded by the body limit; never read).
 */
import { z } from 'zod';
import {
  LIMITS,
  PASSKEY_LIMITS,
  type AuthenticationResponseJSON,
  type NewPasskey,
  type PasskeyRegisteredOutcome,
  type PasskeyUse,
  type PasskeyUser,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
  type StepInputs,
  type StoredPasskey,
} from '../protocol/messages.ts';

/** One base64url field of a WebAuthn message (no padding, bounded). */
export const base64url = z
  .string()
  .min(1)
  .max(PASSKEY_LIMITS.webauthnFieldMax)
  .regex(/^[A-Za-z0-9_-]+$/);
export const credentialId = z.string().regex(new RegExp(PASSKEY_LIMITS.credentialIdPattern));
const workosUserId = z.string().regex(new RegExp(LIMITS.idPattern));
const transports = z
  .array(z.string().regex(new RegExp(PASSKEY_LIMITS.transportPattern)))
  .max(PASSKEY_LIMITS.transportsMax);
const attachment = z.enum(['platform', 'cross-platform']);
const userVerification = z.enum(['required', 'preferred', 'discouraged']);
const hints = z.array(z.enum(['hybrid', 'security-key', 'client-device'])).max(3);
/** At most 16 extension outputs (browsers send a handful): WordPress checks the same bound. */
const extensionOutputs = z
  .record(z.string().max(64), z.json())
  .refine((outputs) => Object.keys(outputs).length <= 16, { message: 'Too many extension outputs' })
  .meta({ maxProperties: 16 }) as unknown as z.ZodType<AuthenticationResponseJSON['clientExtensionResults']>;

/** `startAuthentication()`'s answer. */
export const authenticationResponseSchema = z.strictObject({
  id: credentialId,
  rawId: credentialId,
  response: z.strictObject({
    clientDataJSON: base64url,
    authenticatorData: base64url,
    signature: base64url,
    userHandle: base64url.optional(),
  }),
  authenticatorAttachment: attachment.optional(),
  clientExtensionResults: extensionOutputs,
  type: z.literal('public-key'),
}) satisfies z.ZodType<AuthenticationResponseJSON>;

/** `startRegistration()`'s answer. */
export const registrationResponseSchema = z.strictObject({
  id: credentialId,
  rawId: credentialId,
  response: z.strictObject({
    clientDataJSON: base64url,
    attestationObject: base64url,
    authenticatorData: base64url.optional(),
    transports: transports.optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: base64url.optional(),
  }),
  authenticatorAttachment: attachment.optional(),
  clientExtensionResults: extensionOutputs,
  type: z.literal('public-key'),
}) satisfies z.ZodType<RegistrationResponseJSON>;

const counter = z
  .number()
  .int()
  .min(0)
  .max(2 ** 32 - 1);

export const storedPasskeySchema = z.strictObject({
  id: credentialId,
  public_key: base64url,
  counter,
  transports,
  user_id: workosUserId,
}) satisfies z.ZodType<StoredPasskey>;

export const passkeyUserSchema = z.strictObject({
  id: workosUserId,
  name: z.string().min(1).max(LIMITS.emailMax),
  display_name: z.string().max(2 * LIMITS.nameMax + 1),
}) satisfies z.ZodType<PasskeyUser>;

export const newPasskeySchema = z.strictObject({
  id: credentialId,
  public_key: base64url,
  counter,
  transports,
  device_type: z.enum(['singleDevice', 'multiDevice']),
  backed_up: z.boolean(),
  aaguid: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
}) satisfies z.ZodType<NewPasskey>;

export const passkeyUseSchema = z.strictObject({
  id: credentialId,
  counter,
  backed_up: z.boolean(),
}) satisfies z.ZodType<PasskeyUse>;

export const passkeyRegisteredOutcomeSchema = z.strictObject({
  type: z.literal('passkey_registered'),
  credential: newPasskeySchema,
}) satisfies z.ZodType<PasskeyRegisteredOutcome>;

/** The envelope inputs of the passkey steps (`step_up`'s identity lives with the identity schema). */
export const passkeyInputs = {
  passkey_options: z.strictObject({}),
  passkey_verify: z.strictObject({ response: authenticationResponseSchema, credential: storedPasskeySchema }),
  passkey_register_options: z.strictObject({
    user: passkeyUserSchema.nullable(),
    exclude: z.array(credentialId).max(100),
    /** The site's name (WordPress allows an empty one: the relying party id stands in). */
    rp_name: z.string().max(256),
  }),
  passkey_register_verify: z.strictObject({ response: registrationResponseSchema, user_id: workosUserId.nullable() }),
} satisfies {
  [S in 'passkey_options' | 'passkey_verify' | 'passkey_register_options' | 'passkey_register_verify']: z.ZodType<
    StepInputs[S]
  >;
};

const descriptor = z.strictObject({
  id: credentialId,
  type: z.literal('public-key'),
  transports: transports.optional(),
});

/** Step `passkey`: what `navigator.credentials.get` is asked (exactly what passkey.ts answers). */
export const requestOptionsSchema = z.strictObject({
  challenge: base64url,
  timeout: z.number().int().positive().optional(),
  rpId: z.string().min(1).max(253).optional(),
  allowCredentials: z.array(descriptor).optional(),
  userVerification: userVerification.optional(),
  hints: hints.optional(),
}) satisfies z.ZodType<PublicKeyCredentialRequestOptionsJSON>;

/** Step `passkey_register`: what `navigator.credentials.create` is asked. */
export const creationOptionsSchema = z.strictObject({
  rp: z.strictObject({ name: z.string().max(256), id: z.string().min(1).max(253).optional() }),
  user: z.strictObject({ id: base64url, name: z.string().min(1), displayName: z.string() }),
  challenge: base64url,
  pubKeyCredParams: z.array(z.strictObject({ alg: z.number().int(), type: z.literal('public-key') })).min(1),
  timeout: z.number().int().positive().optional(),
  excludeCredentials: z.array(descriptor).optional(),
  authenticatorSelection: z
    .strictObject({
      authenticatorAttachment: attachment.optional(),
      requireResidentKey: z.boolean().optional(),
      residentKey: z.enum(['discouraged', 'preferred', 'required']).optional(),
      userVerification: userVerification.optional(),
    })
    .optional(),
  hints: hints.optional(),
  attestation: z.enum(['direct', 'enterprise', 'indirect', 'none']).optional(),
  extensions: z.strictObject({ credProps: z.boolean().optional() }).optional(),
}) satisfies z.ZodType<PublicKeyCredentialCreationOptionsJSON>;
