import { css, html, type TemplateResult } from 'lit';
import { LIMITS } from '../../protocol/messages.ts';
import { SIGN_UP_STRINGS } from '../../protocol/strings/sign-up.ts';
import { validateEmail, validatePassword, type FieldError } from '../validate.ts';
import { fmt } from '../strings.ts';
import { codeForm, sendCode } from './code.ts';
import { back, emailField, field, link, str, submit, text, value } from './fields.ts';
import { NEW_PASSWORD_STRINGS, newPasswordField, newPasswordStyles } from './new-password.ts';
import type { Host, Views } from './view.ts';

/**
 * Sign-up (loaded on demand): name, email and a new password. WorkOS's policy problems show
 * under the password; the next step is `email_verify` (here too), the same whether or not the
 * email was new.
 */

export const strings = { ...NEW_PASSWORD_STRINGS, ...SIGN_UP_STRINGS };

export const styles = [
  newPasswordStyles,
  css`
    .row {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
      gap: 1rem;
    }
  `,
];

/** Checks a first or last name (trimmed by the caller). */
export function validateName(name: string, missing: FieldError): FieldError | undefined {
  if (name === '') return missing;
  return name.length > LIMITS.nameMax ? 'name_too_long' : undefined;
}

/** First and last name, side by side where there is room. */
export const nameFields = (h: Host): TemplateResult =>
  html`<div class="row">
    ${field(h, { name: 'first_name', label: h.s.first_name_label, autocomplete: 'given-name' })}
    ${field(h, { name: 'last_name', label: h.s.last_name_label, autocomplete: 'family-name' })}
  </div>`;

/** Validates and sends the sign-up form; `email` comes from the invitation when there is one. */
export function sendSignup(h: Host, form: HTMLFormElement): void {
  const first_name = value(form, 'first_name');
  const last_name = value(form, 'last_name');
  const email = h.invitation?.email ?? value(form, 'email');
  const password = value(form, 'password', false);
  const errors = {
    first_name: validateName(first_name, 'first_name_required'),
    last_name: validateName(last_name, 'last_name_required'),
    email: validateEmail(email),
    password: validatePassword(password),
  };
  if (Object.values(errors).some(Boolean)) return h.invalid(errors);
  const flow = h.invitation ? { flow: h.invitation.flow } : {};
  h.send('signup', { first_name, last_name, email, password, ...flow });
}

export const views: Views = {
  signup: {
    heading: (h) => h.s.signup_heading,
    render: (h) => html`
      ${nameFields(h)} ${emailField(h, { autocomplete: 'email' })} ${newPasswordField(h, h.s.password_label)}
      ${submit(h, 'signup', h.s.signup_submit)}
      <p class="links">${link(h.s.have_account, () => h.show('start'), h.busy)}</p>
    `,
    submit: sendSignup,
  },

  /* Sign-up's second step, also met when a password sign-in finds the email unverified. */
  email_verify: {
    heading: (h) => h.s.email_verify_heading,
    render: (h) => html`
      ${text(fmt(h.s.email_verify_text, { email: str(h.data.email) }))} ${codeForm(h, 'email_verify')} ${back(h)}
    `,
    submit: (h, form) => sendCode(h, form, 'email_verify'),
  },
};
