import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { METHODS, type Method } from '../protocol/messages.ts';
import { normaliseResponse } from './api.ts';
import { Conversation } from './conversation.ts';
import { fmt, type I18nInput } from './strings.ts';
import type { Host } from './views/view.ts';
import { viewStyles } from './views/views.styles.ts';
import { styles } from './workos-login.styles.ts';

const noop = () => {};

/** English default of `preview-note`; editors pass their own translation. */
export const DEFAULT_PREVIEW_NOTE = 'Preview: sign-in is disabled in the editor.';

/**
 * The whole sign-in UI. It talks only to WordPress (`POST {api-root}auth/<route>`), which runs the
 * conversation with WorkOS through the login server. Rarely needed views (sign-up, invitations,
 * password reset, MFA enrolment) load on demand from chunks beside the entry file.
 *
 * Passkeys (where the profile lists `passkey` and the browser has WebAuthn): a "Sign in with a
 * passkey" button, and autofill on the email field (`autocomplete="username webauthn"`), started
 * after the first render from the passkey chunk and cancelled when another method is submitted;
 * "Use your passkey" / "Create a passkey" on second-factor steps; "Sign in faster next time?"
 * after a sign-in by another method when WordPress offers it.
 *
 * @summary Sign in to WordPress with WorkOS: password, email code, social, SSO, passkeys, and every step after.
 *
 * @attr {string} nonce - WordPress nonce (action `workos_login`), sent as `X-WorkOS-Nonce`. Read through the
 *   native `nonce` property: browsers blank the attribute on pages served with a CSP header.
 *
 * @fires {WorkosSignedInEvent} workos-signed-in - Signed in; `detail.redirectTo` is where the
 *   element goes next. Cancelable: `preventDefault()` keeps the page.
 * @fires {WorkosErrorEvent} workos-error - A failed attempt; `detail` holds `code` and the
 *   `message` shown (`passkey_cancelled`, `passkey_not_allowed`, … when the browser's passkey dialog failed).
 * @fires {WorkosStepEvent} workos-step - WordPress asked for a further step (or the element resumed
 *   at one); `detail.step` names it (`code_sent`, `mfa_challenge`, …), already showing.
 *
 * @slot logo - A logo above the heading (an `<img>` or inline `<svg>`); nothing shows when empty.
 *
 * @csspart form - The card: the `<form>` holding everything.
 * @csspart logo - The box around the `logo` slot.
 * @csspart heading - The heading of the current view (focused when the view changes).
 * @csspart subheading - The line under the first screen's heading.
 * @csspart text - A paragraph explaining the current step.
 * @csspart field - A label, its input and its error.
 * @csspart label - A field's `<label>`.
 * @csspart input - A field's `<input>`.
 * @csspart hint - A line of help under a field's label.
 * @csspart field-error - The message (or list of password problems) under an invalid field.
 * @csspart error - The live region showing the server's error.
 * @csspart countdown - "Try again in 12 s" while a rate limit runs.
 * @csspart remember - The "Remember me" checkbox and its label (profiles that ask).
 * @csspart button - A primary (submit) button.
 * @csspart secondary - A secondary button: "Email me a code", providers, SSO, factor and organization choices.
 * @csspart provider - A social sign-in button (also `secondary`).
 * @csspart passkey - "Sign in with a passkey" (also `secondary`), "Use your passkey" and "Create a passkey" (also `button` or `secondary`).
 * @csspart divider - The "or" between groups of methods.
 * @csspart choices - A list of factor or organization buttons.
 * @csspart link - A link-styled button: "Forgot password?", "Resend code", "Start again"…
 * @csspart qr-code - The QR code of a new authenticator app factor.
 * @csspart secret - The same factor's key, for manual entry.
 * @csspart status - The polite live region: "signed in", a notice, or the note of a preview.
 *
 * @cssprop [--workos-login-primary=#4338ca] - Button background and focus ring.
 * @cssprop [--workos-login-primary-text=#ffffff] - Button text.
 * @cssprop [--workos-login-background=#ffffff] - Card background.
 * @cssprop [--workos-login-text=#1f2328] - Text colour.
 * @cssprop [--workos-login-border=#6b7079] - Input and secondary button borders.
 * @cssprop [--workos-login-error=#b42318] - Error text and invalid borders.
 * @cssprop [--workos-login-focus=var(--workos-login-primary)] - Focus ring.
 * @cssprop [--workos-login-input-background=transparent] - Input background.
 * @cssprop [--workos-login-radius=0.5rem] - Corner radius of the card; inputs use 3/4 of it.
 * @cssprop [--workos-login-font=system-ui] - Font family.
 * @cssprop [--workos-login-max-width=24rem] - Width of the card.
 * @cssprop [--workos-login-logo-height=3rem] - Largest height of the slotted logo.
 */
