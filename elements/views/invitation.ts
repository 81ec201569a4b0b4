import { html, nothing } from 'lit';
import { fmt } from '../strings.ts';
import { emailField, link, submit, text } from './fields.ts';
import { newPasswordField } from './new-password.ts';
import { nameFields, sendSignup } from './signup.ts';
import type { Views } from './view.ts';

export { strings, styles } from './signup.ts';

/**
 * An invitation link was opened (loaded on demand): the invited email, fixed, and the ways to
 * accept — creating the account here where the profile allows sign-up, or any other method
 * (the first screen, with the email fixed and the invitation riding along).
 */
export const views: Views = {
  invitation: {
    heading: (h) => h.s.invitation_heading,
    render(h) {
      const { s, invitation } = h;
      const organization = invitation?.organization;
      return html`
        ${text(organization ? fmt(s.invitation_text, { organization }) : s.invitation_text_site)}
        ${emailField(h, { autocomplete: 'email', value: invitation?.email ?? '', readonly: true })}
        ${
          h.signup
            ? html`${nameFields(h)} ${newPasswordField(h, h.s.password_label)}
              ${submit(h, 'signup', s.invitation_submit)}`
            : nothing
        }
        <p class="links">${link(s.have_account, () => h.show('start'), h.busy)}</p>
      `;
    },
    submit: (h, form) => (h.signup ? sendSignup(h, form) : h.show('start')),
  },
};
