import { css } from 'lit';

/*
 * Styles of the views' building blocks (secondary and link buttons, dividers, choices). Views
 * loaded on demand bring their own (`styles` of their module). Logical properties only, so
 * right-to-left pages mirror without extra rules.
 */
export const viewStyles = css`
  h2:focus {
    outline: none;
  }

  .stack {
    display: grid;
    gap: 0.75rem;
  }

  .text {
    margin: 0;
  }

  button.secondary {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 0.625rem;
    color: var(--_text);
    background: transparent;
    border: 1px solid var(--_muted);
  }

  button.secondary:hover:not(:disabled) {
    filter: none;
    background: color-mix(in srgb, var(--_text) 6%, transparent);
  }

  button.secondary svg {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    flex: none;
  }

  .divider {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    margin: 0;
    font-size: 0.875rem;
  }

  .divider::before,
  .divider::after {
    content: '';
    flex: 1;
    border-block-start: 1px solid var(--_muted);
  }

  .links {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: 0.5rem 1.5rem;
    margin: 0;
  }

  .links.end {
    justify-content: flex-end;
    margin-block-start: -0.5rem;
  }

  .link,
  .link:hover:not(:disabled) {
    min-block-size: 2.75rem;
    padding: 0.25rem;
    font-weight: 500;
    color: inherit;
    background: none;
    text-decoration: underline;
    text-underline-offset: 0.2em;
    filter: none;
  }

  .link:disabled {
    color: var(--_text);
    text-decoration: none;
    cursor: default;
  }

  .countdown,
  .status.shown {
    margin: 0;
    padding: 0.75rem 1rem;
    background: color-mix(in srgb, var(--_text) 6%, var(--_background));
    border-inline-start: 4px solid var(--_muted);
    border-radius: calc(var(--_radius) * 0.5);
  }

  /* Codes read left to right on right-to-left pages too. */
  :host(:dir(rtl)) input[autocomplete='one-time-code'] {
    direction: ltr;
    text-align: end;
  }
`;
