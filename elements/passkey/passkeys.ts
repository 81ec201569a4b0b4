import type {
  AuthenticationResponseJSON,
  BrowserRoute,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  SignedInResponse,
} from '../../protocol/messages.ts';
import { PASSKEY_STRINGS } from '../../protocol/strings/passkey.ts';
import type { ClientResponse } from '../api.ts';
import type { Conversation } from '../conversation.ts';
import type { PasskeyAction } from '../views/view.ts';
import { failure, signalUnknown, webauthn } from './ceremony.ts';
import { promptViews } from './prompt.ts';
import { isObject, sameOrigin } from './rest.ts';

/**
 * `<workos-login>`'s passkey module (its own chunk, loaded after the first render of a passkey
 * profile, or when a passkey button, a passkey second factor or the prompt first needs it).
 *
 *  - autofill: while the first screen is idle, a conditional request waits on the email field
 *    (`autocomplete="username webauthn"`); choosing a passkey there signs in. Another method
 *    submitted, or the element leaving the page, cancels it; it never starts without support.
 *  - {@link run}: the buttons — "Sign in with a passkey", "Use your passkey" (second factor),
 *    "Create a passkey" (enrolment).
 *  - {@link prompt}: "Sign in faster next time?" after a sign-in by another method.
 */

/** The `options` of a step answer, when it is the step expected. */
function optionsOf<T>(answer: ClientResponse, step: 'passkey' | 'passkey_register'): (T & object) | null {
  return answer.type === 'step' && answer.step === step && isObject(answer.data.options)
    ? (answer.data.options as T & object)
    : null;
}

/* An answer that is neither the expected step nor an error: never a blank card. */
const unexpected = (answer: ClientResponse): ClientResponse =>
  answer.type === 'step' ? { type: 'error', code: 'internal_error', message: '' } : answer;

export class Passkeys {
  private readonly talk: Conversation;
  /** The autofill request waiting now; any other value (or null) means ours was cancelled. */
  private autofilling: object | null = null;
  /** An autofill attempt failed: not offered again until another method is tried. */
  private resting = false;
  private unsupported = false;

  constructor(talk: Conversation) {
    this.talk = talk;
    talk.learn({ views: promptViews(talk), strings: PASSKEY_STRINGS });
  }

  /** Stops a waiting autofill (another method was submitted, or the element left the page). */
  cancel(): void {
    this.resting = false;
    if (!this.autofilling) return;
    this.autofilling = null;
    webauthn.cancel();
  }

  /** Offers the site's passkeys on the email field, when the first screen is idle and the browser can. */
  async autofill(again = false): Promise<void> {
    const { talk } = this;
    const field = talk.host.shadowRoot?.querySelector('input[autocomplete$="webauthn"]:not([readonly])');
    // Not connected: the element left the page while this module loaded (its cancel() came too early to reach us).
    const idle = () => talk.host.isConnected && talk.view === 'start' && !talk.busy;
    if (this.autofilling || this.resting || this.unsupported || !idle() || !field) return;
    const token = {};
    this.autofilling = token;
    const current = () => this.autofilling === token;
    try {
      if (!(await webauthn.browserSupportsWebAuthnAutofill())) {
        this.unsupported = true;
        return;
      }
      if (!current() || !idle()) return;
      const options = await talk.post('passkey_options', {});
      const optionsJSON = optionsOf<PublicKeyCredentialRequestOptionsJSON>(options, 'passkey');
      if (!current() || options.type !== 'step' || !optionsJSON) {
        if (current()) this.resting = true;
        return;
      }
      // `verifyBrowserAutofillInput: false`: the library looks for the field in the document, which cannot see into our shadow root.
      const response = await webauthn.startAuthentication({
        optionsJSON,
        useBrowserAutofill: true,
        verifyBrowserAutofillInput: false,
      });
      if (!current()) return;
      // Chosen: from here on it is a sign-in like any other.
      this.autofilling = null;
      this.clear();
      const answer = await this.verify(options.flow, response, optionsJSON.rpId);
      if (answer.type === 'error' && answer.code === 'flow_expired' && !again) {
        // The challenge outlived its five minutes while the field waited: offer a fresh one quietly.
        talk.set({ pending: null });
        return await this.autofill(true);
      }
      if (answer.type === 'error') this.resting = true;
      await talk.answer(unexpected(answer), 'passkey_verify');
    } catch {
      // The browser ended the request (or we did): autofill only ever offers, it never complains.
      if (current()) this.resting = true;
    } finally {
      if (current()) this.autofilling = null;
    }
  }

