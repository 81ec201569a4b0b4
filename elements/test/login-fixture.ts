import { fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../workos-login.ts';
import type { WorkosLogin } from '../workos-login.ts';

/** The element as WordPress prints it, plus handles on its shadow DOM. */
export async function loginFixture(attributes: Record<string, string> = {}) {
  const el = await fixture<WorkosLogin>(html`<workos-login></workos-login>`);
  const all = { nonce: 'abc', 'redirect-to': 'http://localhost/wp-admin/', ...attributes };
  for (const [name, value] of Object.entries(all)) el.setAttribute(name, value);
  await el.updateComplete;
  return withParts(el);
}

export function withParts(el: WorkosLogin) {
  const root = el.shadowRoot!;
  const $ = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  return {
    el,
    root,
    form: $<HTMLFormElement>('form'),
    email: $<HTMLInputElement>('input[name="email"]'),
    password: $<HTMLInputElement>('input[name="password"]'),
    button: $<HTMLButtonElement>('button'),
    alert: $<HTMLElement>('[role="alert"]'),
    status: $<HTMLElement>('[role="status"]'),
  };
}

/** Types into a field like a visitor (real key events), replacing what it held. */
export async function type(input: HTMLInputElement, text: string): Promise<void> {
  input.focus();
  input.select();
  if (text === '') await sendKeys({ press: 'Backspace' });
  else await sendKeys({ type: text });
}

/** The element in the shadow root that has focus. */
export const focused = (root: ShadowRoot): Element | null => root.activeElement;
