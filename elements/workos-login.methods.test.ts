import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { DEFAULT_STRINGS as S } from '../protocol/strings.ts';
import { navigation } from './navigation.ts';
import type { FakeWordPress } from './test/fake-wordpress.ts';
import { focused, loginFixture, type } from './test/login-fixture.ts';
import { afterEach, beforeEach, describe, it } from './test/mocha.ts';
import { button, errorAnswer, heading, input, nextStep, scriptedWordPress, stepAnswer, until } from './test/steps.ts';
import type { WorkosLogin } from './workos-login.ts';

const ALL = 'oauth_google,password,magic_code,oauth_microsoft,oauth_github,oauth_apple,sso,passkey';
const AUTHORIZE_URL = 'https://api.workos.test/user_management/authorize?state=x';

describe('<workos-login> first screen', () => {
  let wordpress: FakeWordPress | undefined;
  let visited: string[];
  const originalAssign = navigation.assign;
  beforeEach(() => {
    visited = [];
    navigation.assign = (url) => void visited.push(url);
  });
  afterEach(() => {
    navigation.assign = originalAssign;
    wordpress?.restore();
  });

  it('shows every method in the profile order, providers named and marked, with no axe violations', async () => {
    const { el, root } = await loginFixture({ methods: ALL, 'password-reset': '', signup: '' });
    const names = [...root.querySelectorAll('form > *:not(.alert, .status, .logo, h2), form .stack > *')]
      .map((node) => node.textContent?.trim().replace(/\s+/g, ' '))
      .filter(Boolean);
    const order = [S.oauth_google, S.or, S.submit, S.magic_code_send, S.or, S.oauth_microsoft, S.sso_continue];
    const positions = order.map((text) => names.findIndex((name, i) => name?.includes(text) && i >= 0));
    expect(
      positions.every((p) => p >= 0),
      JSON.stringify(names),
    ).to.equal(true);
    for (const provider of ['google', 'microsoft', 'github', 'apple'] as const) {
      const b = button(root, S[`oauth_${provider}`])!;
      expect(b, provider).to.exist;
      expect(b.type).to.equal('button');
      expect(b.querySelector('svg')?.getAttribute('aria-hidden')).to.equal('true');
      expect(b.getAttribute('part')).to.equal('secondary provider');
    }
    const google = button(root, S.oauth_google)!;
    const microsoft = button(root, S.oauth_microsoft)!;
    const passwordInput = input(root, 'password');
    expect(google.compareDocumentPosition(passwordInput) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    expect(passwordInput.compareDocumentPosition(microsoft) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    expect(root.querySelectorAll('[part="divider"]')).to.have.length(2);
    expect(button(root, S.forgot_password)).to.exist;
    expect(button(root, S.create_account)).to.exist;
    await expect(el).to.be.accessible();
  });

  it('shows only the password form by default, and nothing for unknown methods', async () => {
    const { root } = await loginFixture({ methods: 'carrier_pigeon, ,fax' });
    expect(root.querySelectorAll('input[name="email"], input[name="password"]')).to.have.length(2);
    expect(root.querySelectorAll('button')).to.have.length(1);
    expect(button(root, S.forgot_password)).to.equal(undefined);
    expect(button(root, S.create_account)).to.equal(undefined);
  });

  it('starts social sign-in and leaves for the authorize URL WordPress answers', async () => {
    wordpress = scriptedWordPress(() => new Response(JSON.stringify({ type: 'redirect', url: AUTHORIZE_URL })));
    const { el, root } = await loginFixture({ methods: 'password,oauth_github', 'remember-me': 'ask' });
    root.querySelector<HTMLInputElement>('#remember')!.click();
    button(root, S.oauth_github)!.click();
    await until(() => visited.length === 1);
    expect(visited).to.deep.equal([AUTHORIZE_URL]);
    expect(wordpress.requests[0].url).to.equal('/wp-json/workos/v1/auth/authorize');
    expect(wordpress.requests[0].body).to.deep.equal({
      profile: 'default',
      kind: 'oauth',
      provider: 'github',
      redirect_to: 'http://localhost/wp-admin/',
      remember: true,
    });
    await el.updateComplete;
    expect(root.querySelector('[role="status"]')?.textContent).to.equal(S.redirecting);
    expect(button(root, S.oauth_github)!.disabled, 'locked while leaving').to.equal(true);
  });

  it('refuses to follow an unsafe redirect', async () => {
    wordpress = scriptedWordPress(() => new Response(JSON.stringify({ type: 'redirect', url: 'javascript:alert(1)' })));
    const { el, root } = await loginFixture({ methods: 'oauth_google' });
    button(root, S.oauth_google)!.click();
    await until(() => root.querySelector('[role="alert"]')!.textContent.trim() !== '');
    await el.updateComplete;
    expect(visited).to.deep.equal([]);
    expect(root.querySelector('[role="alert"]')?.textContent?.trim()).to.equal(S.error_internal_error);
  });

  it('goes straight to the pinned organization with sso="organization"', async () => {
    wordpress = scriptedWordPress(() => new Response(JSON.stringify({ type: 'redirect', url: AUTHORIZE_URL })));
    const { root } = await loginFixture({ methods: 'sso', sso: 'organization' });
    button(root, S.sso_continue)!.click();
    await until(() => visited.length === 1);
    expect(wordpress.requests[0].body).to.include({ kind: 'sso_organization' });
  });

  it('asks for a work email first with sso="email", prefilled, then authorizes by domain', async () => {
    wordpress = scriptedWordPress(
      errorAnswer(400, 'sso_unavailable'),
      () => new Response(JSON.stringify({ type: 'redirect', url: AUTHORIZE_URL })),
    );
    const { el, root } = await loginFixture({ methods: 'password,sso' });
    await type(input(root, 'email'), 'eve@sso.example.com');
    button(root, S.sso_continue)!.click();
    await until(() => heading(root) === S.sso_heading);
    await el.updateComplete;
    expect(focused(root)?.id, 'focus on the new heading').to.equal('heading');
    const email = input(root, 'email');
    expect(email.value).to.equal('eve@sso.example.com');
    expect(email.labels?.[0]?.textContent).to.equal(S.sso_email_label);
    await expect(el).to.be.accessible();
    await type(email, 'eve@nowhere.example');
    await sendKeys({ press: 'Enter' });
    await until(() => root.querySelector('[role="alert"]')!.textContent.trim() === S.error_sso_unavailable);
    expect(wordpress.requests[0].body).to.include({ kind: 'sso', email: 'eve@nowhere.example' });
    await type(input(root, 'email'), 'eve@sso.example.com');
    await sendKeys({ press: 'Enter' });
    await until(() => visited.length === 1);
    button(root, S.back_to_sign_in)!.click();
  });

  it('validates the SSO email before sending', async () => {
    wordpress = scriptedWordPress();
    const { el, root } = await loginFixture({ methods: 'sso' });
    button(root, S.sso_continue)!.click();
    await until(() => heading(root) === S.sso_heading);
    root.querySelector('form')!.requestSubmit();
    await el.updateComplete;
    await until(() => focused(root) === input(root, 'email'));
    expect(root.getElementById('email-error')?.textContent).to.equal(S.email_required);
    expect(wordpress.requests).to.have.length(0);
    button(root, S.back_to_sign_in)!.click();
    await until(() => heading(root) === S.heading);
  });

  it('sends a magic code from the password form, checking only the email', async () => {
    wordpress = scriptedWordPress(stepAnswer('code_sent', { email: 'ada@example.com', resend_after: 30 }));
    const { el, root } = await loginFixture({ methods: 'password,magic_code' });
    const magic = button(root, S.magic_code_send)!;
    expect(magic.type).to.equal('button');
    magic.click();
    await el.updateComplete;
    await until(() => focused(root) === input(root, 'email'));
    expect(root.getElementById('email-error')?.textContent).to.equal(S.email_required);
    expect(input(root, 'password').getAttribute('aria-invalid'), 'password not needed').to.equal('false');
    await type(input(root, 'email'), 'ada@example.com');
    const step = nextStep(el);
    magic.click();
    expect(await step).to.equal('code_sent');
    expect(wordpress.requests[0].url).to.match(/auth\/magic_code_send$/);
    expect(wordpress.requests[0].body).to.deep.equal({
      profile: 'default',
      email: 'ada@example.com',
      redirect_to: 'http://localhost/wp-admin/',
    });
  });

  it('makes "Email me a code" the submit button when it is the only email method', async () => {
    wordpress = scriptedWordPress(stepAnswer('code_sent', { email: 'ada@example.com', resend_after: 30 }));
    const { el, root } = await loginFixture({ methods: 'magic_code,oauth_google' });
    expect(input(root, 'password')).to.equal(null);
    expect(button(root, S.magic_code_send)!.type).to.equal('submit');
    await expect(el).to.be.accessible();
    await type(input(root, 'email'), 'ada@example.com');
    const step = nextStep(el);
    await sendKeys({ press: 'Enter' });
    expect(await step).to.equal('code_sent');
  });

  it('is one "Continue" to hosted AuthKit in authkit_redirect mode', async () => {
    wordpress = scriptedWordPress(() => new Response(JSON.stringify({ type: 'redirect', url: AUTHORIZE_URL })));
    const { el, root } = await loginFixture({ methods: ALL, mode: 'authkit_redirect', signup: '' });
    expect(root.querySelectorAll('button')).to.have.length(1);
    expect(root.querySelectorAll('input')).to.have.length(0);
    await expect(el).to.be.accessible();
    button(root, S.continue)!.click();
    await until(() => visited.length === 1);
    expect(wordpress.requests[0].body).to.include({ kind: 'authkit' });
  });

  it('lays out right to left with logical properties', async () => {
    wordpress = scriptedWordPress(errorAnswer(401, 'invalid_credentials'));
    const wrapper = await fixture<HTMLDivElement>(
      html`<div dir="rtl"><workos-login methods=${ALL}></workos-login></div>`,
    );
    const el = wrapper.querySelector<WorkosLogin>('workos-login')!;
    await el.updateComplete;
    const root = el.shadowRoot!;
    input(root, 'email').value = 'ada@example.com';
    input(root, 'password').value = 'wrong';
    root.querySelector('form')!.requestSubmit();
    await until(() => root.querySelector('.alert.shown') !== null);
    const alert = getComputedStyle(root.querySelector('.alert')!);
    expect(alert.borderRightWidth).to.equal('4px');
    expect(alert.borderLeftWidth).to.equal('0px');
    expect(getComputedStyle(input(root, 'email')).direction, 'emails stay left to right').to.equal('ltr');
    const google = button(root, S.oauth_google)!;
    const [mark, label] = [google.querySelector('svg')!, google.querySelector('span')!];
    expect(mark.getBoundingClientRect().left, 'mark on the start (right) side').to.be.greaterThan(
      label.getBoundingClientRect().left,
    );
    await expect(el).to.be.accessible();
  });
});
