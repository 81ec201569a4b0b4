/**
 * The frame of every field: its control, and its validation error right under it, tied to the
 * control with `aria-describedby`/`aria-invalid`. `data-field` lets the editor focus the first
 * invalid field after a failed save.
 */
import { createElement } from '@wordpress/element';
import type { ReactNode } from 'react';
import type { LoginProfile } from '../../../protocol/profile.ts';
import { fieldId, type FieldErrors } from '../draft.ts';

/** What each section of the form receives. */
export interface SectionProps {
  draft: LoginProfile;
  /** Applies a change to the draft (and clears the errors of the fields named). */
  change: (update: (draft: LoginProfile) => LoginProfile, ...fields: string[]) => void;
  errors: FieldErrors;
}

export const errorId = (field: string) => `${fieldId(field)}-error`;

/**
 * Props that tie a control to its error: spread them onto the control. They replace the
 * `aria-describedby` the component sets for its help text (`<id>__help`), so that is named too
 * (an id that does not exist is ignored).
 */
export function invalidProps(field: string, errors: FieldErrors) {
  if (!errors[field]) return {};
  return { 'aria-invalid': true as const, 'aria-describedby': `${errorId(field)} ${fieldId(field)}__help` };
}

export function Field({ field, errors, children }: { field: string; errors: FieldErrors; children: ReactNode }) {
  const error = errors[field];
  return (
    <div className={`workos-profiles-field${error ? ' has-error' : ''}`} data-field={field}>
      {children}
      {error ? (
        <p className="workos-profiles-field-error" id={errorId(field)}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Focuses the first control of a field (after a failed save). */
export function focusField(field: string): void {
  const frame = document.querySelector(`[data-field="${CSS.escape(field)}"]`);
  // The control with the field's id (e.g. the typed organization ID, not the picker before it).
  const control =
    document.getElementById(fieldId(field)) ??
    frame?.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea, button');
  control?.focus();
  frame?.scrollIntoView?.({ block: 'center' });
}
