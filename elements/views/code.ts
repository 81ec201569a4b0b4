import { html, type TemplateResult } from 'lit';
import type { BrowserRoute } from '../../protocol/messages.ts';
import { fmt } from '../strings.ts';
import { validateCode } from '../validate.ts';
import { codeField, link, str, submit, text, value } from './fields.ts';
import type { Host, View } from './view.ts';

/**
 * The step that asks for an emailed magic code (`code_sent`), and the code form every code step
 * shares: email verification (`signup.ts`) and the second factor (`mfa.ts`) load on demand.
 */

export function sendCode(
  h: Host,
  form: HTMLFormElement,
  route: 'magic_code_verify' | 'email_verify' | 'mfa_verify',
): void {
  const code = value(form, 'code').replace(/[\s-]/g, '');
  const error = validateCode(code);
  if (error) return h.invalid({ code: error });
  h.send(route, { code, flow: h.flow });
}

export const codeForm = (h: Host, route: BrowserRoute): TemplateResult =>
  html`${codeField(h)} ${submit(h, route, h.s.verify)}`;

export const codeSent: View = {
  heading: (h) => h.s.code_sent_heading,
  render(h) {
    const { s } = h;
    const email = str(h.data.email);
    return html`
      ${text(fmt(s.code_sent_text, { email }))} ${codeForm(h, 'magic_code_verify')}
      <p class="links">
        ${link(
          h.resendIn > 0 ? fmt(s.resend_in, { seconds: h.resendIn }) : s.resend_code,
          () =>
            h.send('magic_code_send', { email, ...(h.invitation ? { flow: h.invitation.flow } : {}) }, { quiet: true }),
          h.resendIn > 0 || h.blocked('magic_code_send'),
        )}
        ${link(s.use_another_email, () => h.show('start'), h.busy)}
      </p>
    `;
  },
  submit: (h, form) => sendCode(h, form, 'magic_code_verify'),
};
