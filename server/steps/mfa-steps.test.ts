import { beforeEach, describe, expect, it } from 'vitest';
import type { MfaFactorSummary, Outcome, StepOutcome } from '../../protocol/messages.ts';
import { as, integration, PASSWORD, totp } from './test-support.ts';

const MIA = { email: 'mia@example.com', password: PASSWORD, secret: 'JBSWY3DPEHPK3PXP' };
const OLIVIA = { email: 'olivia@example.com', password: PASSWORD, secret: 'KRSXG5CTMVRXEZLU', phone: '+15555550123' };
const NOAH = { email: 'noah@example.com', password: PASSWORD };
const totpOnly = { mfa: { enforce: 'if_required' as const, factors: ['totp' as const] } };

let t: ReturnType<typeof integration>;
beforeEach(() => {
  t = integration();
});

const signIn = (user: { email: string; password: string }, profile = {}) =>
  t.send('password', { email: user.email, password: user.password }, { profile });
const step = (outcome: Outcome, name: StepOutcome['step']) => {
  const s = as(outcome, 'step');
  expect(s.step).toBe(name);
  return s;
};
const wrong = (code: string) => (code === '000000' ? '111111' : '000000');

describe('MFA challenge (WorkOS mfa_challenge)', () => {
  it('challenges a single factor at once and signs in with its code', async () => {
    const codeStep = step(await signIn(MIA), 'mfa_code');
    expect(codeStep.data).toMatchObject({ factor: { type: 'totp', label: null }, others: [] });
    expect(codeStep.data).not.toHaveProperty('totp');
    expect(await t.send('mfa_verify', { code: wrong(totp(MIA.secret)) }, { flow: codeStep.flow })).toMatchObject({
      code: 'invalid_code',
      status: 401,
    });
    const signedIn = as(
      await t.send('mfa_verify', { code: totp(MIA.secret) }, { flow: codeStep.flow }),
      'authenticated',
    );
    expect(signedIn.identity).toMatchObject({ user: { email: MIA.email }, method: 'password' });
  });

  it('offers a picker for several factors, then challenges the chosen one (SMS sends a code)', async () => {
    const picker = step(await signIn(OLIVIA), 'mfa_challenge');
    const factors = (picker.data as { factors: MfaFactorSummary[] }).factors;
    expect(factors.map((f) => f.type).sort()).toEqual(['sms', 'totp']);
    const sms = factors.find((f) => f.type === 'sms')!;
    expect(sms.label).toBe('0123');
    const codeStep = step(await t.send('mfa_challenge', { factor_id: sms.id }, { flow: picker.flow }), 'mfa_code');
    expect(codeStep.data).toMatchObject({
      factor: sms,
      others: [factors.find((f) => f.type === 'totp')],
      phone_hint: '0123',
    });
    const [text] = await t.texts(OLIVIA.phone);
    expect(text?.code).toMatch(/^[0-9]{6}$/);
    const signedIn = as(await t.send('mfa_verify', { code: text.code }, { flow: codeStep.flow }), 'authenticated');
    expect(signedIn.identity.user.email).toBe(OLIVIA.email);
    expect(t.logLines.join('\n')).not.toContain(text.code);
  });

  it('switches to another factor from the code step', async () => {
    const picker = step(await signIn(OLIVIA), 'mfa_challenge');
    const factors = (picker.data as { factors: MfaFactorSummary[] }).factors;
    const sms = factors.find((f) => f.type === 'sms')!;
    const other = factors.find((f) => f.type === 'totp')!;
    const smsStep = step(await t.send('mfa_challenge', { factor_id: sms.id }, { flow: picker.flow }), 'mfa_code');
    const totpStep = step(await t.send('mfa_challenge', { factor_id: other.id }, { flow: smsStep.flow }), 'mfa_code');
    as(await t.send('mfa_verify', { code: totp(OLIVIA.secret) }, { flow: totpStep.flow }), 'authenticated');
  });

  it("enforces the profile's factor allowlist", async () => {
    // Only TOTP allowed: Olivia's TOTP factor is challenged at once; her SMS factor cannot be picked.
    const codeStep = step(await signIn(OLIVIA, totpOnly), 'mfa_code');
    expect(codeStep.data).toMatchObject({ factor: { type: 'totp' }, others: [] });
    const picker = step(await signIn(OLIVIA), 'mfa_challenge');
    const sms = (picker.data as { factors: MfaFactorSummary[] }).factors.find((f) => f.type === 'sms')!;
    expect(
      await t.send('mfa_challenge', { factor_id: sms.id }, { flow: picker.flow, profile: totpOnly }),
    ).toMatchObject({
      code: 'mfa_not_allowed',
      status: 403,
    });
    expect(await t.send('mfa_challenge', { factor_id: 'auth_factor_NOTOFFERED' }, { flow: picker.flow })).toMatchObject(
      {
        code: 'mfa_not_allowed',
      },
    );
    const none = { mfa: { enforce: 'if_required' as const, factors: ['webauthn' as const] } };
    expect(await signIn(MIA, none)).toMatchObject({ code: 'mfa_not_allowed', status: 403 });
  });

  it('refuses a flow sealed for another step', async () => {
    const picker = step(await signIn(OLIVIA), 'mfa_challenge');
    expect(await t.send('mfa_verify', { code: '123456' }, { flow: picker.flow })).toMatchObject({
      code: 'flow_expired',
    });
  });
});