  /** A passkey button: a fresh challenge, the browser's dialog, then WordPress verifies. */
  async run(action: PasskeyAction): Promise<void> {
    const { talk } = this;
    const options: BrowserRoute = action === 'register' ? 'passkey_register_options' : 'passkey_options';
    if (talk.blocked(options)) return;
    this.cancel();
    this.clear();
    if (talk.host.preview) return;
    talk.set({ pending: options });
    if (action === 'register') {
      const answer = await talk.post('passkey_register_options', { flow: talk.flow });
      const optionsJSON = optionsOf<PublicKeyCredentialCreationOptionsJSON>(answer, 'passkey_register');
      if (answer.type !== 'step' || !optionsJSON) return talk.answer(unexpected(answer), options);
      let response;
      try {
        response = await webauthn.startRegistration({ optionsJSON });
      } catch (error) {
        return this.fail(error, options);
      }
      talk.set({ pending: 'passkey_register_verify' });
      const verified = await talk.post('passkey_register_verify', { flow: answer.flow, response });
      return talk.answer(unexpected(verified), 'passkey_register_verify');
    }
    // A second factor carries its step's flow; a first factor has none.
    const answer = await talk.post('passkey_options', action === 'use' ? { flow: talk.flow } : {});
    const optionsJSON = optionsOf<PublicKeyCredentialRequestOptionsJSON>(answer, 'passkey');
    if (answer.type !== 'step' || !optionsJSON) return talk.answer(unexpected(answer), options);
    let response;
    try {
      response = await webauthn.startAuthentication({ optionsJSON });
    } catch (error) {
      return this.fail(error, options);
    }
    await talk.answer(unexpected(await this.verify(answer.flow, response, optionsJSON.rpId)), 'passkey_verify');
  }

  /** After a sign-in by another method: "Sign in faster next time?", else straight on. */
  prompt({ redirect_to: to, passkey_prompt: offer }: SignedInResponse): void {
    const { talk } = this;
    const { rest_nonce: nonce, api_root: root } = isObject(offer) ? offer : ({} as Record<string, unknown>);
    // The nonce only ever goes to this site's own REST API.
    if (typeof nonce === 'string' && nonce && typeof root === 'string' && sameOrigin(root)) {
      void talk.show('passkey_prompt', { data: { nonce, root, to } });
    } else {
      talk.leave(to, talk.strings.signed_in);
    }
  }

  /** A new attempt: the last one's messages go (a preview says it sends nothing instead). */
  private clear(): void {
    const { preview } = this.talk.host;
    this.talk.set({ shownError: null, notice: '', fieldErrors: {}, problems: [], previewSubmitted: preview });
  }

  private async verify(flow: string, response: AuthenticationResponseJSON, rpId?: string): Promise<ClientResponse> {
    this.talk.set({ pending: 'passkey_verify' });
    const answer = await this.talk.post('passkey_verify', { flow, response });
    // The site removed this passkey: the browser may stop offering it.
    if (answer.type === 'error' && answer.code === 'passkey_unknown') {
      signalUnknown(rpId || location.hostname, response.id);
    }
    return answer;
  }

  private fail(error: unknown, route: BrowserRoute): Promise<void> {
    return this.talk.answer({ type: 'error', code: failure(error), message: '' }, route);
  }
}
