import { css, html, nothing, type TemplateResult } from 'lit';
import type { MfaFactorSummary } from '../../protocol/messages.ts';
import { fmt } from '../strings.ts';
import { factors, totp } from './data.ts';
import { back, text, str } from './fields.ts';
import { codeForm, sendCode } from './code.ts';
import type { Host, Views } from './view.ts';

export { SECOND_STEP_STRINGS as strings } from '../../protocol/strings/second-step.ts';

/** The set-up of a new authenticator app: QR code, key, and the link for phones. */
export const styles = css`
  .setup {
    display: grid;
    justify-items: center;
    gap: 0.5rem;
  }

  .qr {
    padding: 0.5rem;
    background: #ffffff;
    border-radius: calc(var(--_radius) * 0.5);
  }

  .secret {
    font-size: 1rem;
    letter-spacing: 0.08em;
    overflow-wrap: anywhere;
    direction: ltr;
    unicode-bidi: isolate;
  }

  a.link {
    display: inline-flex;
    align-items: center;
  }
`;

/**
 * The second factor (loaded on demand): pick one of several factors (`mfa_challenge`), then enter
 * its code (`mfa_code`; while enrolling an authenticator app, after scanning its QR code).
 */

/** How a factor reads in a list of choices. */
function factorName(h: Host, factor: MfaFactorSummary): string {
  if (factor.type === 'sms') return factor.label ? fmt(h.s.factor_sms_to, { phone: factor.label }) : h.s.factor_sms;
  return factor.type === 'totp' ? h.s.factor_totp : h.s.factor_webauthn;
}

/** One button per factor, each asking WorkOS to challenge it. */
const factorChoices = (h: Host, list: MfaFactorSummary[], labelledBy: string): TemplateResult =>
  html`<div part="choices" class="stack" role="group" aria-labelledby=${labelledBy}>
    ${list.map(
      (factor) =>
        html`<button
          part="secondary"
          class="secondary"
          type="button"
          ?disabled=${h.blocked('mfa_challenge')}
          @click=${() => h.send('mfa_challenge', { factor_id: factor.id, flow: h.flow })}
        >
          ${factorName(h, factor)}
        </button>`,
    )}
  </div>`;

/**
 * A user with a passkey of this site (`data.passkey === 'use'`): "Use your passkey" comes first,
 * the codes below it. The passkey module loads when pressed.
 */
export const usePasskey = (h: Host): TemplateResult | typeof nothing =>
  h.data.passkey === 'use'
    ? html`<button
          part="button passkey"
          type="button"
          ?disabled=${h.blocked('passkey_options')}
          aria-busy=${h.pending?.startsWith('passkey') ? 'true' : 'false'}
          @click=${() => h.passkey('use')}
        >
          ${h.pending?.startsWith('passkey') ? h.s.working : h.s.passkey_use}
        </button>
        <p part="divider" class="divider">${h.s.or}</p>`
    : nothing;

export const views: Views = {
  mfa_code: {
    heading: (h) => (totp(h.data.totp) ? h.s.mfa_setup_heading : h.s.mfa_heading),
    render(h) {
      const { s } = h;
      const [factor] = factors([h.data.factor]);
      const setup = totp(h.data.totp);
      const phone = str(h.data.phone_hint);
      const others = factors(h.data.others);
      const intro = setup
        ? s.mfa_setup_text
        : factor?.type === 'sms'
          ? phone
            ? fmt(s.mfa_sms_text, { phone })
            : s.mfa_sms_text_any
          : s.mfa_totp_text;
      return html`
        ${usePasskey(h)} ${text(intro)}
        ${
          setup
            ? html`<div class="setup">
                ${setup.qr ? html`<img part="qr-code" class="qr" src=${setup.qr} alt=${s.mfa_qr_alt} width="180" height="180" />` : nothing}
                <p class="text">${s.mfa_secret_label} <code part="secret" class="secret">${setup.secret}</code></p>
                ${setup.uri ? html`<p class="links"><a part="link" class="link" href=${setup.uri}>${s.mfa_open_app}</a></p>` : nothing}
              </div>`
            : nothing
        }
        ${codeForm(h, 'mfa_verify')}
        ${
          others.length
            ? html`<p class="text" id="others">${s.mfa_other}</p>
                ${factorChoices(h, others, 'others')}`
            : nothing
        }
        ${back(h)}
      `;
    },
    submit: (h, form) => sendCode(h, form, 'mfa_verify'),
  },

  mfa_challenge: {
    heading: (h) => h.s.mfa_heading,
    render: (h) => html`
      ${usePasskey(h)}
      <p part="text" class="text" id="choose">${h.s.mfa_challenge_text}</p>
      ${factorChoices(h, factors(h.data.factors), 'choose')} ${back(h)}
    `,
  },
};
