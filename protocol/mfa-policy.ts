/**
 * The MFA policy of a Login Profile, written once: its values, its factors, its default, and
 * {@link mfaDecision}, the one table saying what the login server does with them. The server
 * applies it (server/steps/mfa.ts), the admin screen shows it (admin/profiles/mfa-field.ts), the
 * README states it, and PHP gets the lists generated from here.
 *
 * Two things set a second factor, and the profile controls only one of them:
 * - **WorkOS** may require MFA (its dashboard's setting for the environment or an organization).
 *   It answers the first factor with `mfa_challenge` (the user has factors) or `mfa_enrollment`
 *   (the user has none yet), and only a WorkOS factor (`totp`, `sms`) completes that. WordPress
 *   cannot switch it off: refusing those users would be the only alternative to honouring it.
 * - **This site** may ask for one itself after WorkOS signed the user in with one factor: the
 *   profile's `always`, or a role-based step-up (WordPress's passkey settings). The identity then
 *   waits sealed in the flow, so a passkey of this site (`webauthn`) may serve too.
 */

/**
 * `mfa.enforce`, what the profile adds to WorkOS's own requirement:
 * - `never`: nothing. When WorkOS requires MFA it still applies, with the allowed factors (the
 *   same as `if_required`: this value cannot turn WorkOS's requirement off).
 * - `if_required`: a second factor only when WorkOS requires one, with the allowed factors.
 * - `always`: every sign-in passes a second factor. When WorkOS let the user in with one factor,
 *   this site challenges one of the user's allowed factors, or has them enrol one first (or, with
 *   `webauthn` allowed, use or create a passkey of this site).
 * With every value, the allowlist ({@link MFA_FACTORS}) decides which factors are offered and
 * enrolled; a user left with none is refused (`mfa_not_allowed`).
 */
export const MFA_ENFORCE = ['never', 'if_required', 'always'] as const;
export type MfaEnforce = (typeof MFA_ENFORCE)[number];

/**
 * `mfa.factors`, the allowlist, in the order the admin screen lists them: `totp` (authenticator
 * app) and `sms` (text message) are WorkOS's factors, usable wherever a second factor is asked;
 * `webauthn` is a passkey of this site, usable only where this site asks (see {@link passkeyServes}).
 */
export const MFA_FACTORS = ['totp', 'sms', 'webauthn'] as const;
export type MfaFactor = (typeof MFA_FACTORS)[number];

/** The factors WorkOS holds: the ones it challenges, enrols, and completes its own MFA with. */
export const WORKOS_FACTORS = ['totp', 'sms'] as const satisfies readonly MfaFactor[];
export type WorkOSFactor = (typeof WORKOS_FACTORS)[number];

export interface MfaPolicy {
  enforce: MfaEnforce;
  factors: MfaFactor[];
}

/** A new profile's policy (PHP: the generated mirror of this value). */
export const MFA_DEFAULT: MfaPolicy = { enforce: 'if_required', factors: ['totp'] };

/** How WorkOS answered the first factor. */
export type WorkOSAnswer =
  /** WorkOS requires MFA and lists the user's factors. */
  | 'mfa_challenge'
  /** WorkOS requires MFA and the user has no factor yet. */
  | 'mfa_enrollment'
  /** WorkOS signed the user in with one factor. */
  | 'signed_in'
  /** WorkOS signed the user in after its own MFA (never asked twice). */
  | 'signed_in_after_mfa';

export interface MfaSituation<F extends { type: string }> {
  answer: WorkOSAnswer;
  /** The user's WorkOS factors: the ones WorkOS's `mfa_challenge` lists, else the user's own. */
  enrolled: readonly F[];
  /** WordPress asks for a second factor for the user's role (step-up), whatever the profile says. */
  stepUp: boolean;
}

export type MfaDecision<F> =
  /** Sign-in proceeds. */
  | { kind: 'proceed' }
  /** Refused: `mfa_not_allowed`. */
  | { kind: 'refuse'; code: 'mfa_not_allowed' }
  /** Challenge one of these (one is challenged at once, several go to a picker). */
  | { kind: 'challenge'; factors: F[]; passkey: boolean }
  /** The user enrols one of these types first (`types` may be empty when `passkey`). */
  | { kind: 'enroll'; types: WorkOSFactor[]; passkey: boolean };

/** Whether this site itself asks for a second factor after WorkOS's answer. */
export function siteAsks(policy: MfaPolicy, answer: WorkOSAnswer, stepUp: boolean): boolean {
  return answer === 'signed_in' && (policy.enforce === 'always' || stepUp);
}

/**
 * Whether a passkey of this site may serve as the second factor this site asks for: the profile
 * allows `webauthn`, or a step-up asks (its passkey rule is WordPress's, not the profile's).
 * Never under WorkOS's own MFA: only WorkOS's grant completes that.
 */
export function passkeyServes(policy: MfaPolicy, stepUp: boolean): boolean {
  return policy.factors.includes('webauthn') || stepUp;
}

const isWorkOSFactor = (type: string): type is WorkOSFactor => (WORKOS_FACTORS as readonly string[]).includes(type);

/**
 * What the login server does, for a profile's policy and WorkOS's answer: which factors it
 * offers (the user's, filtered by the allowlist, in WorkOS's order) or lets the user enrol (the
 * allowlist's WorkOS factors, in the profile's order), and whether it proceeds or refuses.
 */
export function mfaDecision<F extends { type: string }>(policy: MfaPolicy, situation: MfaSituation<F>): MfaDecision<F> {
  const { answer, enrolled, stepUp } = situation;
  const asks = siteAsks(policy, answer, stepUp);
  if (!asks && answer !== 'mfa_challenge' && answer !== 'mfa_enrollment') return { kind: 'proceed' };
  const passkey = asks && passkeyServes(policy, stepUp);
  const allowed = enrolled.filter((f) => (policy.factors as readonly string[]).includes(f.type));
  if (answer !== 'mfa_enrollment' && allowed.length > 0) return { kind: 'challenge', factors: allowed, passkey };
  const types = answer === 'mfa_challenge' ? [] : policy.factors.filter(isWorkOSFactor);
  if (types.length === 0 && !passkey) return { kind: 'refuse', code: 'mfa_not_allowed' };
  return { kind: 'enroll', types, passkey };
}

const ANSWERS: readonly WorkOSAnswer[] = ['mfa_challenge', 'mfa_enrollment', 'signed_in', 'signed_in_after_mfa'];
const ENROLLED_SETS = [[], ['totp'], ['sms'], ['totp', 'sms']].map((types) => types.map((type) => ({ type })));

/**
 * Whether allowing `factor` can change anything under `enforce` (the admin screen greys out the
 * ones that cannot): found by asking {@link mfaDecision} every situation with and without it.
 */
export function factorMatters(enforce: MfaEnforce, factor: MfaFactor): boolean {
  const others = MFA_FACTORS.filter((f) => f !== factor);
  const subsets = others.reduce<MfaFactor[][]>((all, f) => [...all, ...all.map((s) => [...s, f])], [[]]);
  return subsets.some((rest) =>
    ANSWERS.some((answer) =>
      ENROLLED_SETS.some((enrolled) =>
        [false, true].some((stepUp) => {
          const situation = { answer, enrolled, stepUp };
          const without = mfaDecision({ enforce, factors: rest }, situation);
          const withIt = mfaDecision({ enforce, factors: [...rest, factor] }, situation);
          return JSON.stringify(without) !== JSON.stringify(withIt);
        }),
      ),
    ),
  );
}
