import { css, type TemplateResult } from 'lit';
import { NEW_PASSWORD_STRINGS } from '../../protocol/strings/new-password.ts';
import { field } from './fields.ts';
import type { Host } from './view.ts';

/** Choosing a new password: shared by the sign-up, invitation and reset views (loaded with them). */

export { NEW_PASSWORD_STRINGS };

/** The list of password problems under the field. */
export const newPasswordStyles = css`
  ul.field-error {
    padding-inline-start: 1.25rem;
  }
`;

/** A new password (sign-up, reset): WorkOS's policy problems are listed under it. */
export const newPasswordField = (h: Host, label = h.s.new_password_label): TemplateResult =>
  field(h, {
    name: 'password',
    label,
    type: 'password',
    autocomplete: 'new-password',
    problems: h.problems.map((p) => h.s[`problem_${p}`]),
  });
