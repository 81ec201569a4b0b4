import type { TemplateResult } from 'lit';
import type { BrowserRoute, Method, PasswordProblem, StepName } from '../../protocol/messages.ts';
import type { StringKey, Strings } from '../../protocol/strings.ts';
import type { RoutePayload } from '../api.ts';

/**
 * What a view of `<workos-login>` sees and may do. The element builds one per render; views are
 * plain functions of it, so the element keeps every piece of state and the views stay stateless.
 */

/**
 * Local views, plus every step but `reset_done` (that one goes back to `start` with a notice) and
 * the passkey ceremonies (`passkey`, `passkey_register`: the browser's own dialog, no view).
 */
export type ViewName =
  | 'start'
  | 'sso_email'
  | 'signup'
  | 'reset_request'
  | 'reset_confirm'
  /** "Sign in faster next time?" after a sign-in (the passkey module's). */
  | 'passkey_prompt'
  | Exclude<StepName, 'reset_done' | 'passkey' | 'passkey_register'>;

/** What a passkey button does: sign in (first factor), `use` one as the second factor, or `register` one as it. */
export type PasskeyAction = 'sign_in' | 'use' | 'register';

/** A field's problem by input `name`, named by the string key that explains it. */
export type FieldErrors = Partial<Record<string, StringKey>>;

/** An invitation read through `auth/invitation`: its flow rides along with sign-up, password and magic code. */
export interface Invitation {
  email: string;
  organization: string | null;
  flow: string;
}

export interface SendOptions {
  /** Stay on the same step without moving focus (resending a code). */
  quiet?: boolean;
  /** Move focus to the next step's heading (not for what the element does by itself on load). */
  focus?: boolean;
}

export interface Host {
  readonly s: Strings;
  /** The current step's `data` (untrusted shape: read it through `data.ts`). */
  readonly data: Record<string, unknown>;
  readonly flow: string;
  readonly busy: boolean;
  /** The route of the request in flight, for its button's busy label. */
  readonly pending: BrowserRoute | null;
  readonly errors: FieldErrors;
  readonly problems: PasswordProblem[];
  readonly methods: Method[];
  readonly signup: boolean;
  readonly passwordReset: boolean;
  readonly mode: 'custom' | 'authkit_redirect';
  readonly sso: 'email' | 'organization';
  readonly rememberMe: 'ask' | 'always' | 'never';
  /** The start view's heading (the `heading` attribute, else the translated default). */
  readonly heading: string;
  /** The email to prefill: the last one typed, else the `email` attribute. */
  readonly email: string;
  readonly invitation: Invitation | null;
  readonly resetToken: string;
  /** Seconds before "Resend code" is allowed again. */
  readonly resendIn: number;
  /** Busy, or this route is rate-limited and its countdown still runs. */
  blocked(route: BrowserRoute): boolean;
  send<R extends BrowserRoute>(route: R, payload: RoutePayload<R>, options?: SendOptions): void;
  show(view: ViewName): void;
  /** Hands over to the passkey module (loaded on first use). */
  passkey(action: PasskeyAction): void;
  /** Shows the field errors and focuses the first invalid field. */
  invalid(errors: FieldErrors): void;
}

export interface View {
  heading(host: Host): string;
  render(host: Host): TemplateResult;
  /** The card's `<form>` was submitted (Enter, or a submit button). */
  submit?(host: Host, form: HTMLFormElement): void;
}

export type Views = Partial<Record<ViewName, View>>;
