import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type {
  PasskeyDeletedResponse,
  PasskeyRegistrationOptionsResponse,
  PasskeysRemovedResponse,
  PasskeyListResponse,
  PasskeySummary,
} from '../../protocol/messages.ts';
import { PASSKEY_MANAGE_STRINGS } from '../../protocol/strings/passkeys-manage.ts';
import type { PasskeyFailure } from '../api.ts';
import { WorkosPasskeyAddedEvent, WorkosPasskeyRemovedEvent } from '../events.ts';
import { failure, signalAccepted, signalUnknown, webauthn } from '../passkey/ceremony.ts';
import { rest, type RestResult, type RestTarget } from '../passkey/rest.ts';
import { fmt, translations } from '../strings.ts';
import { passkey, passkeyList, safeUrl } from './data.ts';
import { passkeyTable, type ManageStrings, type TableHost } from './rows.ts';
import { styles } from './workos-passkeys.styles.ts';

/* What each failed ceremony says here (the sign-in texts point to "another way", which this screen has none of). */
const CEREMONY: Record<PasskeyFailure, keyof ManageStrings> = {
  passkey_cancelled: 'passkeys_cancelled',
  passkey_not_allowed: 'passkeys_not_allowed',
  passkey_unsupported: 'passkeys_unsupported',
  passkey_failed: 'passkeys_failed',
  passkey_exists: 'passkeys_exists',
};

type Confirming = { kind: 'delete'; passkey: PasskeySummary } | { kind: 'remove_all' };

/**
 * The passkeys of a WordPress user, for the profile screens: each one's name, when it was created
 * and last used, whether it is synced or bound to one device, and whether it is backed up; rename
 * and delete; "Add a passkey" on the user's own screen (or, when the last sign-in is too old, a
 * link to sign in again); "Remove all passkeys" on another user's screen. Talks only to WordPress
 * (`{api-root}passkeys…`, cookie authentication with the `nonce`).
 *
 * @summary Lists, adds, renames and deletes a WordPress user's passkeys.
 *
 * @attr {string} nonce - A `wp_rest` nonce, sent as `X-WP-Nonce`. Read through the native `nonce`
 *   property (browsers blank the attribute on pages served with a CSP header).
 *
 * @fires {WorkosPasskeyAddedEvent} workos-passkey-added - A passkey was created and saved; `detail.passkey`.
 * @fires {WorkosPasskeyRemovedEvent} workos-passkey-removed - Passkeys were deleted; `detail.ids`.
 *
 * @csspart section - The whole list.
 * @csspart heading - "Passkeys".
 * @csspart text - The line under the heading (own screen).
 * @csspart error - The live region showing what went wrong.
 * @csspart status - The polite live region: "Passkey added.", "Passkey deleted.", …
 * @csspart table - The table of passkeys.
 * @csspart row - One passkey's row.
 * @csspart name - A row's name cell (and the rename form in it).
 * @csspart input - The name field while renaming.
 * @csspart field-error - Why the new name was refused.
 * @csspart button - A primary button: "Add a passkey", "Save", a confirmation.
 * @csspart secondary - A secondary button: "Rename", "Delete", "Cancel", "Try again".
 * @csspart danger - Buttons that delete (also `secondary` or `button`).
 * @csspart add - "Add a passkey".
 * @csspart rename - A row's "Rename".
 * @csspart delete - A row's "Delete".
 * @csspart save - "Save" of the rename form.
 * @csspart remove-all - "Remove all passkeys".
 * @csspart confirm - The question before deleting, with its buttons.
 * @csspart reauth - "For your security, sign in again to add a passkey." and its link.
 * @csspart link - The "Sign in again" link.
 * @csspart empty - "No passkeys yet."
 * @csspart loading - "Loading passkeys…".
 *
 * @cssprop [--workos-passkeys-primary=#2271b1] - Buttons and focus ring (WordPress admin blue).
 * @cssprop [--workos-passkeys-danger=#b32d2e] - Buttons that delete.
 * @cssprop [--workos-passkeys-border=#c3c4c7] - Table rules and field borders.
 */
