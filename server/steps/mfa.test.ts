import { describe, expect, it } from 'vitest';
import type { Identity, MfaFactorSummary } from '../../protocol/messages.ts';
import type { Continuation } from './flow.ts';
import {
  factorsOf,
  labelled,
  heldIdentity,
  offerSecondFactor,
  passkeySubject,
  requireSecondFactor,
  summarize,
  webauthnAllowed,
} from './mfa.ts';
import { CONTEXT, PROFILE, profileWith, stepContext, stubWorkOS } from './test-support.ts';

const totp: MfaFactorSummary = { id: 'auth_factor_T1', type: 'totp', label: null };
const sms: MfaFactorSummary = { id: 'auth_factor_S1', type: 'sms', label: '0123' };
const challengeWire = (factor: string) => ({
  object: 'authentication_challenge',
  id: 'auth_challenge_1',
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
  expires_at: '2026-01-01T00:10:00.000Z',
  authentication_factor_id: factor,
});
const factorWire = (id: string, type: 'totp' | 'sms', phone?: string) => ({
  object: 'authentication_factor',
  id,
  type,
  user_id: 'user_1',
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
  ...(phone ? { sms: { phone_number: phone } } : { totp: { issuer: 'x', user: 'y' } }),
});
const list = (data: unknown[]) => ({ object: 'list', data, list_metadata: { before: null, after: null } });

function cont(profile = PROFILE): Continuation {
  return {
    profile,
    context: CONTEXT,
    state: { email: 'mia@example.com', user_id: 'user_1', method: 'password', pending_authentication_token: 'pat' },
    refusal: { type: 'error', code: 'invalid_code', message: 'x', status: 401 },
  };
}

