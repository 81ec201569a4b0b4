/**
 * The profile editor's MFA field, derived from protocol/mfa-policy.ts: the `mfa.enforce` options,
 * the help for the chosen one, and one checkbox per factor, greyed out (with the reason) exactly
 * where allowing it cannot change what the login server does under that value.
 */
import { factorMatters, MFA_ENFORCE, MFA_FACTORS, type MfaEnforce, type MfaFactor } from '../../protocol/mfa-policy.ts';
import { enforceLabel, factorLabel, unusedFactorHelp } from './labels.ts';

export { enforceHelp } from './labels.ts';

export function enforceOptions(): Array<{ value: MfaEnforce; label: string }> {
  return MFA_ENFORCE.map((value) => ({ value, label: enforceLabel(value) }));
}

export interface FactorRow {
  factor: MfaFactor;
  label: string;
  disabled: boolean;
  /** Why it is greyed out. */
  help?: string;
}

export function factorRows(enforce: MfaEnforce): FactorRow[] {
  return MFA_FACTORS.map((factor) =>
    factorMatters(enforce, factor)
      ? { factor, label: factorLabel(factor), disabled: false }
      : { factor, label: factorLabel(factor), disabled: true, help: unusedFactorHelp() },
  );
}
