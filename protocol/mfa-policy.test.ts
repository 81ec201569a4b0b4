import { describe, expect, it } from 'vitest';
import {
  factorMatters,
  MFA_DEFAULT,
  MFA_ENFORCE,
  MFA_FACTORS,
  mfaDecision,
  type MfaDecision,
  type MfaEnforce,
  type MfaFactor,
  type WorkOSAnswer,
} from './mfa-policy.ts';
import { PROFILE_DEFAULTS } from './profile.ts';

interface F {
  type: string;
}
const ANSWERS: WorkOSAnswer[] = ['mfa_challenge', 'mfa_enrollment', 'signed_in', 'signed_in_after_mfa'];
const ENROLLED: F[][] = [[], [{ type: 'totp' }], [{ type: 'sms' }], [{ type: 'sms' }, { type: 'totp' }]];
const ALLOWLISTS = MFA_FACTORS.reduce<MfaFactor[][]>((all, f) => [...all, ...all.map((s) => [...s, f])], [[]]);

/**
 * The table written out by hand (no reuse of the module's code): what the login server does for
 * every enforce value, allowlist, WorkOS answer, enrolled factors and step-up.
 */
function expected(enforce: MfaEnforce, factors: MfaFactor[], answer: WorkOSAnswer, enrolled: F[], stepUp: boolean) {
  const allowed = enrolled.filter((f) => (factors as string[]).includes(f.type));
  const workosTypes = factors.filter((f) => f === 'totp' || f === 'sms');
  const refuse: MfaDecision<F> = { kind: 'refuse', code: 'mfa_not_allowed' };
  switch (answer) {
    case 'signed_in_after_mfa':
      return { kind: 'proceed' };
    case 'mfa_challenge':
      return allowed.length > 0 ? { kind: 'challenge', factors: allowed, passkey: false } : refuse;
    case 'mfa_enrollment':
      return workosTypes.length > 0 ? { kind: 'enroll', types: workosTypes, passkey: false } : refuse;
    case 'signed_in': {
      if (enforce !== 'always' && !stepUp) return { kind: 'proceed' };
      const passkey = factors.includes('webauthn') || stepUp;
      if (allowed.length > 0) return { kind: 'challenge', factors: allowed, passkey };
      return workosTypes.length > 0 || passkey ? { kind: 'enroll', types: workosTypes, passkey } : refuse;
    }
  }
}

describe('mfaDecision', () => {
  it('follows the table for every combination', () => {
    let rows = 0;
    for (const enforce of MFA_ENFORCE)
      for (const factors of ALLOWLISTS)
        for (const answer of ANSWERS)
          for (const enrolled of ENROLLED)
            for (const stepUp of [false, true]) {
              const got = mfaDecision({ enforce, factors }, { answer, enrolled, stepUp });
              const want = expected(enforce, factors, answer, enrolled, stepUp);
              expect(got, JSON.stringify({ enforce, factors, answer, enrolled, stepUp })).toEqual(want);
              rows++;
            }
    expect(rows).toBe(3 * 8 * 4 * 4 * 2);
  });

  it('`never` is `if_required`: WorkOS’s requirement applies with the allowlist, nothing is added', () => {
    for (const factors of ALLOWLISTS)
      for (const answer of ANSWERS)
        for (const enrolled of ENROLLED)
          for (const stepUp of [false, true]) {
            const situation = { answer, enrolled, stepUp };
            expect(mfaDecision({ enforce: 'never', factors }, situation)).toEqual(
              mfaDecision({ enforce: 'if_required', factors }, situation),
            );
          }
    const mia = [{ type: 'totp', id: 'auth_factor_1' }];
    expect(
      mfaDecision({ enforce: 'never', factors: ['totp'] }, { answer: 'mfa_challenge', enrolled: mia, stepUp: false }),
    ).toEqual({ kind: 'challenge', factors: mia, passkey: false });
    expect(
      mfaDecision({ enforce: 'never', factors: ['totp'] }, { answer: 'signed_in', enrolled: [], stepUp: false }),
    ).toEqual({
      kind: 'proceed',
    });
  });

  it('keeps WorkOS’s order for factors and the profile’s for enrolment', () => {
    const enrolled = [{ type: 'sms' }, { type: 'totp' }];
    const policy = { enforce: 'always' as const, factors: ['totp', 'webauthn', 'sms'] as MfaFactor[] };
    expect(mfaDecision(policy, { answer: 'mfa_challenge', enrolled, stepUp: false })).toMatchObject({
      factors: enrolled,
    });
    expect(mfaDecision(policy, { answer: 'mfa_enrollment', enrolled: [], stepUp: false })).toMatchObject({
      types: ['totp', 'sms'],
    });
  });

  it('never offers a WorkOS factor type outside the allowlist, nor a passkey under WorkOS’s own MFA', () => {
    for (const enforce of MFA_ENFORCE)
      for (const factors of ALLOWLISTS)
        for (const answer of ANSWERS)
          for (const enrolled of ENROLLED)
            for (const stepUp of [false, true]) {
              const d = mfaDecision({ enforce, factors }, { answer, enrolled, stepUp });
              if (d.kind === 'challenge') for (const f of d.factors) expect(factors).toContain(f.type);
              if (d.kind === 'enroll') for (const t of d.types) expect(factors).toContain(t);
              if (answer === 'mfa_challenge' || answer === 'mfa_enrollment')
                expect(d).not.toMatchObject({ passkey: true });
            }
  });
});

describe('factorMatters (what the admin screen greys out)', () => {
  it('WorkOS factors apply under every value; a passkey only under `always`', () => {
    const table = Object.fromEntries(MFA_ENFORCE.map((e) => [e, MFA_FACTORS.filter((f) => factorMatters(e, f))]));
    expect(table).toEqual({
      never: ['totp', 'sms'],
      if_required: ['totp', 'sms'],
      always: ['totp', 'sms', 'webauthn'],
    });
  });
});

describe('MFA_DEFAULT', () => {
  it('is the profile default, copied (a new profile never shares its list)', () => {
    expect(PROFILE_DEFAULTS.mfa).toEqual(MFA_DEFAULT);
    expect(PROFILE_DEFAULTS.mfa.factors).not.toBe(MFA_DEFAULT.factors);
    expect(MFA_ENFORCE).toContain(MFA_DEFAULT.enforce);
  });
});
