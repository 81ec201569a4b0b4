import { html, nothing, type TemplateResult } from 'lit';
import type { BrowserRoute } from '../../protocol/messages.ts';
import type { Host } from './view.ts';

/** Building blocks every view shares: labelled fields, buttons, and reading a form. */

export interface FieldOptions {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'tel';
  autocomplete: string;
  value?: string;
  readonly?: boolean;
  inputmode?: 'email' | 'numeric' | 'tel';
  /** A line under the label, read with the field (`aria-describedby`). */
  hint?: string;
  /** Several problems at once (password policy), shown as a list instead of one error. */
  problems?: string[];
  onInput?: (event: InputEvent) => void;
}

/** A label, its input and its errors; ids follow `name` so a view has each name once. */
export function field(h: Host, o: FieldOptions): TemplateResult {
  const error = h.errors[o.name];
  const problems = o.problems?.length ? o.problems : null;
  const errorId = error || problems ? `${o.name}-error` : '';
  const describedBy = [o.hint ? `${o.name}-hint` : '', errorId].filter(Boolean).join(' ');
  const plain = o.type === 'email' || o.type === 'tel' || o.inputmode === 'numeric';
  return html`<div part="field" class="field">
    <label part="label" for=${o.name}>${o.label}</label>
    ${o.hint ? html`<p part="hint" class="hint" id="${o.name}-hint">${o.hint}</p>` : nothing}
    <input
      part="input"
      id=${o.name}
      name=${o.name}
      type=${o.type ?? 'text'}
      autocomplete=${o.autocomplete}
      inputmode=${o.inputmode ?? nothing}
      autocapitalize=${plain ? 'none' : nothing}
      spellcheck=${plain ? 'false' : nothing}
      ?readonly=${o.readonly}
      required
      .value=${o.value ?? ''}
      aria-invalid=${errorId ? 'true' : 'false'}
      aria-describedby=${describedBy || nothing}
      @input=${o.onInput}
    />
    ${
      problems
        ? html`<ul part="field-error" class="field-error" id=${errorId}>
            ${problems.map((p) => html`<li>${p}</li>`)}
          </ul>`
        : error
          ? html`<p part="field-error" class="field-error" id=${errorId}>${h.s[error]}</p>`
          : nothing
    }
  </div>`;
}

export const emailField = (h: Host, o: Partial<FieldOptions> = {}): TemplateResult =>
  field(h, {
    name: 'email',
    label: h.s.email_label,
    type: 'email',
    autocomplete: 'username',
    inputmode: 'email',
    value: h.email,
    ...o,
  });

/** Pasted or autofilled codes arrive as "123 456" or "123-456": keep the digits' company out. */
function tidyCode(event: InputEvent): void {
  const input = event.target as HTMLInputElement;
  const tidy = input.value.replace(/[\s\-‐-―.]/g, '');
  if (tidy !== input.value) input.value = tidy;
}

export const codeField = (h: Host): TemplateResult =>
  field(h, {
    name: 'code',
    label: h.s.code_label,
    autocomplete: 'one-time-code',
    inputmode: 'numeric',
    onInput: tidyCode,
  });

/** The primary button of a view; it names the route it sends, to show busy and rate limits. */
export const submit = (h: Host, route: BrowserRoute, label: string, busyLabel = h.s.working): TemplateResult => {
  const busy = h.pending === route;
  return html`<button part="button" type="submit" ?disabled=${h.blocked(route)} aria-busy=${busy ? 'true' : 'false'}>
    ${busy ? busyLabel : label}
  </button>`;
};

/** A button that looks like a link: moves between views, never submits. */
export const link = (label: string, onClick: () => void, disabled = false): TemplateResult =>
  html`<button part="link" class="link" type="button" ?disabled=${disabled} @click=${onClick}>${label}</button>`;

/** "Back to sign in" / "Start again", under a step. */
export const back = (h: Host, label = h.s.start_again): TemplateResult =>
  html`<p class="links">${link(label, () => h.show('start'), h.busy)}</p>`;

/** A paragraph explaining the step, under its heading. */
export const text = (content: string): TemplateResult => html`<p part="text" class="text">${content}</p>`;

/** A step's string field, or '' (see `data.ts` for the other readers). */
export const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The trimmed value of the form's input `name` ('' when it has none). */
export function value(form: HTMLFormElement, name: string, trim = true): string {
  const input = form.elements.namedItem(name);
  const raw = input instanceof HTMLInputElement ? input.value : '';
  return trim ? raw.trim() : raw;
}
