import { css } from 'lit';

/*
 * Private `--_*` variables hold each public `--workos-login-*` property with its default, so the
 * defaults are written once. Dark defaults come through `light-dark()`: they follow the page's
 * `color-scheme` (a theme that declares `light dark` gets them when the visitor prefers dark), so a
 * light-only WordPress theme never shows a dark card in the middle of a light page.
 */
export const styles = css`
  :host {
    --_primary: var(--workos-login-primary, #4338ca);
    --_primary-text: var(--workos-login-primary-text, #ffffff);
    --_background: var(--workos-login-background, #ffffff);
    --_text: var(--workos-login-text, #1f2328);
    --_muted: var(--workos-login-border, #6b7079);
    --_error: var(--workos-login-error, #b42318);
    --_focus: var(--workos-login-focus, var(--workos-login-primary, #4338ca));
    --_radius: var(--workos-login-radius, 0.5rem);

    display: block;
    box-sizing: border-box;
    /* Full width up to the maximum, also inside flex/grid pages, so errors never resize the card. */
    inline-size: 100%;
    max-inline-size: var(--workos-login-max-width, 24rem);
    margin-inline: auto;
    font-family: var(--workos-login-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: 1rem;
    line-height: 1.5;
    color: var(--_text);
  }

  @supports (color: light-dark(#000, #fff)) {
    :host {
      /* White button text in both schemes, so a theme that sets only the primary keeps contrast. */
      --_primary: var(--workos-login-primary, light-dark(#4338ca, #5b5bd6));
      --_focus: var(--workos-login-focus, var(--workos-login-primary, light-dark(#4338ca, #a5b4fc)));
      --_background: var(--workos-login-background, light-dark(#ffffff, #1b1e24));
      --_text: var(--workos-login-text, light-dark(#1f2328, #e6e8eb));
      --_muted: var(--workos-login-border, light-dark(#6b7079, #9299a3));
      --_error: var(--workos-login-error, light-dark(#b42318, #ffa198));
    }
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  form {
    position: relative;
    display: grid;
    gap: 1rem;
    padding: 2rem 1.5rem;
    background: var(--_background);
    border-radius: var(--_radius);
    box-shadow:
      0 1px 3px rgb(0 0 0 / 0.12),
      0 8px 24px rgb(0 0 0 / 0.08);
  }

  h2 {
    margin: 0;
    font-size: 1.5rem;
    line-height: 1.25;
    font-weight: 650;
    text-align: center;
  }

  /* Pulled towards the heading it belongs to; the form's gap stays for everything else. */
  .subheading {
    margin: -0.5rem 0 0;
    text-align: center;
  }

  .logo {
    display: flex;
    justify-content: center;
  }

  .logo.empty {
    display: none;
  }

  ::slotted(img),
  ::slotted(svg) {
    display: block;
    max-inline-size: 100%;
    max-block-size: var(--workos-login-logo-height, 3rem);
    inline-size: auto;
  }

  .field {
    display: grid;
    gap: 0.375rem;
  }

  label {
    font-weight: 600;
  }

  input {
    inline-size: 100%;
    min-block-size: 2.75rem;
    padding: 0.5rem 0.75rem;
    font: inherit;
    color: inherit;
    background: var(--workos-login-input-background, transparent);
    border: 1px solid var(--_muted);
    border-radius: calc(var(--_radius) * 0.75);
    transition:
      border-color 150ms ease,
      box-shadow 150ms ease;
  }

  input[aria-invalid='true'] {
    border-color: var(--_error);
    box-shadow: inset 0 0 0 1px var(--_error);
  }

  /* Email addresses read left to right even on right-to-left pages. */
  :host(:dir(rtl)) input[type='email'] {
    direction: ltr;
    text-align: end;
  }

  input:focus-visible,
  button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .field-error {
    margin: 0;
    font-size: 0.875rem;
    color: var(--_error);
  }

  /*
   * Live regions stay in the accessibility tree while empty (a region that appears together with
   * its text is often not announced), but out of the grid so they add no gap.
   */
  .alert:not(.shown),
  .status:not(.shown) {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }

  .alert.shown {
    padding: 0.75rem 1rem;
    color: var(--_error);
    background: color-mix(in srgb, var(--_error) 10%, var(--_background));
    border-inline-start: 4px solid var(--_error);
    border-radius: calc(var(--_radius) * 0.5);
  }

  .status {
    margin: 0;
    text-align: center;
  }

  button {
    min-block-size: 2.75rem;
    padding: 0.5rem 1rem;
    font: inherit;
    font-weight: 600;
    color: var(--_primary-text);
    background: var(--_primary);
    border: 0;
    border-radius: calc(var(--_radius) * 0.75);
    cursor: pointer;
    transition: filter 150ms ease;
  }

  button:hover:not(:disabled) {
    filter: brightness(1.1);
  }

  button:disabled {
    cursor: progress;
    opacity: 0.75;
  }

  @media (prefers-reduced-motion: reduce) {
    input,
    button {
      transition: none;
    }
  }

  @media (forced-colors: active) {
    button {
      border: 1px solid ButtonText;
    }
  }

  .remember {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    margin-block-end: 1rem;
  }
  .remember input {
    inline-size: 1.125rem;
    block-size: 1.125rem;
    margin: 0;
    accent-color: var(--workos-login-primary, #4338ca);
  }
`;
