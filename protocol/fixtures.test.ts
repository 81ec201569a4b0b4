/**
 * Every JSON fixture of the contract parses with the schema of its message, and the schemas are
 * typed against `messages.ts`, so the fixtures, the types and the runtime checks agree. The PHP
 * side is checked against the same fixtures by tests/e2e/contract.spec.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { PASSKEY_LIMITS } from './messages.ts';
import {
  adminHealthOutcomeSchema,
  adminRolesOutcomeSchema,
  adminUserOutcomeSchema,
  auditForwardOutcomeSchema,
  sessionRevokeOutcomeSchema,
} from '../server/admin/identity-schemas.ts';
import { adminOrganizationsOutcomeSchema } from '../server/admin/schemas.ts';
import {
  authorizeRequestSchema,
  emailVerifyRequestSchema,
  invitationRequestSchema,
  magicCodeSendRequestSchema,
  magicCodeVerifyRequestSchema,
  mfaChallengeRequestSchema,
  mfaEnrollRequestSchema,
  mfaVerifyRequestSchema,
  orgSelectRequestSchema,
  passkeyOptionsRequestSchema,
  passkeyRegisterOptionsRequestSchema,
  passkeyRegisterVerifyRequestSchema,
  passkeyVerifyRequestSchema,
  passwordRequestSchema,
  resetConfirmRequestSchema,
  resetRequestSchema,
  signupRequestSchema,
} from '../server/browser-schemas.ts';
import { authResponseSchema, envelopeSchema, outcomeSchema, resetTokenOutcomeSchema } from '../server/schemas.ts';

const dir = join(import.meta.dirname, 'fixtures');
const SCHEMAS: Record<string, z.ZodType> = {
  'browser-password-request.json': passwordRequestSchema,
  'browser-signed-in-response.json': authResponseSchema,
  'browser-error-response.json': authResponseSchema,
  'browser-rate-limited-response.json': authResponseSchema,
  'browser-step-response.json': authResponseSchema,
  'browser-magic-code-send-request.json': magicCodeSendRequestSchema,
  'browser-magic-code-verify-request.json': magicCodeVerifyRequestSchema,
  'browser-authorize-oauth-request.json': authorizeRequestSchema,
  'browser-authorize-sso-request.json': authorizeRequestSchema,
  'browser-authorize-sso-organization-request.json': authorizeRequestSchema,
  'browser-authorize-authkit-request.json': authorizeRequestSchema,
  'browser-signup-request.json': signupRequestSchema,
  'browser-email-verify-request.json': emailVerifyRequestSchema,
  'browser-invitation-request.json': invitationRequestSchema,
  'browser-reset-request.json': resetRequestSchema,
  'browser-reset-confirm-request.json': resetConfirmRequestSchema,
  'browser-mfa-enroll-request.json': mfaEnrollRequestSchema,
  'browser-mfa-challenge-request.json': mfaChallengeRequestSchema,
  'browser-mfa-verify-request.json': mfaVerifyRequestSchema,
  'browser-org-select-request.json': orgSelectRequestSchema,
  'browser-redirect-response.json': authResponseSchema,
  'browser-password-rejected-response.json': authResponseSchema,
  'browser-step-code-sent-response.json': authResponseSchema,
  'browser-step-reset-sent-response.json': authResponseSchema,
  'browser-step-invitation-response.json': authResponseSchema,
  'server-password-envelope.json': envelopeSchema('password'),
  'server-magic-code-send-envelope.json': envelopeSchema('magic_code_send'),
  'server-magic-code-verify-envelope.json': envelopeSchema('magic_code_verify'),
  'server-authorize-envelope.json': envelopeSchema('authorize'),
  'server-callback-envelope.json': envelopeSchema('callback'),
  'server-impersonation-envelope.json': envelopeSchema('impersonation'),
  'server-signup-envelope.json': envelopeSchema('signup'),
  'server-email-verify-envelope.json': envelopeSchema('email_verify'),
  'server-invitation-envelope.json': envelopeSchema('invitation'),
  'server-reset-request-envelope.json': envelopeSchema('reset_request'),
  'server-reset-confirm-envelope.json': envelopeSchema('reset_confirm'),
  'server-mfa-enroll-envelope.json': envelopeSchema('mfa_enroll'),
  'server-mfa-challenge-envelope.json': envelopeSchema('mfa_challenge'),
  'server-mfa-verify-envelope.json': envelopeSchema('mfa_verify'),
  'server-org-select-envelope.json': envelopeSchema('org_select'),
  'server-authenticated-outcome.json': outcomeSchema,
  'server-error-outcome.json': outcomeSchema,
  'server-workos-unavailable-outcome.json': outcomeSchema,
  'server-step-outcome.json': outcomeSchema,
  'server-redirect-outcome.json': outcomeSchema,
  'server-reset-token-outcome.json': resetTokenOutcomeSchema,
  'server-reset-token-unknown-outcome.json': resetTokenOutcomeSchema,
  'server-step-code-sent-outcome.json': outcomeSchema,
  'server-step-email-verify-outcome.json': outcomeSchema,
  'server-step-mfa-enroll-outcome.json': outcomeSchema,
  'server-step-mfa-code-outcome.json': outcomeSchema,
  'server-step-mfa-code-sms-outcome.json': outcomeSchema,
  'server-step-org-select-outcome.json': outcomeSchema,
  'server-step-invitation-outcome.json': outcomeSchema,
  'server-step-reset-done-outcome.json': outcomeSchema,
  'server-password-rejected-outcome.json': outcomeSchema,
  'server-callback-authenticated-outcome.json': outcomeSchema,
  'server-callback-impersonation-outcome.json': outcomeSchema,
  'server-callback-unknown-method-outcome.json': outcomeSchema,
  'server-callback-step-outcome.json': outcomeSchema,
  'server-callback-error-outcome.json': outcomeSchema,
  'server-organizations-outcome.json': adminOrganizationsOutcomeSchema,
  'server-admin-user-outcome.json': adminUserOutcomeSchema,
  'server-roles-outcome.json': adminRolesOutcomeSchema,
  'server-health-outcome.json': adminHealthOutcomeSchema,
  'server-session-revoked-outcome.json': sessionRevokeOutcomeSchema,
  'server-audit-forwarded-outcome.json': auditForwardOutcomeSchema,
  'browser-passkey-options-request.json': passkeyOptionsRequestSchema,
  'browser-passkey-verify-request.json': passkeyVerifyRequestSchema,
  'browser-passkey-register-options-request.json': passkeyRegisterOptionsRequestSchema,
  'browser-passkey-register-verify-request.json': passkeyRegisterVerifyRequestSchema,
  'browser-step-passkey-response.json': authResponseSchema,
  'browser-signed-in-passkey-prompt-response.json': authResponseSchema,
  'server-passkey-options-envelope.json': envelopeSchema('passkey_options'),
  'server-passkey-verify-envelope.json': envelopeSchema('passkey_verify'),
  'server-passkey-register-options-envelope.json': envelopeSchema('passkey_register_options'),
  'server-passkey-register-verify-envelope.json': envelopeSchema('passkey_register_verify'),
  'server-step-up-envelope.json': envelopeSchema('step_up'),
  'server-step-passkey-outcome.json': outcomeSchema,
  'server-step-passkey-register-outcome.json': outcomeSchema,
  'server-step-mfa-enroll-passkey-outcome.json': outcomeSchema,
  'server-passkey-authenticated-outcome.json': outcomeSchema,
  'server-passkey-second-factor-outcome.json': outcomeSchema,
  'server-passkey-registered-outcome.json': outcomeSchema,
  'server-passkey-refused-outcome.json': outcomeSchema,
};

describe('contract fixtures', () => {
  it('has a schema for every fixture file', () => {
    expect(
      readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort(),
    ).toEqual(Object.keys(SCHEMAS).sort());
  });

  it.each(Object.entries(SCHEMAS))('%s matches its message schema', (file, schema) => {
    const result = schema.safeParse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('rejects what the contract forbids', () => {
    expect(outcomeSchema.safeParse({ type: 'authenticated', identity: {} }).success).toBe(false);
    expect(authResponseSchema.safeParse({ type: 'authenticated', identity: {} }).success).toBe(false);
    expect(passwordRequestSchema.safeParse({ profile: 'Default!', email: 'a@b.co', password: 'x' }).success).toBe(
      false,
    );
    expect(passwordRequestSchema.safeParse({ profile: 'default', email: 'a@b.co', password: '' }).success).toBe(false);
    expect(envelopeSchema('password').safeParse({}).success).toBe(false);
    // The admin outcome is not an auth outcome, and the other way round.
    const organizations = JSON.parse(readFileSync(join(dir, 'server-organizations-outcome.json'), 'utf8'));
    expect(outcomeSchema.safeParse(organizations).success).toBe(false);
    expect(adminOrganizationsOutcomeSchema.safeParse({ type: 'redirect', url: 'https://x.test' }).success).toBe(false);
    // Each identity administration outcome is its own message: none passes for another.
    const identity = [
      ['server-admin-user-outcome.json', adminUserOutcomeSchema],
      ['server-roles-outcome.json', adminRolesOutcomeSchema],
      ['server-health-outcome.json', adminHealthOutcomeSchema],
      ['server-session-revoked-outcome.json', sessionRevokeOutcomeSchema],
      ['server-audit-forwarded-outcome.json', auditForwardOutcomeSchema],
    ] as const;
    for (const [file] of identity) {
      const fixture: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      for (const [other, schema] of identity)
        if (other !== file) expect(schema.safeParse(fixture).success, other).toBe(false);
    }
    expect(adminHealthOutcomeSchema.safeParse({ type: 'health', server_time: 1 }).success).toBe(false);
  });

  it('keeps an identity’s method exact: a known name, WorkOS’s own only with unknown, a bounded impersonator', () => {
    const outcome = JSON.parse(readFileSync(join(dir, 'server-callback-impersonation-outcome.json'), 'utf8')) as {
      identity: { impersonator: object };
    };
    const withIdentity = (change: object) => ({ ...outcome, identity: { ...outcome.identity, ...change } });
    expect(outcomeSchema.safeParse(withIdentity({ method: 'oauth_linkedin' })).success).toBe(true);
    expect(outcomeSchema.safeParse(withIdentity({ method: 'linkedin' })).success).toBe(false);
    expect(outcomeSchema.safeParse(withIdentity({ method: 'unknown', workos_method: 'XOAuth' })).success).toBe(true);
    expect(outcomeSchema.safeParse(withIdentity({ workos_method: 'XOAuth' })).success).toBe(false);
    expect(outcomeSchema.safeParse(withIdentity({ method: 'unknown', workos_method: 'X OAuth' })).success).toBe(false);
    const impersonator = (change: object) =>
      withIdentity({ impersonator: { ...outcome.identity.impersonator, ...change } });
    expect(outcomeSchema.safeParse(impersonator({ reason: null })).success).toBe(true);
    expect(outcomeSchema.safeParse(impersonator({ reason: 'x'.repeat(501) })).success).toBe(false);
    expect(outcomeSchema.safeParse(impersonator({ reason: 'line\nbreak' })).success).toBe(false);
    expect(outcomeSchema.safeParse(impersonator({ email: undefined })).success).toBe(false);
    expect(outcomeSchema.safeParse(impersonator({ admin: true })).success).toBe(false);
  });

  it('keeps step data exact: no token, no unknown step, no flow on the notices that end one', () => {
    const read = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
    const mfaCode = read('server-step-mfa-code-outcome.json');
    const data = mfaCode.data as Record<string, unknown>;
    expect(outcomeSchema.safeParse(mfaCode).success).toBe(true);
    expect(outcomeSchema.safeParse({ ...mfaCode, data: { ...data, challenge_id: 'auth_challenge_1' } }).success).toBe(
      false,
    );
    expect(outcomeSchema.safeParse({ ...mfaCode, step: 'teleport' }).success).toBe(false);
    expect(outcomeSchema.safeParse({ ...mfaCode, flow: '' }).success).toBe(false);
    const done = read('server-step-reset-done-outcome.json');
    expect(outcomeSchema.safeParse({ ...done, flow: 'v1.x' }).success).toBe(false);
    // The browser never sees a passthrough, nor a reset token.
    expect(authResponseSchema.safeParse(read('server-callback-step-outcome.json')).success).toBe(false);
    expect(authResponseSchema.safeParse(read('server-reset-token-outcome.json')).success).toBe(false);
    expect(outcomeSchema.safeParse(read('server-reset-token-outcome.json')).success).toBe(true);
    // Requests: an SMS enrolment names a phone; codes are six digits; ids look like WorkOS ids.
    const enroll = read('browser-mfa-enroll-request.json');
    expect(mfaEnrollRequestSchema.safeParse({ ...enroll, phone_number: undefined }).success).toBe(false);
    expect(mfaEnrollRequestSchema.safeParse({ ...enroll, type: 'totp', phone_number: undefined }).success).toBe(true);
    expect(magicCodeVerifyRequestSchema.safeParse({ profile: 'default', code: '12345', flow: 'v1.x' }).success).toBe(
      false,
    );
    expect(mfaChallengeRequestSchema.safeParse({ profile: 'default', factor_id: 'x', flow: 'v1.x' }).success).toBe(
      false,
    );
    expect(
      authorizeRequestSchema.safeParse({ profile: 'default', kind: 'sso_connection', connection_id: 'conn_1' }).success,
    ).toBe(false);
    // Passkeys: `subject` is for PHP only; a passkey flow is required to verify; an enrolment step
    // without a WorkOS type must offer a passkey.
    const enrollPasskey = read('server-step-mfa-enroll-passkey-outcome.json');
    expect(authResponseSchema.safeParse(enrollPasskey).success).toBe(false);
    const { subject: _subject, ...browserEnroll } = enrollPasskey;
    expect(authResponseSchema.safeParse(browserEnroll).success).toBe(true);
    expect(outcomeSchema.safeParse({ ...browserEnroll, data: { types: [] } }).success).toBe(false);
    expect(outcomeSchema.safeParse({ ...browserEnroll, data: { types: [], passkey: 'register' } }).success).toBe(true);
    const verify = read('server-passkey-verify-envelope.json');
    expect(envelopeSchema('passkey_verify').safeParse({ ...verify, flow: undefined }).success).toBe(false);
    const input = verify.input as { response: { response: Record<string, unknown> } };
    const huge = { ...input.response.response, signature: 'A'.repeat(PASSKEY_LIMITS.webauthnFieldMax + 1) };
    expect(
      envelopeSchema('passkey_verify').safeParse({
        ...verify,
        input: { ...input, response: { ...input.response, response: huge } },
      }).success,
    ).toBe(false);
    expect(authResponseSchema.safeParse(read('server-passkey-registered-outcome.json')).success).toBe(false);
    expect(
      outcomeSchema.safeParse({
        ...read('server-passkey-authenticated-outcome.json'),
        passthrough: undefined,
        extra: 1,
      }).success,
    ).toBe(false);
    expect(
      envelopeSchema('magic_code_verify').safeParse({
        ...read('server-magic-code-verify-envelope.json'),
        flow: undefined,
      }).success,
    ).toBe(false);
  });
});