export class WorkosPasskeys extends LitElement {
  static override styles = styles;

  static override properties = {
    apiRoot: { attribute: 'api-root' },
    user: { type: Number },
    i18n: {},
    list: { state: true },
    loading: { state: true },
    loadFailed: { state: true },
    editing: { state: true },
    nameError: { state: true },
    confirming: { state: true },
    working: { state: true },
    status: { state: true },
    error: { state: true },
  };

  /** REST root of the plugin (`…/wp-json/workos/v1/`); WordPress's own REST root works too. */
  apiRoot = '/wp-json/workos/v1/';
  /** The user whose passkeys to show; 0 (or absent) on the signed-in user's own profile screen. */
  user = 0;
  /** Translated strings: JSON (attribute) or an object (property), keyed like `PASSKEY_MANAGE_STRINGS`. */
  i18n: unknown = '';

  private s: ManageStrings = { ...PASSKEY_MANAGE_STRINGS };
  private editing: string | null = null;
  private nameError = false;
  private working: string | null = null;
  private list: PasskeyListResponse | null = null;
  private loading = false;
  private loadFailed = false;
  private confirming: Confirming | null = null;
  private status = '';
  private error = '';
  /** Bumped by each load, so only the latest answer shows. */
  private loads = 0;

  /** Whose list this is: the signed-in user's own (adding is theirs alone), or another's. */
  private get own(): boolean {
    return !this.user || !!this.list?.can_register || !!this.list?.reauth_url;
  }

