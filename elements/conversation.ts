import { adoptStyles, type CSSResult, type ReactiveControllerHost, type ReactiveElement } from 'lit';
import { LIMITS, type AuthRequestBase, type BrowserRoute, type PasswordProblem } from '../protocol/messages.ts';
import type { Strings } from '../protocol/strings.ts';
import { SIGN_IN_STRINGS } from '../protocol/strings/sign-in.ts';
import {
  fetchNonce,
  post,
  type ClientErrorCode,
  type ClientResponse,
  type ClientErrorResponse,
  type ClientStepResponse,
  type RouteBodies,
  type RoutePayload,
} from './api.ts';
import { Countdown } from './countdown.ts';
import { WorkosErrorEvent, WorkosSignedInEvent, WorkosStepEvent, type ErrorDetail } from './events.ts';
import { navigation } from './navigation.ts';
import type { Passkeys } from './passkey/passkeys.ts';
import { fmt, parseStrings, type Defaults, type I18nInput } from './strings.ts';
import { str } from './views/fields.ts';
import { LAZY, VIEWS } from './views/index.ts';
import type { FieldErrors, Invitation, SendOptions, ViewName, Views } from './views/view.ts';

/** What the conversation needs from its element: the attributes that shape every request. */
export interface ConversationHost extends ReactiveControllerHost, HTMLElement {
  readonly profile: string;
  readonly apiRoot: string;
  readonly redirectTo: string;
  readonly rememberMe: 'ask' | 'always' | 'never';
  /** The remember-me choice already made (a sign-in resumed after WorkOS's redirect). */
  readonly remember: boolean;
  readonly preview: boolean;
  readonly i18n: I18nInput;
}

/** Everything that changes as the visitor moves through the steps; changed only through `set()`. */
interface State {
  view: ViewName;
  flow: string;
  data: Record<string, unknown>;
  /** The route of the request in flight. */
  pending: BrowserRoute | null;
  fieldErrors: FieldErrors;
  problems: PasswordProblem[];
  shownError: ErrorDetail | null;
  /** What the polite status region says (and shows): a notice, a countdown's start and end. */
  notice: string;
  /** Set once leaving (signed in, or off to WorkOS): locks the form until the page unloads. */
  leaving: string;
  loadingView: boolean;
  /** A preview was submitted with valid fields: the note is showing. */
  previewSubmitted: boolean;
  invitation: Invitation | null;
  /** The email typed before leaving a view, to prefill the next. */
  lastEmail: string;
  strings: Strings;
}

/* Alone in its function, so the build can drop Vite's preload wrapper (see vite.config.ts). */
const loadPasskeys = () => import('./passkey/passkeys.ts');
/** The field to type again after each error (emptied, but for a refused new password). */
const RETYPE: Partial<Record<ClientErrorCode, string>> = {
  invalid_credentials: '#password',
  password_rejected: '#password',
  invalid_code: '#code',
};

/**
 * The conversation with WordPress behind `<workos-login>`: sends each request, and turns each
 * answer into the next view, an error, a countdown or a departure. The element renders its state.
 */
export class Conversation implements State {
  view: ViewName = 'start';
  flow = '';
  data: Record<string, unknown> = {};
  pending: BrowserRoute | null = null;
  fieldErrors: FieldErrors = {};
  problems: PasswordProblem[] = [];
  shownError: ErrorDetail | null = null;
  notice = '';
  leaving = '';
  loadingView = false;
  previewSubmitted = false;
  invitation: Invitation | null = null;
  lastEmail = '';
  strings: Strings = parseStrings(null);
  /** Loaded views; the rare ones join when first shown. */
  readonly views: Views = { ...VIEWS };
  readonly retry: Countdown;
  readonly resend: Countdown;
  /** The passkey module, once loaded (see {@link passkeys}). */
  passkey?: Passkeys;

  readonly host: ConversationHost;
  private passkeyLoad?: Promise<Passkeys>;
  private defaults: Defaults = SIGN_IN_STRINGS;
  /** The checkbox's last state; null until the visitor has seen one (then the host's `remember`). */
  private remember: boolean | null = null;
  private limitedRoute: BrowserRoute | null = null;
  /** Styles of the view modules loaded so far. */
  private styles: CSSResult[] = [];

