import { html, nothing } from 'lit';
import { RESET_STRINGS } from '../../protocol/strings/reset.ts';
import { fmt } from '../strings.ts';
import { validateEmail, validatePassword } from '../validate.ts';
import { back, emailField, link, str, submit, text, value } from './fields.ts';
import { NEW_PASSWORD_STRINGS, newPasswordField, newPasswordStyles } from './new-password.ts';
import type { Views } from './view.ts';

export const strings = { ...NEW_PASSWORD_STRINGS, ...RESET_STRINGS };
export const styles = newPasswordStyles;

/**
 * Password reset (loaded on demand): ask for the link, say it is on its way (the same words for
 * every email), then — opened from the link, with `reset-token` — choose the new password.
 */
export const views: Views = {
  reset_request: {
    heading: (h) => h.s.reset_heading,
    render: (h) => html`
      ${text(h.s.reset_text)} ${emailField(h)} ${submit(h, 'reset_request', h.s.reset_submit)}
      ${back(h, h.s.back_to_sign_in)}
    `,
    submit(h, form) {
      const email = value(form, 'email');
      const error = validateEmail(email);
      if (error) return h.invalid({ email: error });
      h.send('reset_request', { email });
    },
  },

  reset_sent: {
    heading: (h) => h.s.reset_sent_heading,
    render: (h) =>
      html`${text(fmt(h.s.reset_sent_text, { email: str(h.data.email) }))} ${back(h, h.s.back_to_sign_in)}`,
  },

  reset_confirm: {
    heading: (h) => h.s.reset_confirm_heading,
    render: (h) => html`
      ${newPasswordField(h)} ${submit(h, 'reset_confirm', h.s.reset_confirm_submit)}
      <p class="links">
        ${h.passwordReset ? link(h.s.reset_request_again, () => h.show('reset_request'), h.busy) : nothing}
        ${link(h.s.back_to_sign_in, () => h.show('start'), h.busy)}
      </p>
    `,
    submit(h, form) {
      const password = value(form, 'password', false);
      const error = validatePassword(password);
      if (error) return h.invalid({ password: error });
      h.send('reset_confirm', { token: h.resetToken, password });
    },
  },
};
