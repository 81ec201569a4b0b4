import { describe, expect, it } from 'vitest';
import type { StepName } from '../../protocol/messages.ts';
import { createSealer } from '../seal.ts';
import { ACCEPTS, openFlow, requireFlow, sealFlow, stepOutcome, type FlowState } from './flow.ts';
import { FLOW_EXPIRED } from './outcomes.ts';
import { PROFILE, SECRET, stepContext, stubWorkOS } from './test-support.ts';

const state: FlowState = { email: 'ada@example.com', user_id: 'user_1', method: 'password', challenge_id: 'c_1' };

describe('sealed flows', () => {
  const ctx = stepContext(stubWorkOS({}));
  const envelope = (flow: string | undefined, slug = 'default') => ({ flow, profile: { ...PROFILE, slug } });

  it('opens a flow sealed for the step the previous answer named', () => {
    const flow = sealFlow(ctx, PROFILE, 'mfa_code', state);
    expect(openFlow(ctx, 'mfa_verify', envelope(flow))).toEqual({ state, purpose: 'mfa_code' });
    // "Use another factor" from the code step challenges again.
    expect(openFlow(ctx, 'mfa_challenge', envelope(flow))).toEqual({ state, purpose: 'mfa_code' });
  });

  it('refuses a flow sealed for any other step, profile or secret', () => {
    for (const purpose of ['mfa_challenge', 'code_sent', 'org_select', 'invitation'] satisfies StepName[]) {
      expect(openFlow(ctx, 'mfa_verify', envelope(sealFlow(ctx, PROFILE, purpose, state)))).toEqual(FLOW_EXPIRED);
    }
    const flow = sealFlow(ctx, PROFILE, 'mfa_code', state);
    expect(openFlow(ctx, 'mfa_verify', envelope(flow, 'members'))).toEqual(FLOW_EXPIRED);
    const other = { ...ctx, sealer: createSealer('o'.repeat(64)) };
    expect(openFlow(other, 'mfa_verify', envelope(flow))).toEqual(FLOW_EXPIRED);
  });

  it('refuses tampered, malformed and expired flows', () => {
    const flow = sealFlow(ctx, PROFILE, 'code_sent', state);
    const raw = Buffer.from(flow.slice(3), 'base64url');
    raw[20] ^= 1;
    expect(openFlow(ctx, 'magic_code_verify', envelope(`v1.${raw.toString('base64url')}`))).toEqual(FLOW_EXPIRED);
    expect(openFlow(ctx, 'magic_code_verify', envelope('v1.nope'))).toEqual(FLOW_EXPIRED);
    let now = 0;
    const late = { ...ctx, sealer: createSealer(SECRET, () => now) };
    const old = sealFlow(late, PROFILE, 'code_sent', state);
    now = 10 * 60_000 + 1;
    expect(openFlow(late, 'magic_code_verify', envelope(old))).toEqual(FLOW_EXPIRED);
  });

  it('treats a missing optional flow as none, a missing required one as expired', () => {
    expect(openFlow(ctx, 'password', envelope(undefined))).toBeNull();
    expect(openFlow(ctx, 'signup', envelope(''))).toBeNull();
    expect(requireFlow(ctx, 'org_select', envelope(undefined))).toEqual(FLOW_EXPIRED);
  });

  it('lets first factors carry only an invitation', () => {
    for (const step of ['password', 'magic_code_send', 'signup', 'authorize'] as const) {
      expect(ACCEPTS[step]).toEqual(['invitation']);
    }
    const invitation = sealFlow(ctx, PROFILE, 'invitation', { ...state, invitation_token: 'inv' });
    expect(openFlow(ctx, 'password', envelope(invitation))).toMatchObject({ state: { invitation_token: 'inv' } });
    expect(openFlow(ctx, 'password', envelope(sealFlow(ctx, PROFILE, 'code_sent', state)))).toEqual(FLOW_EXPIRED);
  });

  it('takes passkey flows only where they belong, sealed for a shorter time when asked', () => {
    expect(ACCEPTS.passkey_options).toEqual(['mfa_challenge', 'mfa_code', 'mfa_enroll']);
    expect(ACCEPTS.passkey_verify).toEqual(['passkey']);
    expect(ACCEPTS.passkey_register_options).toEqual(['mfa_enroll']);
    expect(ACCEPTS.passkey_register_verify).toEqual(['passkey_register']);
    expect(ACCEPTS.step_up).toBeUndefined();
    const passkey = sealFlow(ctx, PROFILE, 'passkey', { ...state, challenge: 'c' }, { ttlMs: 1_000 });
    expect(openFlow(ctx, 'passkey_verify', envelope(passkey))).toMatchObject({ state: { challenge: 'c' } });
    expect(openFlow(ctx, 'passkey_register_verify', envelope(passkey))).toEqual(FLOW_EXPIRED);
    expect(openFlow(ctx, 'mfa_verify', envelope(passkey))).toEqual(FLOW_EXPIRED);
    const { exp } = ctx.sealer.unseal(passkey, { purpose: 'passkey', profile: 'default' });
    expect(exp - Date.now()).toBeLessThanOrEqual(1_000);
    const mfa = sealFlow(ctx, PROFILE, 'mfa_code', state);
    expect(openFlow(ctx, 'passkey_options', envelope(mfa))).toMatchObject({ purpose: 'mfa_code' });
    expect(openFlow(ctx, 'passkey_register_options', envelope(mfa))).toEqual(FLOW_EXPIRED);
    expect(openFlow(ctx, 'passkey_options', envelope(undefined))).toBeNull();
  });

  it('builds step outcomes whose flow opens for the next step only', () => {
    const outcome = stepOutcome(ctx, PROFILE, 'org_select', { organizations: [] }, state);
    expect(outcome).toMatchObject({ type: 'step', step: 'org_select', data: { organizations: [] } });
    expect(outcome.flow).not.toContain('ada@example.com');
    expect(openFlow(ctx, 'org_select', envelope(outcome.flow))).toMatchObject({ purpose: 'org_select' });
  });
});

describe('flow padding', () => {
  const ctx = stepContext(stubWorkOS({}));

  it('seals flows of different content to tokens of the same length', () => {
    const short = sealFlow(ctx, PROFILE, 'email_verify', {
      email: 'a@b.co',
      user_id: null,
      method: 'magic_code',
      mode: 'magic',
    });
    const long = sealFlow(ctx, PROFILE, 'email_verify', {
      email: 'someone.with.a.long.name@example.com',
      user_id: 'user_01JDEMO000000000000000000',
      method: 'password',
      pending_authentication_token: 'p'.repeat(40),
    });
    expect(short.length).toBe(long.length);
    const opened = ctx.sealer.unseal<FlowState>(short, { purpose: 'email_verify', profile: 'default' });
    expect(Buffer.byteLength(JSON.stringify(opened.data))).toBe(1024);
    // Resealing a padded state pads it afresh, not twice.
    const again = sealFlow(ctx, PROFILE, 'email_verify', opened.data);
    expect(again.length).toBe(short.length);
  });
});
