import { css, html, nothing, type TemplateResult } from 'lit';
import { LIMITS } from '../../protocol/messages.ts';
import type { FieldError } from '../validate.ts';
import { back, field, submit, text, value } from './fields.ts';
import { usePasskey } from './mfa.ts';
import type { Host, Views } from './view.ts';

/**
 * The account needs a second factor and has none at WorkOS (loaded on demand): a passkey where the
 * site offers one (`data.passkey === 'register'`), an authenticator app (the next step shows its QR
 * code) or a text message to a phone number. A user who already has a passkey of this site
 * (`data.passkey === 'use'`) is offered it first.
 */

export { SECOND_STEP_STRINGS as strings } from '../../protocol/strings/second-step.ts';

/* Phone numbers read left to right on right-to-left pages too. */
export const styles = css`
  .hint {
    margin: 0;
    font-size: 0.875rem;
  }

  :host(:dir(rtl)) input[type='tel'] {
    direction: ltr;
    text-align: end;
  }
`;

const PHONE = new RegExp(LIMITS.phonePattern);

/** Spaces, dashes, dots and brackets people type in phone numbers; the rest must be E.164. */
export const tidyPhone = (phone: string): string => phone.replace(/[\s\-.()]/g, '');

/** Checks a phone number as typed. */
export function validatePhone(phone: string): FieldError | undefined {
  const tidy = tidyPhone(phone);
  if (tidy === '') return 'phone_required';
  return PHONE.test(tidy) ? undefined : 'phone_invalid';
}

const types = (h: Host): Array<'totp' | 'sms'> =>
  Array.isArray(h.data.types) ? h.data.types.filter((t): t is 'totp' | 'sms' => t === 'totp' || t === 'sms') : [];

const registers = (h: Host): boolean => h.data.passkey === 'register';

/* "Create a passkey": the strongest choice, first; the primary button when it is the only one. */
const createPasskey = (h: Host): TemplateResult => {
  const alone = !types(h).length;
  const busy = !!h.pending?.startsWith('passkey');
  return html`<button
    part=${alone ? 'button passkey' : 'secondary passkey'}
    class=${alone ? nothing : 'secondary'}
    type=${alone ? 'submit' : 'button'}
    ?disabled=${h.blocked('passkey_register_options')}
    aria-busy=${busy ? 'true' : 'false'}
    @click=${alone ? nothing : () => h.passkey('register')}
  >
    ${busy ? h.s.working : h.s.mfa_enroll_passkey}
  </button>`;
};

export const views: Views = {
  mfa_enroll: {
    heading: (h) => h.s.mfa_enroll_heading,
    render(h) {
      const { s } = h;
      const allowed = types(h);
      const sms = allowed.includes('sms');
      return html`
        ${usePasskey(h)} ${text(registers(h) && !allowed.length ? s.mfa_enroll_passkey_text : s.mfa_enroll_text)}
        ${registers(h) ? createPasskey(h) : nothing}
        ${allowed.map((type) =>
          type === 'totp'
            ? html`<button
                part=${sms ? 'secondary' : 'button'}
                class=${sms ? 'secondary' : nothing}
                type=${sms ? 'button' : 'submit'}
                ?disabled=${h.blocked('mfa_enroll')}
                @click=${sms ? () => h.send('mfa_enroll', { type: 'totp', flow: h.flow }) : nothing}
              >
                ${s.mfa_enroll_totp}
              </button>`
            : html`${field(h, {
                name: 'phone',
                label: s.phone_label,
                type: 'tel',
                autocomplete: 'tel',
                inputmode: 'tel',
                hint: s.phone_hint,
              })}
              ${submit(h, 'mfa_enroll', s.mfa_enroll_sms)}`,
        )}
        ${back(h)}
      `;
    },
    submit(h, form) {
      if (!types(h).length && registers(h)) return h.passkey('register');
      if (!types(h).includes('sms')) return h.send('mfa_enroll', { type: 'totp', flow: h.flow });
      const phone = value(form, 'phone');
      const error = validatePhone(phone);
      if (error) return h.invalid({ phone: error });
      h.send('mfa_enroll', { type: 'sms', phone_number: tidyPhone(phone), flow: h.flow });
    },
  },
};
