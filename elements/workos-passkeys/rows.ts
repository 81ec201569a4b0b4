import { html, nothing, type TemplateResult } from 'lit';
import type { PasskeySummary } from '../../protocol/messages.ts';
import type { PASSKEY_MANAGE_STRINGS } from '../../protocol/strings/passkeys-manage.ts';

/** The strings of `<workos-passkeys>`, translated. */
export type ManageStrings = Record<keyof typeof PASSKEY_MANAGE_STRINGS, string>;

/** What the table needs from its element: state to show and the actions of each row. */
export interface TableHost {
  readonly s: ManageStrings;
  /** The passkey being renamed. */
  readonly editing: string | null;
  /** The rename form was sent empty. */
  readonly nameError: boolean;
  /** A rename or a confirmation is open: the other rows' buttons wait. */
  readonly locked: boolean;
  /** An action is under way (its name), or null. */
  readonly working: string | null;
  rename(passkey: PasskeySummary): void;
  save(passkey: PasskeySummary, form: HTMLFormElement): void;
  cancelRename(passkey: PasskeySummary): void;
  askDelete(passkey: PasskeySummary): void;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** A date in the page's language (`<html lang>`), with the exact time as its tooltip. */
function date(iso: string): TemplateResult | string {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return '';
  const lang = document.documentElement.lang || navigator.language;
  let format = formats.get(lang);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
    } catch {
      format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
    }
    formats.set(lang, format);
  }
  return html`<time datetime=${when.toISOString()} title=${when.toLocaleString(lang)}>${format.format(when)}</time>`;
}

/* Escape cancels a rename, like a dialog. */
const escapes = (h: TableHost, passkey: PasskeySummary) => (event: KeyboardEvent) => {
  if (event.key === 'Escape') {
    event.preventDefault();
    h.cancelRename(passkey);
  }
};

function renameForm(h: TableHost, passkey: PasskeySummary): TemplateResult {
  const { s } = h;
  const busy = h.working === 'rename';
  return html`<form
    class="rename"
    novalidate
    @submit=${(event: SubmitEvent) => {
      event.preventDefault();
      h.save(passkey, event.currentTarget as HTMLFormElement);
    }}
  >
    <label class="vh" for="rename">${s.passkeys_name_label}</label>
    <input
      part="input"
      id="rename"
      name="name"
      autocomplete="off"
      maxlength="64"
      required
      .value=${passkey.name}
      aria-invalid=${h.nameError ? 'true' : 'false'}
      aria-describedby=${h.nameError ? 'rename-error' : nothing}
      @keydown=${escapes(h, passkey)}
    />
    <button part="button save" type="submit" ?disabled=${!!h.working} aria-busy=${busy ? 'true' : 'false'}>
      ${busy ? s.passkeys_working : s.passkeys_save}
    </button>
    <button part="secondary" type="button" ?disabled=${!!h.working} @click=${() => h.cancelRename(passkey)}>
      ${s.passkeys_cancel}
    </button>
    ${
      h.nameError
        ? html`<p part="field-error" class="field-error" id="rename-error">${s.passkeys_name_required}</p>`
        : nothing
    }
  </form>`;
}

function row(h: TableHost, passkey: PasskeySummary, index: number): TemplateResult {
  const { s } = h;
  const editing = h.editing === passkey.id;
  const name = `passkey-${index}`;
  return html`<tr part="row">
    <th scope="row" id=${name} part="name">${editing ? renameForm(h, passkey) : passkey.name}</th>
    <td>${date(passkey.created_at)}</td>
    <td>${passkey.last_used_at ? date(passkey.last_used_at) : s.passkeys_never_used}</td>
    <td>${passkey.device_type === 'multiDevice' ? s.passkeys_synced : s.passkeys_device_only}</td>
    <td>${passkey.backed_up ? s.passkeys_yes : s.passkeys_no}</td>
    <td class="buttons">
      ${
        h.locked
          ? nothing
          : html`<button
                part="secondary rename"
                type="button"
                data-id=${passkey.id}
                aria-describedby=${name}
                ?disabled=${!!h.working}
                @click=${() => h.rename(passkey)}
              >
                ${s.passkeys_rename}
              </button>
              <button
                part="secondary danger delete"
                type="button"
                aria-describedby=${name}
                ?disabled=${!!h.working}
                @click=${() => h.askDelete(passkey)}
              >
                ${s.passkeys_delete}
              </button>`
      }
    </td>
  </tr>`;
}

/** The user's passkeys: name, created, last used, synced or bound to one device, backed up. */
export function passkeyTable(h: TableHost, passkeys: PasskeySummary[]): TemplateResult {
  const { s } = h;
  return html`<table part="table">
    <thead>
      <tr>
        <th scope="col">${s.passkeys_name}</th>
        <th scope="col">${s.passkeys_created}</th>
        <th scope="col">${s.passkeys_last_used}</th>
        <th scope="col">${s.passkeys_type}</th>
        <th scope="col">${s.passkeys_backed_up}</th>
        <th scope="col"><span class="vh">${s.passkeys_actions}</span></th>
      </tr>
    </thead>
    <tbody>
      ${passkeys.map((passkey, index) => row(h, passkey, index))}
    </tbody>
  </table>`;
}
