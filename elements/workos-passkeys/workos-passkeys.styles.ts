import { css } from 'lit';

/*
 * `<workos-passkeys>` sits in WordPress's profile screens: the admin's font and colours, its blue
 * buttons. Logical properties only, so right-to-left screens mirror without extra rules.
 */
export const styles = css`
  :host {
    --_primary: var(--workos-passkeys-primary, #2271b1);
    --_danger: var(--workos-passkeys-danger, #b32d2e);
    --_border: var(--workos-passkeys-border, #c3c4c7);
    display: block;
    max-inline-size: 60rem;
  }
  h2 {
    margin: 0 0 0.5rem;
    font-size: 1.3em;
  }
  h2:focus,
  [tabindex='-1']:focus {
    outline: none;
  }
  p {
    margin: 0 0 0.75rem;
  }
  .alert,
  .status {
    margin: 0;
  }
  .alert:not(:empty),
  .status:not(:empty) {
    margin-block-end: 0.75rem;
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--_primary);
    background: #fff;
  }
  .alert:not(:empty) {
    border-color: var(--_danger);
  }
  table {
    inline-size: 100%;
    margin-block-end: 0.75rem;
    border-collapse: collapse;
  }
  th,
  td {
    padding: 0.5rem;
    text-align: start;
    vertical-align: middle;
    border-block-end: 1px solid var(--_border);
  }
  thead th {
    font-weight: 600;
  }
  tbody th {
    font-weight: 400;
    overflow-wrap: anywhere;
  }
  .buttons,
  .bar,
  .rename {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .buttons {
    justify-content: flex-end;
  }
  button {
    min-block-size: 2rem;
    padding: 0 0.75rem;
    font: inherit;
    color: var(--_primary);
    background: #f6f7f7;
    border: 1px solid var(--_primary);
    border-radius: 3px;
    cursor: pointer;
  }
  button[part~='button'] {
    color: #fff;
    background: var(--_primary);
  }
  button[part~='danger'] {
    color: var(--_danger);
    border-color: var(--_danger);
  }
  button[part~='button'][part~='danger'] {
    color: #fff;
    background: var(--_danger);
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  input {
    min-block-size: 2rem;
    padding: 0 0.5rem;
    font: inherit;
    border: 1px solid #8c8f94;
    border-radius: 4px;
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .field-error {
    flex-basis: 100%;
    margin: 0;
    color: var(--_danger);
  }
  button:focus-visible,
  input:focus-visible,
  a:focus-visible {
    outline: 2px solid var(--_primary);
    outline-offset: 1px;
  }
  .confirm {
    margin-block-end: 0.75rem;
    padding: 0.75rem;
    border: 1px solid var(--_border);
  }
  .vh {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (forced-colors: active) {
    button {
      border: 1px solid ButtonText;
    }
  }
`;
