import { html } from 'lit';
import type { PasskeyRegistrationOptionsResponse, PasskeyResponse } from '../../protocol/messages.ts';
import type { StringKey } from '../../protocol/strings.ts';
import type { Conversation } from '../conversation.ts';
import { link, str, text } from '../views/fields.ts';
import type { Views } from '../views/view.ts';
import { failure, webauthn } from './ceremony.ts';
import { rest, type RestResult, type RestTarget } from './rest.ts';

/**
 * "Sign in faster next time?" — shown after a sign-in by another method when WordPress offers it
 * (`signed_in.passkey_prompt`): create a passkey through the management routes with the new
 * session's nonce, or "Not now" (not asked again for a while). Either way the visitor then goes
 * where the sign-in was going; an error shows with a "Continue" that does the same.
 *
 * The step's `data`: `{ nonce, root, to }` (see `Passkeys.prompt`).
 */

/* Errors WordPress's management routes answer that the sign-in strings word. */
const WORDED: Record<string, StringKey> = {
  reauth_required: 'error_reauth_required',
  passkey_exists: 'error_passkey_exists',
  passkey_invalid: 'error_passkey_invalid',
  flow_expired: 'error_flow_expired',
  rate_limited: 'error_rate_limited',
  network: 'error_network',
};

export function promptViews(talk: Conversation): Views {
  /** A request or the browser's dialog is under way. */
  let working = false;
  /** The last attempt failed: "Continue" replaces "Not now". */
  let failed = false;

  const target = (): RestTarget => ({ root: str(talk.data.root), nonce: str(talk.data.nonce) });
  const go = (status: string) => talk.leave(str(talk.data.to), status);
  const update = (changes: { working: boolean; error?: string }) => {
    working = changes.working;
    if (changes.error !== undefined) failed = true;
    talk.set(changes.error === undefined ? {} : { shownError: { code: 'passkey_failed', message: changes.error } });
  };
  const message = (result: Extract<RestResult<unknown>, { ok: false }>) =>
    (WORDED[result.code] && talk.strings[WORDED[result.code]]) || result.message || talk.strings.error_passkey_failed;

  async function create(): Promise<void> {
    if (working || talk.busy) return;
    talk.set({ shownError: null });
    update({ working: true });
    const options = await rest<PasskeyRegistrationOptionsResponse>(target(), 'POST', 'passkeys/register/options');
    if (!options.ok) return update({ working: false, error: message(options) });
    let response;
    try {
      response = await webauthn.startRegistration({ optionsJSON: options.data.options });
    } catch (error) {
      return update({ working: false, error: talk.strings[`error_${failure(error)}`] });
    }
    const body = { flow: options.data.flow, response };
    const saved = await rest<PasskeyResponse>(target(), 'POST', 'passkeys/register/verify', { body });
    if (!saved.ok) return update({ working: false, error: message(saved) });
    working = false;
    go(talk.strings.passkey_created);
  }

  async function dismiss(): Promise<void> {
    update({ working: true });
    // Whatever WordPress answers, the visitor is signed in: go on (the prompt may come back next time).
    await rest(target(), 'POST', 'passkeys/prompt/dismiss');
    working = false;
    go(talk.strings.signed_in);
  }

  return {
    passkey_prompt: {
      heading: (h) => h.s.passkey_prompt_heading,
      render: (h) => html`
        ${text(h.s.passkey_prompt_text)}
        <button part="button" type="submit" ?disabled=${working || h.busy} aria-busy=${working ? 'true' : 'false'}>
          ${working ? h.s.working : h.s.passkey_prompt_create}
        </button>
        <p class="links">
          ${
            failed
              ? link(h.s.continue, () => go(h.s.signed_in), working || h.busy)
              : link(h.s.passkey_not_now, () => void dismiss(), working || h.busy)
          }
        </p>
      `,
      submit: () => void create(),
    },
  };
}