  constructor(host: ConversationHost) {
    this.host = host;
    this.retry = new Countdown(host, () => this.set({ notice: this.strings.retry_now }));
    this.resend = new Countdown(host);
  }

  get busy(): boolean {
    return !!this.leaving || this.loadingView || !!this.pending;
  }

  /** Busy, or this route is rate-limited and its countdown still runs. */
  blocked(route: BrowserRoute): boolean {
    return this.busy || (this.retry.remaining > 0 && this.limitedRoute === route);
  }

  set(changes: Partial<State>): void {
    Object.assign(this, changes);
    this.host.requestUpdate();
  }

  translate(): void {
    this.set({ strings: parseStrings(this.host.i18n, this.defaults) });
  }

  send<R extends BrowserRoute>(route: R, payload: RoutePayload<R>, options: SendOptions = {}): void {
    if (this.blocked(route)) return;
    // Another method goes ahead: a passkey autofill waiting on the email field stands down.
    this.passkey?.cancel();
    this.set({ shownError: null, notice: '', fieldErrors: {}, problems: [], previewSubmitted: this.host.preview });
    if (!this.host.preview) void this.request(route, payload, options);
  }

  private async request<R extends BrowserRoute>(route: R, payload: RoutePayload<R>, options: SendOptions) {
    this.set({ pending: route });
    await this.answer(await this.post(route, payload), route, options);
  }

  /** Posts to a route with the fields every request carries. */
  async post<R extends BrowserRoute>(route: R, payload: RoutePayload<R>): Promise<ClientResponse> {
    const remember = this.query<HTMLInputElement>('#remember');
    if (remember) this.remember = remember.checked;
    const host = this.host;
    const { profile, redirectTo, rememberMe, apiRoot } = host;
    const body: AuthRequestBase = { profile, ...payload };
    if (redirectTo) body.redirect_to = redirectTo;
    if (rememberMe === 'ask') body.remember = this.remember ?? this.host.remember;
    const send = () => post(route, body as RouteBodies[R], { apiRoot, nonce: host.nonce || '' });
    let response = await send();
    // A page cache may serve this page long after its nonce expired (or a theme printed none):
    // WordPress refuses it, the element asks for a fresh one (kept as its `nonce`) and tries once more.
    if (response.type === 'error' && response.code === 'invalid_nonce' && (host.nonce = await fetchNonce(apiRoot)))
      response = await send();
    return response;
  }

  /** Turns an answer into the next view, an error or a departure. */
  async answer(response: ClientResponse, route: BrowserRoute, options: SendOptions = {}): Promise<void> {
    this.set({ pending: null });
    if (response.type === 'signed_in') {
      const { redirect_to: to, passkey_prompt } = response;
      const event = new WorkosSignedInEvent({ redirectTo: to });
      this.host.dispatchEvent(event);
      const leave = () => this.leave(to, this.strings.signed_in);
      if (event.defaultPrevented) return;
      if (passkey_prompt) this.passkeys().then((p) => p.prompt(response), leave);
      else leave();
    } else if (response.type === 'redirect') {
      this.leave(response.url, this.strings.redirecting);
    } else if (response.type === 'step') {
      await this.showStep(response, options);
    } else {
      await this.showError(response, route, options);
    }
  }

  leave(url: string, status: string): void {
    this.set({ leaving: status });
    navigation.assign(url);
  }

  async showStep(response: ClientStepResponse, { quiet = false, focus = true }: SendOptions = {}): Promise<void> {
    const { step, flow, data } = response;
    if (step === 'code_sent') this.resend.start(Number(data.resend_after) || LIMITS.resendAfter);
    if (step === 'invitation') {
      this.set({ invitation: { email: str(data.email), organization: str(data.organization_name) || null, flow } });
    }
    if (quiet && step === this.view) {
      // A resent code: same step, fresh flow; the visitor stays in the code field.
      this.set({ flow, data, notice: this.strings.code_resent });
    } else if (step === 'reset_done') {
      await this.show('start', { focus });
      this.set({ notice: this.strings.reset_done });
    } else {
      // `passkey` and `passkey_register` answer the passkey module's own requests, never arrive here.
      await this.show(step as ViewName, { focus, flow, data });
    }
    this.host.dispatchEvent(new WorkosStepEvent({ step }));
  }

