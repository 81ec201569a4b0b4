import { describe, expect, it } from 'vitest';
import { MFA_ENFORCE, MFA_FACTORS } from '../../protocol/mfa-policy.ts';
import { enforceHelp, enforceOptions, factorRows } from './mfa-field.ts';

describe('the MFA field', () => {
  it('offers every enforce value of the policy, each with its own label and help', () => {
    const options = enforceOptions();
    expect(options.map((o) => o.value)).toEqual([...MFA_ENFORCE]);
    expect(new Set(options.map((o) => o.label)).size).toBe(MFA_ENFORCE.length);
    expect(new Set(MFA_ENFORCE.map(enforceHelp)).size).toBe(MFA_ENFORCE.length);
    // `never` cannot switch WorkOS's requirement off, and says so.
    expect(options.find((o) => o.value === 'never')!.label).toContain('WorkOS');
  });

  it('keeps WorkOS’s factors editable under `never` (the server still applies them)', () => {
    for (const enforce of MFA_ENFORCE) {
      const rows = factorRows(enforce);
      expect(rows.map((r) => r.factor)).toEqual([...MFA_FACTORS]);
      for (const row of rows.filter((r) => r.factor !== 'webauthn')) expect(row).toMatchObject({ disabled: false });
    }
  });

  it('greys out a passkey except under `always`, saying why', () => {
    const webauthn = (enforce: (typeof MFA_ENFORCE)[number]) =>
      factorRows(enforce).find((r) => r.factor === 'webauthn')!;
    expect(webauthn('never')).toMatchObject({ disabled: true, help: expect.stringContaining('Always') });
    expect(webauthn('if_required')).toMatchObject({ disabled: true, help: expect.stringContaining('Always') });
    expect(webauthn('always')).toEqual({ factor: 'webauthn', label: expect.any(String), disabled: false });
  });
});
