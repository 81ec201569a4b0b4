import { html, nothing, type TemplateResult } from 'lit';
import type { OAuthProvider } from '../../protocol/messages.ts';
import { validateCredentials, validateEmail } from '../validate.ts';
import { emailField, field, link, submit, value } from './fields.ts';
import { mark } from './icons.ts';
import type { Host, View } from './view.ts';

/**
 * The first screen: the profile's methods in its order. Password and magic code share one email
 * field (wherever the first of them sits); social and SSO are buttons; "or" separates the groups.
 * In hosted AuthKit mode it is one "Continue" button.
 */

const withInvitation = (h: Host) => (h.invitation ? { flow: h.invitation.flow } : {});

function signIn(h: Host, form: HTMLFormElement): void {
  const email = value(form, 'email');
  const password = value(form, 'password', false);
  const errors = validateCredentials(email, password);
  if (errors.email || errors.password) return h.invalid(errors);
  h.send('password', { email, password, ...withInvitation(h) });
}

function sendCode(h: Host, form: HTMLFormElement): void {
  const email = value(form, 'email');
  const error = validateEmail(email);
  if (error) return h.invalid({ email: error });
  h.send('magic_code_send', { email, ...withInvitation(h) });
}

const provider = (h: Host, name: OAuthProvider): TemplateResult =>
  html`<button
    part="secondary provider"
    class="secondary"
    type="button"
    ?disabled=${h.blocked('authorize')}
    @click=${() => h.send('authorize', { kind: 'oauth', provider: name })}
  >
    ${mark(name)}<span>${h.s[`oauth_${name}`]}</span>
  </button>`;

const ssoButton = (h: Host): TemplateResult =>
  html`<button
    part="secondary"
    class="secondary"
    type="button"
    ?disabled=${h.blocked('authorize')}
    @click=${() => (h.sso === 'organization' ? h.send('authorize', { kind: 'sso_organization' }) : h.show('sso_email'))}
  >
    ${h.s.sso_continue}
  </button>`;

/* Usernameless: the browser offers the site's passkeys (the passkey module runs the ceremony). */
const passkeyButton = (h: Host): TemplateResult =>
  html`<button
    part="secondary passkey"
    class="secondary"
    type="button"
    ?disabled=${h.blocked('passkey_options')}
    @click=${() => h.passkey('sign_in')}
  >
    ${h.s.passkey_sign_in}
  </button>`;

function emailBlock(h: Host): TemplateResult {
  const { s } = h;
  const password = h.methods.includes('password');
  const magic = h.methods.includes('magic_code');
  const invited = h.invitation;
  return html`
    ${emailField(
      h,
      // `webauthn`: the browser also offers passkeys as the visitor focuses the field (autofill).
      invited
        ? { value: invited.email, readonly: true }
        : { autocomplete: h.methods.includes('passkey') ? 'username webauthn' : 'username' },
    )}
    ${
      password
        ? html`${field(h, { name: 'password', label: s.password_label, type: 'password', autocomplete: 'current-password' })}
          ${h.passwordReset && !invited ? html`<p class="links end">${link(s.forgot_password, () => h.show('reset_request'), h.busy)}</p>` : nothing}
          ${
            h.rememberMe === 'ask'
              ? html`<div part="remember" class="remember">
                  <input id="remember" name="remember" type="checkbox" /><label for="remember">${s.remember_me}</label>
                </div>`
              : nothing
          }
          ${submit(h, 'password', s.submit, s.submitting)}`
        : nothing
    }
    ${
      magic && password
        ? html`<button
            part="secondary"
            class="secondary"
            type="button"
            ?disabled=${h.blocked('magic_code_send')}
            aria-busy=${h.pending === 'magic_code_send' ? 'true' : 'false'}
            @click=${(e: Event) => sendCode(h, (e.currentTarget as HTMLButtonElement).form!)}
          >
            ${h.pending === 'magic_code_send' ? s.working : s.magic_code_send}
          </button>`
        : magic
          ? submit(h, 'magic_code_send', s.magic_code_send)
          : nothing
    }
  `;
}

export const start: View = {
  heading: (h) => h.heading,

  render(h) {
    const { s } = h;
    if (h.mode === 'authkit_redirect') return submit(h, 'authorize', s.continue);
    const groups: TemplateResult[] = [];
    let buttons: TemplateResult[] = [];
    const flush = () => {
      if (buttons.length) groups.push(html`<div class="stack">${buttons}</div>`);
      buttons = [];
    };
    let email = false;
    for (const method of h.methods) {
      if (method === 'password' || method === 'magic_code') {
        if (email) continue;
        email = true;
        flush();
        groups.push(emailBlock(h));
      } else if (method === 'sso') buttons.push(ssoButton(h));
      else if (method === 'passkey' && !h.invitation) buttons.push(passkeyButton(h));
      else if (method.startsWith('oauth_')) buttons.push(provider(h, method.slice(6) as OAuthProvider));
    }
    flush();
    const divider = html`<p part="divider" class="divider">${s.or}</p>`;
    const create = h.signup && (h.methods.includes('password') || h.invitation);
    return html`
      ${groups.map((group, i) => (i ? html`${divider}${group}` : group))}
      ${create ? html`<p class="links">${link(s.create_account, () => h.show(h.invitation ? 'invitation' : 'signup'), h.busy)}</p>` : nothing}
    `;
  },

  submit(h, form) {
    if (h.mode === 'authkit_redirect') h.send('authorize', { kind: 'authkit' });
    else if (h.methods.includes('password')) signIn(h, form);
    else if (h.methods.includes('magic_code')) sendCode(h, form);
  },
};
