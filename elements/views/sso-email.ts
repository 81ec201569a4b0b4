import { html } from 'lit';
import { validateEmail } from '../validate.ts';
import { back, emailField, submit, text, value } from './fields.ts';
import type { View } from './view.ts';

/** "Continue with SSO" on a profile without a pinned organization: the email's domain finds it. */
export const ssoEmail: View = {
  heading: (h) => h.s.sso_heading,
  render: (h) => html`
    ${text(h.s.sso_text)} ${emailField(h, { label: h.s.sso_email_label, autocomplete: 'email' })}
    ${submit(h, 'authorize', h.s.continue)} ${back(h, h.s.back_to_sign_in)}
  `,
  submit(h, form) {
    const email = value(form, 'email');
    const error = validateEmail(email);
    if (error) return h.invalid({ email: error });
    h.send('authorize', { kind: 'sso', email });
  },
};
