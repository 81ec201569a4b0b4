import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import type { PasswordRequest } from '../protocol/messages.ts';
import type { Strings } from '../protocol/strings.ts';
import { postPassword, type ClientErrorCode, type ClientResponse } from './api.ts';
import { WorkosErrorEvent, WorkosSignedInEvent } from './events.ts';
import { navigation } from './navigation.ts';
import { parseStrings, type I18nInput } from './strings.ts';
import { validateCredentials, type CredentialErrors } from './validate.ts';
import { styles } from './workos-login.styles.ts';

/** English default of `preview-note`; editors pass their own translation. */
export const DEFAULT_PREVIEW_NOTE = 'Preview: sign-in is disabled in the editor.';

interface ShownError {
  code: ClientErrorCode;
  message: string;
}

/**
 * The whole sign-in UI. It talks only to WordPress (`POST {api-root}auth/<step>`), which runs the
 * conversation with WorkOS through the login server.
 *
 * @summary Sign in to WordPress with WorkOS: email and password.
 *
 * @attr {string} nonce - WordPress nonce (action `workos_login`), sent as `X-WorkOS-Nonce`. Read through the
 *   native `nonce` property: browsers blank the attribute on pages served with a CSP header.
 *
 * @fires {WorkosSignedInEvent} workos-signed-in - Signed in; `detail.redirectTo` is where the
 *   element goes next. Cancelable: `preventDefault()` keeps the page.
 * @fires {WorkosErrorEvent} workos-error - A failed attempt; `detail` holds `code` and the
 *   `message` shown.
 *
 * @slot logo - A logo above the heading (an `<img>` or inline `<svg>`); nothing shows when empty.
 *
 * @csspart form - The card: the `<form>` holding everything.
 * @csspart logo - The box around the `logo` slot.
 * @csspart heading - The heading.
 * @csspart subheading - The line under the heading.
 * @csspart field - A label, its input and its error.
 * @csspart label - A field's `<label>`.
 * @csspart input - A field's `<input>`.
 * @csspart field-error - The message under an invalid field.
 * @csspart error - The live region showing the server's error.
 * @csspart remember - The "Remember me" checkbox and its label (profiles that ask).
 * @csspart button - The submit button.
 * @csspart status - The polite live region: "signed in", or the note of a preview.
 *
 * @cssprop [--workos-login-primary=#4338ca] - Button background and focus ring.
 * @cssprop [--workos-login-primary-text=#ffffff] - Button text.
 * @cssprop [--workos-login-background=#ffffff] - Card background.
 * @cssprop [--workos-login-text=#1f2328] - Text colour.
 * @cssprop [--workos-login-border=#6b7079] - Input borders.
 * @cssprop [--workos-login-error=#b42318] - Error text and invalid borders.
 * @cssprop [--workos-login-focus=var(--workos-login-primary)] - Focus ring.
 * @cssprop [--workos-login-input-background=transparent] - Input background.
 * @cssprop [--workos-login-radius=0.5rem] - Corner radius of the card; inputs use 3/4 of it.
 * @cssprop [--workos-login-font=system-ui] - Font family.
 * @cssprop [--workos-login-max-width=24rem] - Width of the card.
 * @cssprop [--workos-login-logo-height=3rem] - Largest height of the slotted logo.
 */
@customElement('workos-login')
export class WorkosLogin extends LitElement {
  static override styles = styles;

  private strings: Strings = parseStrings(null);

  private submitTask = new Task<[PasswordRequest], ClientResponse>(this, {
    task: ([request], { signal }) => postPassword(request, { apiRoot: this.apiRoot, nonce: this.nonce ?? '', signal }),
    autoRun: false,
    onComplete: (response) => void this.handleResponse(response),
    onError: () => void this.handleResponse({ type: 'error', code: 'internal_error', message: '' }),
  });

  @query('#email') private emailInput!: HTMLInputElement;
  @query('#password') private passwordInput!: HTMLInputElement;
  @query('#remember') private rememberInput?: HTMLInputElement;
  @query('button') private button!: HTMLButtonElement;

  @state() private fieldErrors: CredentialErrors = {};
  @state() private shownError: ShownError | null = null;
  /** Set once signed in and leaving: keeps the form locked until the page unloads. */
  @state() private leaving = false;
  /** A preview was submitted with valid fields: the note is showing. */
  @state() private previewSubmitted = false;
  @state() private hasLogo = false;