  private get target(): RestTarget {
    return { root: this.apiRoot, nonce: this.nonce ?? '' };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('i18n')) this.s = translations(this.i18n, { ...PASSKEY_MANAGE_STRINGS });
    if (changed.has('apiRoot') || changed.has('user')) void this.load();
  }

  private async load(): Promise<void> {
    const load = ++this.loads;
    this.loading = true;
    this.loadFailed = false;
    const query = this.user ? { user: String(this.user) } : undefined;
    const result = await rest<unknown>(this.target, 'GET', 'passkeys', { query });
    if (load !== this.loads) return;
    this.loading = false;
    const list = result.ok ? passkeyList(result.data) : null;
    if (!list) {
      this.loadFailed = true;
      return;
    }
    this.list = list;
    // The browser's passkey manager may drop passkeys of this site the list no longer has.
    if (this.own && list.user_handle) {
      signalAccepted(
        list.rp_id,
        list.user_handle,
        list.passkeys.map((p) => p.id),
      );
    }
  }

  private begin(action: string): void {
    this.working = action;
    this.error = '';
    this.status = '';
  }

  private done(status: string, error = ''): void {
    this.working = null;
    this.status = status;
    this.error = error;
  }

  /** Words a failed request; `reauth_required` turns "Add a passkey" into the way to sign in again. */
  private fail(result: Extract<RestResult<unknown>, { ok: false }>): void {
    const { s, list } = this;
    if (result.code === 'reauth_required' && list) {
      this.list = { ...list, can_register: false, reauth_url: safeUrl(result.data.reauth_url) ?? list.reauth_url };
      this.done('');
      void this.updateComplete.then(() => this.query('[part~="link"]')?.focus());
      return;
    }
    const message =
      result.code === 'network'
        ? s.passkeys_offline
        : result.code === 'passkey_exists'
          ? s.passkeys_exists
          : result.message || s.passkeys_failed;
    this.done('', message);
  }

  private async add(): Promise<void> {
    this.begin('add');
    const options = await rest<PasskeyRegistrationOptionsResponse>(this.target, 'POST', 'passkeys/register/options');
    if (!options.ok) return this.fail(options);
    const credential = await webauthn
      .startRegistration({ optionsJSON: options.data.options })
      .catch((error: unknown) => {
        this.done('', this.s[CEREMONY[failure(error)]]);
        return null;
      });
    if (!credential) return;
    const body = { flow: options.data.flow, response: credential };
    const saved = await rest<{ passkey?: unknown }>(this.target, 'POST', 'passkeys/register/verify', { body });
    const added = saved.ok ? passkey(saved.data.passkey) : null;
    if (!saved.ok) return this.fail(saved);
    if (added && this.list) this.list = { ...this.list, passkeys: [...this.list.passkeys, added] };
    this.done(this.s.passkeys_added);
    if (added) this.dispatchEvent(new WorkosPasskeyAddedEvent({ passkey: added }));
  }

  private rename(summary: PasskeySummary): void {
    this.editing = summary.id;
    this.nameError = false;
    this.status = '';
    this.error = '';
    void this.updateComplete.then(() => this.query<HTMLInputElement>('#rename')?.select());
  }

  private cancelRename(summary: PasskeySummary): void {
    this.editing = null;
    this.nameError = false;
    void this.updateComplete.then(() => this.rowButton(summary.id)?.focus());
  }

  private async save(summary: PasskeySummary, form: HTMLFormElement): Promise<void> {
    if (this.working) return;
    const name = (form.elements.namedItem('name') as HTMLInputElement).value.trim();
    if (!name) {
      this.nameError = true;
      await this.updateComplete;
      return this.query('#rename')?.focus();
    }
    this.begin('rename');
    const path = `passkeys/${encodeURIComponent(summary.id)}`;
    const result = await rest<{ passkey?: unknown }>(this.target, 'PATCH', path, { body: { name } });
    if (!result.ok) return this.fail(result);
    const renamed = passkey(result.data.passkey) ?? { ...summary, name };
    if (this.list) {
      this.list = { ...this.list, passkeys: this.list.passkeys.map((p) => (p.id === summary.id ? renamed : p)) };
    }
    this.done(this.s.passkeys_renamed);
    this.cancelRename(summary);
  }

  /** Opens the question before deleting (or closes it: focus goes back to the heading). */
  private ask(confirming: Confirming | null): void {
    this.confirming = confirming;
    if (confirming) {
      this.status = '';
      this.error = '';
    }
    void this.updateComplete.then(() => this.query(confirming ? '#confirm-text' : '#heading')?.focus());
  }

  private async confirm(): Promise<void> {
    const { confirming, list } = this;
    if (!confirming || !list) return;
    this.begin(confirming.kind);
    if (confirming.kind === 'delete') {
      const { id } = confirming.passkey;
      const result = await rest<PasskeyDeletedResponse>(this.target, 'DELETE', `passkeys/${encodeURIComponent(id)}`);
      if (!result.ok) return this.fail(result);
      // Tell the browser's passkey manager the site no longer accepts it.
      signalUnknown(typeof result.data.rp_id === 'string' ? result.data.rp_id : list.rp_id, id);
      this.list = { ...list, passkeys: list.passkeys.filter((p) => p.id !== id) };
      this.done(this.s.passkeys_deleted);
      this.dispatchEvent(new WorkosPasskeyRemovedEvent({ ids: [id] }));
    } else {
      const owner = this.user || list.user_id;
      const result = await rest<PasskeysRemovedResponse>(this.target, 'DELETE', `users/${owner}/passkeys`);
      if (!result.ok) return this.fail(result);
      const ids = list.passkeys.map((p) => p.id);
      this.list = { ...list, passkeys: [] };
      const count = typeof result.data.removed === 'number' ? result.data.removed : ids.length;
      this.done(fmt(this.s.passkeys_removed, { count }));
      this.dispatchEvent(new WorkosPasskeyRemovedEvent({ ids }));
    }
    this.ask(null);
  }

  private rowButton(id: string): HTMLButtonElement | null {
    return this.query<HTMLButtonElement>(`button[data-id="${CSS.escape(id)}"]`);
  }

  private query<E extends HTMLElement = HTMLElement>(selector: string): E | null {
    return this.shadowRoot?.querySelector<E>(selector) ?? null;
  }

  /** What the rows see and may do. */
  private tableHost(): TableHost {
    return {
      s: this.s,
      editing: this.editing,
      nameError: this.nameError,
      locked: !!this.editing || !!this.confirming,
      working: this.working,
      rename: (passkey) => this.rename(passkey),
      save: (passkey, form) => void this.save(passkey, form),
      cancelRename: (passkey) => this.cancelRename(passkey),
      askDelete: (passkey) => this.ask({ kind: 'delete', passkey }),
    };
  }

  private renderConfirm(confirming: Confirming) {
    const { s } = this;
    const busy = this.working === confirming.kind;
    const deleting = confirming.kind === 'delete';
    return html`<div part="confirm" class="confirm" role="group" aria-labelledby="confirm-text">
      <p id="confirm-text" tabindex="-1">
        ${deleting ? html`<strong>${confirming.passkey.name}</strong> ` : nothing}
        ${deleting ? s.passkeys_delete_confirm : s.passkeys_remove_all_confirm}
      </p>
      <div class="bar">
        <button
          part="button danger"
          type="button"
          ?disabled=${!!this.working}
          aria-busy=${busy ? 'true' : 'false'}
          @click=${() => void this.confirm()}
        >
          ${busy ? s.passkeys_working : deleting ? s.passkeys_delete : s.passkeys_remove_all}
        </button>
        <button part="secondary" type="button" ?disabled=${!!this.working} @click=${() => this.ask(null)}>
          ${s.passkeys_cancel}
        </button>
      </div>
    </div>`;
  }

  private renderActions(list: PasskeyListResponse) {
    const { s } = this;
    const adding = this.working === 'add';
    const add = list.can_register
      ? html`<button
          part="button add"
          type="button"
          ?disabled=${!!this.working}
          aria-busy=${adding ? 'true' : 'false'}
          @click=${() => void this.add()}
        >
          ${adding ? s.passkeys_working : s.passkeys_add}
        </button>`
      : list.reauth_url
        ? html`<p part="reauth" class="reauth" id="reauth">
            ${s.passkeys_reauth}
            <a part="link" href=${list.reauth_url} aria-describedby="reauth">${s.passkeys_reauth_link}</a>
          </p>`
        : nothing;
    const removeAll =
      !this.own && list.passkeys.length
        ? html`<button
            part="secondary danger remove-all"
            type="button"
            ?disabled=${!!this.working}
            @click=${() => this.ask({ kind: 'remove_all' })}
          >
            ${s.passkeys_remove_all}
          </button>`
        : nothing;
    return html`<div class="bar">${add} ${removeAll}</div>`;
  }

  private renderList() {
    const { s, list } = this;
    if (this.loading && !list) return html`<p part="loading">${s.passkeys_loading}</p>`;
    if (this.loadFailed || !list) {
      return html`<p class="bar">
        ${s.passkeys_load_failed}
        <button part="secondary retry" type="button" @click=${() => void this.load()}>${s.passkeys_retry}</button>
      </p>`;
    }
    return html`
      ${list.passkeys.length ? passkeyTable(this.tableHost(), list.passkeys) : html`<p part="empty">${s.passkeys_empty}</p>`}
      ${this.confirming ? this.renderConfirm(this.confirming) : this.editing ? nothing : this.renderActions(list)}
    `;
  }

  override render() {
    const { s } = this;
    return html`<section part="section" aria-labelledby="heading" aria-busy=${this.loading ? 'true' : 'false'}>
      <h2 id="heading" part="heading" tabindex="-1">${s.passkeys_heading}</h2>
      ${this.own ? html`<p part="text">${s.passkeys_text}</p>` : nothing}
      <div part="error" class="alert" role="alert">${this.error}</div>
      <p part="status" class="status" role="status">${this.status}</p>
      ${this.renderList()}
    </section>`;
  }
}

customElements.define('workos-passkeys', WorkosPasskeys);

declare global {
  interface HTMLElementTagNameMap {
    'workos-passkeys': WorkosPasskeys;
  }
}