  /** Switches view (loading its module the first time), then focuses its heading. */
  async show(
    view: ViewName,
    { focus = true, flow = '', data = {} }: { focus?: boolean; flow?: string; data?: Record<string, unknown> } = {},
  ): Promise<void> {
    const typed = this.query<HTMLInputElement>('#email');
    if (typed && !typed.readOnly && typed.value.trim()) this.lastEmail = typed.value.trim();
    const shown = this.view;
    const load = LAZY[view];
    if (!this.views[view] && load) {
      this.set({ loadingView: true });
      try {
        this.learn(await load());
      } catch {
        return this.offline();
      } finally {
        this.set({ loadingView: false });
      }
    }
    this.set({ view, flow, data, fieldErrors: {}, problems: [], notice: '', shownError: null });
    await this.host.updateComplete;
    // The same view again (another factor's code): Lit kept its inputs, empty them.
    if (view === shown) this.query<HTMLFormElement>('form')?.reset();
    if (focus) this.query('#heading')?.focus();
  }

  /** Shows the field errors and focuses the first invalid field. */
  async invalid(fieldErrors: FieldErrors): Promise<void> {
    this.set({ fieldErrors, previewSubmitted: false });
    await this.host.updateComplete;
    this.query('[aria-invalid="true"]')?.focus();
  }

  /**
   * The passkey module, loaded once: after the first render for passkey profiles, else when a
   * passkey button is pressed or a sign-in offers the prompt.
   */
  passkeys(): Promise<Passkeys> {
    return (this.passkeyLoad ??= loadPasskeys().then((m) => (this.passkey = new m.Passkeys(this))));
  }

  /** The chunk that should be there could not be fetched. */
  offline(): void {
    this.set({ shownError: { code: 'network', message: this.strings.error_network } });
  }

  /** Adds a loaded module's views, English defaults and styles. */
  learn(loaded: { views: Views; strings: Defaults; styles?: CSSResult | CSSResult[] }): void {
    Object.assign(this.views, loaded.views);
    this.defaults = { ...this.defaults, ...loaded.strings };
    this.translate();
    const root = this.host.shadowRoot;
    this.styles.push(...[loaded.styles ?? []].flat());
    const own = (this.host.constructor as typeof ReactiveElement).elementStyles;
    if (root) adoptStyles(root, [...own, ...this.styles]);
  }

  async showError(error: ClientErrorResponse, route: BrowserRoute | null, options: SendOptions = {}): Promise<void> {
    const { code } = error;
    const s = this.strings;
    const shown = { code, message: error.message || s[`error_${code}`] };
    if (code === 'flow_expired') {
      // The sealed flow is gone (and an invitation's with it): back to the first screen.
      this.set({ invitation: null });
      await this.show('start', { focus: options.focus });
    }
    if (code === 'password_rejected') this.set({ problems: error.problems ?? ['other'] });
    if (code === 'rate_limited' && route && error.retry_after) {
      this.limitedRoute = route;
      this.retry.start(error.retry_after);
      this.set({ notice: fmt(s.retry_in_announce, { seconds: error.retry_after }) });
    }
    this.set({ shownError: shown });
    this.host.dispatchEvent(new WorkosErrorEvent(shown));
    await this.host.updateComplete;
    if (options.focus === false || code === 'flow_expired') return;
    const retype = RETYPE[code] && this.query<HTMLInputElement>(RETYPE[code]);
    if (retype) {
      if (code !== 'password_rejected') retype.value = '';
      retype.focus();
    } else if (!this.host.shadowRoot?.activeElement) {
      // Disabling the clicked button dropped focus on <body>: give keyboard users their place back.
      (this.query('button[type="submit"]:not(:disabled)') ?? this.query('#heading'))?.focus();
    }
  }

  private query<E extends HTMLElement = HTMLElement>(selector: string): E | null {
    return this.host.shadowRoot?.querySelector<E>(selector) ?? null;
  }
}