  /** Login Profile slug. */
  @property() profile = 'default';
  /** REST root of the plugin, ending in `/`. */
  @property({ attribute: 'api-root' }) apiRoot = '/wp-json/workos/v1/';
  /** Where to go after signing in; WordPress validates it. */
  @property({ attribute: 'redirect-to' }) redirectTo = '';
  /** Translated strings: JSON (attribute) or an object (property), keyed like `DEFAULT_STRINGS`. */
  @property() i18n: I18nInput = '';
  /** Heading text; defaults to the `heading` string. */
  @property() heading = '';
  /** A line under the heading; nothing shows when empty. */
  @property() subheading = '';
  /**
   * A live, non-submitting preview (block editor, admin): the form validates as usual but sends
   * nothing and announces `preview-note` instead.
   */
  @property({ type: Boolean, reflect: true }) preview = false;
  /** What a submitted preview says; WordPress passes a translation. */
  @property({ attribute: 'preview-note' }) previewNote = DEFAULT_PREVIEW_NOTE;
  /**
   * Prefills the email field. It does not follow typing: writing the value back on each keystroke
   * would fight the browser's email sanitising (leading spaces) and move the caret.
   */
  @property() email = '';
  /**
   * The profile's remember-me policy: `ask` shows a "Remember me" checkbox; `always` and `never`
   * show nothing (WordPress enforces them whatever the browser sends).
   */
  @property({ attribute: 'remember-me' }) rememberMe: 'ask' | 'always' | 'never' = 'never';

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pageshow', this.handlePageShow);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pageshow', this.handlePageShow);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('i18n')) this.strings = parseStrings(this.i18n);
  }

  private get busy(): boolean {
    return this.leaving || this.submitTask.status === TaskStatus.PENDING;
  }

  /* Back from the next page out of the back/forward cache: unlock, and forget the password. */
  private handlePageShow = (event: PageTransitionEvent): void => {
    if (!event.persisted || !this.leaving) return;
    this.leaving = false;
    if (this.passwordInput) this.passwordInput.value = '';
  };

  private handleLogoChange(event: Event): void {
    this.hasLogo = (event.target as HTMLSlotElement).assignedElements().length > 0;
  }

  private handleEmailInput(): void {
    this.previewSubmitted = false;
    if (this.fieldErrors.email) this.fieldErrors = { ...this.fieldErrors, email: undefined };
  }

  private handlePasswordInput(): void {
    this.previewSubmitted = false;
    if (this.fieldErrors.password) this.fieldErrors = { ...this.fieldErrors, password: undefined };
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const email = this.emailInput.value.trim();
    const password = this.passwordInput.value;
    this.shownError = null;
    this.previewSubmitted = false;
    this.fieldErrors = validateCredentials(email, password);
    if (this.fieldErrors.email || this.fieldErrors.password) {
      await this.updateComplete;
      (this.fieldErrors.email ? this.emailInput : this.passwordInput).focus();
      return;
    }
    if (this.preview) {
      this.previewSubmitted = true;
      return;
    }
    const request: PasswordRequest = { profile: this.profile, email, password };
    if (this.redirectTo) request.redirect_to = this.redirectTo;
    if (this.rememberMe === 'ask') request.remember = this.rememberInput?.checked ?? false;
    void this.submitTask.run([request]);
  }

  private async handleResponse(response: ClientResponse): Promise<void> {
    if (response.type === 'signed_in') {
      const event = new WorkosSignedInEvent({ redirectTo: response.redirect_to });
      this.dispatchEvent(event);
      if (!event.defaultPrevented) {
        this.leaving = true;
        navigation.assign(response.redirect_to);
      }
      return;
    }
    // Further steps (MFA, organization choice…) arrive with later issues.
    const { code, message } = response.type === 'error' ? response : { code: 'internal_error' as const, message: '' };
    this.shownError = { code, message: message || this.strings[`error_${code}`] };
    const event = new WorkosErrorEvent(this.shownError);
    this.dispatchEvent(event);
    await this.updateComplete;
    if (code === 'invalid_credentials') {
      this.passwordInput.value = '';
      this.passwordInput.focus();
    } else if (!this.shadowRoot?.activeElement) {
      // Disabling the clicked button dropped focus on <body>: give keyboard users their place back.
      this.button.focus();
    }
  }

  override render() {
    const s = this.strings;
    const busy = this.busy;
    const { email: emailError, password: passwordError } = this.fieldErrors;
    const status = this.leaving ? s.signed_in : this.previewSubmitted ? this.previewNote || DEFAULT_PREVIEW_NOTE : '';
    return html`
      <form
        part="form"
        novalidate
        aria-labelledby="heading"
        aria-describedby=${this.subheading ? 'subheading' : nothing}
        @submit=${this.handleSubmit}
      >
        <div part="logo" class=${this.hasLogo ? 'logo' : 'logo empty'}>
          <slot name="logo" @slotchange=${this.handleLogoChange}></slot>
        </div>
        <h2 id="heading" part="heading">${this.heading || s.heading}</h2>
        ${this.subheading ? html`<p id="subheading" part="subheading" class="subheading">${this.subheading}</p>` : nothing}
        <div part="error" class=${this.shownError ? 'alert shown' : 'alert'} role="alert">
          ${this.shownError?.message}
        </div>
        <div part="field" class="field">
          <label part="label" for="email">${s.email_label}</label>
          <input
            part="input"
            id="email"
            name="email"
            type="email"
            autocomplete="username"
            inputmode="email"
            autocapitalize="none"
            spellcheck="false"
            required
            .value=${this.email}
            aria-invalid=${emailError ? 'true' : 'false'}
            aria-describedby=${emailError ? 'email-error' : nothing}
            @input=${this.handleEmailInput}
          />
          ${
            emailError ? html`<p part="field-error" class="field-error" id="email-error">${s[emailError]}</p>` : nothing
          }
        </div>
        <div part="field" class="field">
          <label part="label" for="password">${s.password_label}</label>
          <input
            part="input"
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
            aria-invalid=${passwordError ? 'true' : 'false'}
            aria-describedby=${passwordError ? 'password-error' : nothing}
            @input=${this.handlePasswordInput}
          />
          ${
            passwordError
              ? html`<p part="field-error" class="field-error" id="password-error">${s[passwordError]}</p>`
              : nothing
          }
        </div>
        ${
          this.rememberMe === 'ask'
            ? html`<div part="remember" class="remember">
                <input id="remember" name="remember" type="checkbox" /><label for="remember">${s.remember_me}</label>
              </div>`
            : nothing
        }
        <button part="button" type="submit" ?disabled=${busy} aria-busy=${busy ? 'true' : 'false'}>
          ${busy ? s.submitting : s.submit}
        </button>
        <p part="status" class=${status ? 'status shown' : 'status'} role="status">${status}</p>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'workos-login': WorkosLogin;
  }
}