describe('MFA policy', () => {
  it('enrols only the profile’s WorkOS factor types, in its order', async () => {
    const ctx = stepContext(stubWorkOS({}));
    const all = profileWith({ mfa: { enforce: 'if_required', factors: ['sms', 'webauthn', 'totp'] } });
    expect(await offerSecondFactor(ctx, cont(all), 'mfa_enrollment', [])).toMatchObject({
      step: 'mfa_enroll',
      data: { types: ['sms', 'totp'] },
    });
  });

  it('summarizes WorkOS factors without secrets', () => {
    expect(summarize({ id: 'auth_factor_A', type: 'sms', sms: { phone_number: '+15555550123' } })).toEqual({
      id: 'auth_factor_A',
      type: 'sms',
      label: '0123',
    });
    expect(summarize({ id: 'auth_factor_B', type: 'totp', totp: { secret: 'S', qr_code: 'Q' } })).toEqual({
      id: 'auth_factor_B',
      type: 'totp',
      label: null,
    });
    expect(factorsOf([{ id: 'x', type: 'generic_otp' }, null, { type: 'totp' }])).toEqual([]);
    expect(factorsOf(undefined)).toEqual([]);
  });

  it('challenges a single allowed factor at once', async () => {
    const calls: string[] = [];
    const ctx = stepContext(
      stubWorkOS({ 'POST /auth/factors/auth_factor_T1/challenge': () => challengeWire('T1') }, calls),
    );
    const outcome = await offerSecondFactor(ctx, cont(), 'mfa_challenge', [totp]);
    expect(outcome).toMatchObject({ type: 'step', step: 'mfa_code', data: { factor: totp, others: [] } });
    if (outcome.type !== 'step') throw new Error('unreachable');
    const sealed = ctx.sealer.unseal<Record<string, unknown>>(outcome.flow, {
      purpose: 'mfa_code',
      profile: 'default',
    });
    expect(sealed.data).toMatchObject({
      challenge_id: 'auth_challenge_1',
      factor_id: 'auth_factor_T1',
      factors: [totp],
    });
    expect(calls).toEqual(['POST /auth/factors/auth_factor_T1/challenge']);
  });

  it('offers a picker for several, without challenging any yet', async () => {
    const calls: string[] = [];
    const ctx = stepContext(stubWorkOS({}, calls));
    const outcome = await offerSecondFactor(ctx, cont(), 'mfa_challenge', [totp, sms]);
    expect(outcome).toMatchObject({ type: 'step', step: 'mfa_challenge', data: { factors: [totp, sms] } });
    expect(calls).toEqual([]);
  });

  it('challenges the one allowed of several, and refuses when none is allowed', async () => {
    const ctx = stepContext(stubWorkOS({ 'POST /auth/factors/auth_factor_S1/challenge': () => challengeWire('S1') }));
    const smsOnly = profileWith({ mfa: { enforce: 'if_required', factors: ['sms'] } });
    expect(await offerSecondFactor(ctx, cont(smsOnly), 'mfa_challenge', [totp, sms])).toMatchObject({
      step: 'mfa_code',
      data: { factor: sms, others: [], phone_hint: '0123' },
    });
    const none = profileWith({ mfa: { enforce: 'if_required', factors: ['webauthn'] } });
    expect(await offerSecondFactor(ctx, cont(none), 'mfa_challenge', [totp, sms])).toMatchObject({
      code: 'mfa_not_allowed',
      status: 403,
    });
  });

  it('offers enrolment of the allowed types, or refuses', async () => {
    const ctx = stepContext(stubWorkOS({}));
    expect(await offerSecondFactor(ctx, cont(), 'mfa_enrollment', [])).toMatchObject({
      step: 'mfa_enroll',
      data: { types: ['totp', 'sms'] },
    });
    const none = profileWith({ mfa: { enforce: 'if_required', factors: [] } });
    expect(await offerSecondFactor(ctx, cont(none), 'mfa_enrollment', [])).toMatchObject({
      code: 'mfa_not_allowed',
      status: 403,
    });
  });

  it('labels SMS factors WorkOS named without their phone', async () => {
    const ctx = stepContext(
      stubWorkOS({
        'GET /user_management/users/user_1/auth_factors': () =>
          list([factorWire('auth_factor_S1', 'sms', '+15555550999')]),
      }),
    );
    expect(await labelled(ctx, 'user_1', [{ ...sms, label: null }])).toEqual([{ ...sms, label: '0999' }]);
    expect(await labelled(ctx, null, [{ ...sms, label: null }])).toEqual([{ ...sms, label: null }]);
  });

  describe('profile `always`', () => {
    const identity: Identity = {
      user: { id: 'user_1', email: 'grace@example.com', email_verified: true, first_name: 'G', last_name: 'H' },
      organization_id: null,
      membership: null,
      session_id: 'session_1',
      method: 'password',
    };
    const always = profileWith({ mfa: { enforce: 'always', factors: ['totp'] } });

    it('has a user without a factor enroll, holding the identity sealed instead of a pending token', async () => {
      const ctx = stepContext(stubWorkOS({ 'GET /user_management/users/user_1/auth_factors': () => list([]) }));
      const outcome = await requireSecondFactor(ctx, cont(always), identity);
      expect(outcome).toMatchObject({ type: 'step', step: 'mfa_enroll', data: { types: ['totp'] } });
      if (outcome.type !== 'step') throw new Error('unreachable');
      const { data } = ctx.sealer.unseal<Record<string, unknown>>(outcome.flow, {
        purpose: 'mfa_enroll',
        profile: 'default',
      });
      expect(data.identity).toEqual(identity);
      expect(data.pending_authentication_token).toBeUndefined();
      expect(JSON.stringify(outcome)).not.toContain('session_1');
    });

    it('challenges an enrolled allowed factor; a disallowed one counts as none', async () => {
      const ctx = stepContext(
        stubWorkOS({
          'GET /user_management/users/user_1/auth_factors': () => list([factorWire('auth_factor_T1', 'totp')]),
          'POST /auth/factors/auth_factor_T1/challenge': () => challengeWire('auth_factor_T1'),
        }),
      );
      expect(await requireSecondFactor(ctx, cont(always), identity)).toMatchObject({ step: 'mfa_code' });
      const smsOnly = profileWith({ mfa: { enforce: 'always', factors: ['sms'] } });
      expect(await requireSecondFactor(ctx, cont(smsOnly), identity)).toMatchObject({
        step: 'mfa_enroll',
        data: { types: ['sms'] },
      });
    });

    it('marks held steps for a passkey where WebAuthn is allowed, never under a pending token', async () => {
      const withPasskey = profileWith({ mfa: { enforce: 'always', factors: ['totp', 'webauthn'] } });
      const held = { ...cont(withPasskey).state, identity };
      delete held.pending_authentication_token;
      expect(webauthnAllowed(withPasskey, {})).toBe(true);
      expect(webauthnAllowed(always, {})).toBe(false);
      expect(webauthnAllowed(always, { step_up: true })).toBe(true);
      expect(heldIdentity(held)).toEqual(identity);
      expect(heldIdentity({ ...held, pending_authentication_token: 'pat' })).toBeNull();
      expect(passkeySubject(withPasskey, held)).toBe('user_1');
      expect(passkeySubject(always, held)).toBeNull();
      expect(passkeySubject(always, { ...held, step_up: true })).toBe('user_1');

      const ctx = stepContext(stubWorkOS({ 'GET /user_management/users/user_1/auth_factors': () => list([]) }));
      const webauthnOnly = profileWith({ mfa: { enforce: 'always', factors: ['webauthn'] } });
      expect(await requireSecondFactor(ctx, cont(webauthnOnly), identity)).toMatchObject({
        step: 'mfa_enroll',
        subject: 'user_1',
        data: { types: [], passkey: 'register' },
      });
      // Under WorkOS's own MFA nothing is marked, and only WorkOS types can be enrolled.
      expect(await offerSecondFactor(ctx, cont(webauthnOnly), 'mfa_enrollment', [])).toMatchObject({
        code: 'mfa_not_allowed',
      });
      expect(await offerSecondFactor(ctx, cont(withPasskey), 'mfa_enrollment', [])).not.toHaveProperty('subject');
    });

    it('never summarizes a WorkOS WebAuthn factor (passkeys are this site’s)', () => {
      expect(summarize({ id: 'auth_factor_W', type: 'webauthn' })).toBeNull();
    });

    it('fails closed when the factors cannot be listed', async () => {
      const ctx = stepContext(stubWorkOS({}));
      expect(await requireSecondFactor(ctx, cont(always), identity)).toMatchObject({ code: 'workos_unavailable' });
    });
  });
});