export class WorkosLogin extends LitElement {
  static override styles = [styles, viewStyles];

  /* Declared here, not with decorators: the decorators' runtime costs the initial bundle ~0.5 KB. */
  static override properties = {
    hasLogo: { state: true },
    profile: {},
    apiRoot: { attribute: 'api-root' },
    redirectTo: { attribute: 'redirect-to' },
    i18n: {},
    heading: {},
    subheading: {},
    preview: { type: Boolean, reflect: true },
    previewNote: { attribute: 'preview-note' },
    email: {},
    rememberMe: { attribute: 'remember-me' },
    remember: { type: Boolean },
    methods: {},
    signup: { type: Boolean },
    passwordReset: { type: Boolean, attribute: 'password-reset' },
    mode: {},
    sso: {},
    invitationToken: { attribute: 'invitation-token' },
    resetToken: { attribute: 'reset-token' },
    resume: {},
  };

  private talk = new Conversation(this);
  private methodList: Method[] = ['password'];
  private hasLogo = false;

  /** Login Profile slug. */
  profile = 'default';
  /** REST root of the plugin, ending in `/`. */
  apiRoot = '/wp-json/workos/v1/';
  /** Where to go after signing in; WordPress validates it. */
  redirectTo = '';
  /** Translated strings: JSON (attribute) or an object (property), keyed like `DEFAULT_STRINGS`. */
  i18n: I18nInput = '';
  /** Heading of the first screen; defaults to the `heading` string. */
  heading = '';
  /** A line under the first screen's heading; nothing shows when empty. */
  subheading = '';
  /**
   * A live, non-submitting preview (block editor, admin): the form validates as usual but sends
   * nothing and announces `preview-note` instead.
   */
  preview = false;
  /** What a submitted preview says; WordPress passes a translation. */
  previewNote: string = DEFAULT_PREVIEW_NOTE;
  /**
   * Prefills the email field. It does not follow typing: writing the value back on each keystroke
   * would fight the browser's email sanitising (leading spaces) and move the caret.
   */
  email = '';
  /**
   * The profile's remember-me policy: `ask` shows a "Remember me" checkbox; `always` and `never`
   * show nothing (WordPress enforces them whatever the browser sends).
   */
  rememberMe: 'ask' | 'always' | 'never' = 'never';
  /**
   * The visitor already chose "Remember me" (WordPress sets it when the page resumes a sign-in
   * after WorkOS's redirect, `resume`); sent with the following steps where the profile asks.
   */
  remember = false;
  /** The profile's first-factor methods, comma-separated, in the order to show them. */
  methods = 'password';
  /** Offer "Create an account" (the profile allows sign-up). */
  signup = false;
  /** Offer "Forgot password?" (the profile allows password resets). */
  passwordReset = false;
  /** `custom`: this element's own screens; `authkit_redirect`: one "Continue" to WorkOS's hosted sign-in. */
  mode: 'custom' | 'authkit_redirect' = 'custom';
  /** "Continue with SSO" asks for a work `email`, or goes straight to the profile's `organization`. */
  sso: 'email' | 'organization' = 'email';
  /** From an invitation link (`?invitation_token=`): read on load, then offered to accept. */
  invitationToken = '';
  /** From a password reset link (`?reset_token=`): opens the new-password form. */
  resetToken = '';
  /** A step to start at (JSON of a step answer), as WordPress renders the page after a callback. */
  resume = '';

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pageshow', this.handlePageShow);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pageshow', this.handlePageShow);
    this.talk.passkey?.cancel();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const talk = this.talk;
    if (changed.has('i18n')) talk.translate();
    if (changed.has('methods')) {
      // Known methods this element shows, in the profile's order (passkeys where the browser has WebAuthn).
      const listed = this.methods.split(',').map((m) => m.trim());
      const shown = METHODS.filter((m) => listed.includes(m) && (m !== 'passkey' || !!window.PublicKeyCredential));
      this.methodList = shown.length ? shown.sort((a, b) => listed.indexOf(a) - listed.indexOf(b)) : ['password'];
    }
    // What the page asks for on arrival (here, not in updated(): these change state).
    if (this.preview) return;
    if (changed.has('resume') && this.resume) {
      const response = normaliseResponse(200, this.resume);
      if (response.type === 'step') void talk.showStep(response, { focus: false });
    } else if (changed.has('resetToken') && this.resetToken) {
      void talk.show('reset_confirm', { focus: false });
    } else if (changed.has('invitationToken') && this.invitationToken) {
      talk.send('invitation', { invitation_token: this.invitationToken }, { focus: false });
    }
  }

  /* Passkey profiles: the passkey module loads after the first render and offers autofill whenever the first screen is idle. */
  protected override updated(): void {
    if (this.methodList.includes('passkey') && !this.preview) this.talk.passkeys().then((p) => p.autofill(), noop);
  }

  /* Back from the next page out of the back/forward cache: unlock, and forget the password. */
  private handlePageShow = (event: PageTransitionEvent): void => {
    if (!event.persisted || !this.talk.leaving) return;
    this.talk.set({ leaving: '' });
    const password = this.shadowRoot?.querySelector<HTMLInputElement>('#password');
    if (password) password.value = '';
  };

  private handleLogoChange(event: Event): void {
    this.hasLogo = (event.target as HTMLSlotElement).assignedElements().length > 0;
  }

  private handleInput(event: Event): void {
    const { name } = event.target as HTMLInputElement;
    const { fieldErrors, problems } = this.talk;
    this.talk.set({
      previewSubmitted: false,
      fieldErrors: fieldErrors[name] ? { ...fieldErrors, [name]: undefined } : fieldErrors,
      problems: name === 'password' ? [] : problems,
    });
  }

  private handleSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const { busy, views, view } = this.talk;
    if (!busy) views[view]?.submit?.(this.host(), event.target as HTMLFormElement);
  }

  /** What the current view sees and may do. */
  private host(): Host {
    const talk = this.talk;
    return {
      s: talk.strings,
      data: talk.data,
      flow: talk.flow,
      busy: talk.busy,
      pending: talk.pending,
      errors: talk.fieldErrors,
      problems: talk.problems,
      methods: this.methodList,
      signup: this.signup,
      passwordReset: this.passwordReset,
      mode: this.mode,
      sso: this.sso,
      rememberMe: this.rememberMe,
      heading: this.heading || talk.strings.heading,
      email: talk.lastEmail || this.email,
      invitation: talk.invitation,
      resetToken: this.resetToken,
      resendIn: talk.resend.remaining,
      blocked: (route) => talk.blocked(route),
      send: (route, payload, options) => talk.send(route, payload, options),
      show: (view) => void talk.show(view),
      passkey: (action) =>
        void talk.passkeys().then(
          (p) => p.run(action),
          () => talk.offline(),
        ),
      invalid: (errors) => void talk.invalid(errors),
    };
  }

  override render() {
    const talk = this.talk;
    const host = this.host();
    const view = talk.views[talk.view] ?? talk.views.start!;
    const first = talk.view === 'start' && !!this.subheading;
    const status = talk.leaving || (talk.previewSubmitted ? this.previewNote || DEFAULT_PREVIEW_NOTE : talk.notice);
    const retryIn = talk.retry.remaining;
    const countdown = retryIn > 0 ? fmt(talk.strings.retry_in, { seconds: retryIn }) : '';
    return html`
      <form
        part="form"
        novalidate
        aria-labelledby="heading"
        aria-describedby=${first ? 'subheading' : nothing}
        @submit=${this.handleSubmit}
        @input=${this.handleInput}
      >
        <div part="logo" class=${this.hasLogo ? 'logo' : 'logo empty'}>
          <slot name="logo" @slotchange=${this.handleLogoChange}></slot>
        </div>
        <h2 id="heading" part="heading" tabindex="-1">${view.heading(host)}</h2>
        ${first ? html`<p id="subheading" part="subheading" class="subheading">${this.subheading}</p>` : nothing}
        <div part="error" class=${talk.shownError ? 'alert shown' : 'alert'} role="alert">
          ${talk.shownError?.message}
        </div>
        ${countdown ? html`<p part="countdown" class="countdown" role="timer">${countdown}</p>` : nothing}
        <p part="status" class=${status ? 'status shown' : 'status'} role="status">${status}</p>
        ${view.render(host)}
      </form>
    `;
  }
}

customElements.define('workos-login', WorkosLogin);

declare global {
  interface HTMLElementTagNameMap {
    'workos-login': WorkosLogin;
  }
}