describe('MFA enrolment (WorkOS mfa_enrollment)', () => {
  it('enrolls TOTP: QR code and secret, then signs in with its code', async () => {
    const enroll = step(await signIn(NOAH), 'mfa_enroll');
    expect(enroll.data).toEqual({ types: ['totp', 'sms'] });
    const codeStep = step(await t.send('mfa_enroll', { type: 'totp' }, { flow: enroll.flow }), 'mfa_code');
    const data = codeStep.data as { totp: { qr_code: string; secret: string; uri: string }; others: unknown[] };
    expect(data.totp.qr_code).toMatch(/^data:image\/(png|svg\+xml)/);
    expect(data.totp.uri).toMatch(/^otpauth:\/\/totp\//);
    expect(data.others).toEqual([]);
    const signedIn = await t.send('mfa_verify', { code: totp(data.totp.secret) }, { flow: codeStep.flow });
    expect(as(signedIn, 'authenticated').identity.user.email).toBe(NOAH.email);
  });

  it('enrolls SMS: the code goes to the phone', async () => {
    const enroll = step(await signIn(NOAH), 'mfa_enroll');
    const phone = '+15555550199';
    const codeStep = step(
      await t.send('mfa_enroll', { type: 'sms', phone_number: phone }, { flow: enroll.flow }),
      'mfa_code',
    );
    expect(codeStep.data).toMatchObject({ factor: { type: 'sms', label: '0199' }, phone_hint: '0199' });
    const [text] = await t.texts(phone);
    as(await t.send('mfa_verify', { code: text.code }, { flow: codeStep.flow }), 'authenticated');
  });

  it('refuses a type the profile does not allow, and SMS without a phone', async () => {
    const enroll = step(await signIn(NOAH, totpOnly), 'mfa_enroll');
    expect(enroll.data).toEqual({ types: ['totp'] });
    expect(
      await t.send(
        'mfa_enroll',
        { type: 'sms', phone_number: '+15555550199' },
        { flow: enroll.flow, profile: totpOnly },
      ),
    ).toMatchObject({ code: 'mfa_not_allowed', status: 403 });
    const any = step(await signIn(NOAH), 'mfa_enroll');
    expect(await t.send('mfa_enroll', { type: 'sms' }, { flow: any.flow })).toMatchObject({
      code: 'invalid_request',
      status: 400,
    });
  });
});

describe('profile MFA `always`', () => {
  const always = { mfa: { enforce: 'always' as const, factors: ['totp' as const] } };

  it('has a user without a factor enroll one before the identity is released', async () => {
    const enroll = step(await signIn({ email: 'grace@example.com', password: PASSWORD }, always), 'mfa_enroll');
    expect(enroll.data).toEqual({ types: ['totp'] });
    const codeStep = step(
      await t.send('mfa_enroll', { type: 'totp' }, { flow: enroll.flow, profile: always }),
      'mfa_code',
    );
    const secret = (codeStep.data as { totp: { secret: string } }).totp.secret;
    expect(
      await t.send('mfa_verify', { code: wrong(totp(secret)) }, { flow: codeStep.flow, profile: always }),
    ).toMatchObject({
      code: 'invalid_code',
    });
    const signedIn = await t.send('mfa_verify', { code: totp(secret) }, { flow: codeStep.flow, profile: always });
    expect(as(signedIn, 'authenticated').identity).toMatchObject({
      user: { email: 'grace@example.com' },
      method: 'password',
    });
  });

  it('does not ask twice when WorkOS already required MFA', async () => {
    const codeStep = step(await signIn(MIA, always), 'mfa_code');
    as(
      await t.send('mfa_verify', { code: totp(MIA.secret) }, { flow: codeStep.flow, profile: always }),
      'authenticated',
    );
  });

  it('honours WorkOS requiring MFA even with `never`', async () => {
    step(await signIn(MIA, { mfa: { enforce: 'never', factors: ['totp'] } }), 'mfa_code');
  });
});
