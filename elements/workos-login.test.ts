import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { DEFAULT_STRINGS } from '../protocol/strings.ts';
import { fakeWordPress, type FakeWordPress } from './test/fake-wordpress.ts';
import { focused, loginFixture, type, withParts } from './test/login-fixture.ts';
import { afterEach, beforeEach, describe, it } from './test/mocha.ts';
import { WorkosLogin } from './workos-login.ts';

describe('<workos-login> form', () => {
  let wordpress: FakeWordPress;
  beforeEach(() => {
    wordpress = fakeWordPress(() => 'network-error');
  });
  afterEach(() => wordpress.restore());

  it('is defined as workos-login', () => {
    expect(document.createElement('workos-login')).to.be.instanceOf(WorkosLogin);
  });

  it('renders a real form with labelled fields password managers understand', async () => {
    const { root, form, email, password, button } = await loginFixture();
    expect(form.tagName).to.equal('FORM');
    expect(email.labels?.[0]?.textContent?.trim()).to.equal(DEFAULT_STRINGS.email_label);
    expect(password.labels?.[0]?.textContent?.trim()).to.equal(DEFAULT_STRINGS.password_label);
    expect(email.form).to.equal(form);
    expect(email).to.include({
      type: 'email',
      autocomplete: 'username',
      inputMode: 'email',
      required: true,
      spellcheck: false,
    });
    expect(email.getAttribute('autocapitalize')).to.equal('none');
    expect(password).to.include({ type: 'password', autocomplete: 'current-password', required: true });
    expect(button.type).to.equal('submit');
    expect(button.textContent?.trim()).to.equal(DEFAULT_STRINGS.submit);
    expect(root.querySelector('[part="heading"]')?.textContent).to.equal(DEFAULT_STRINGS.heading);
  });

  it('exposes every documented part', async () => {
    const { el, root, form } = await loginFixture();
    for (const part of ['form', 'heading', 'field', 'label', 'input', 'button', 'error']) {
      expect(root.querySelector(`[part~="${part}"]`), part).to.exist;
    }
    form.requestSubmit();
    await el.updateComplete;
    expect(root.querySelector('[part~="field-error"]')).to.exist;
  });

  it('has no axe violations at rest', async () => {
    const { el } = await loginFixture();
    await expect(el).to.be.accessible();
  });

  it('keeps contrast in a dark colour scheme', async () => {
    document.documentElement.style.colorScheme = 'dark';
    try {
      const { el, form } = await loginFixture();
      form.requestSubmit();
      await el.updateComplete;
      expect(getComputedStyle(form).backgroundColor).to.equal('rgb(27, 30, 36)');
      await expect(el).to.be.accessible();
    } finally {
      document.documentElement.style.colorScheme = '';
    }
  });

  it('blocks an empty form: no request, errors beside the fields, focus on the email', async () => {
    const { el, root, form, email, password } = await loginFixture();
    form.requestSubmit();
    await el.updateComplete;
    expect(wordpress.requests).to.have.length(0);
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(root.getElementById(email.getAttribute('aria-describedby')!)?.textContent).to.equal(
      DEFAULT_STRINGS.email_required,
    );
    expect(root.getElementById(password.getAttribute('aria-describedby')!)?.textContent).to.equal(
      DEFAULT_STRINGS.password_required,
    );
    expect(focused(root)).to.equal(email);
    await expect(el).to.be.accessible();
  });

  it('blocks a malformed email even with a password, and clears the error on typing', async () => {
    const { el, root, email, password } = await loginFixture();
    await type(email, 'ada@example');
    await type(password, 'Correct-Horse-7');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(wordpress.requests).to.have.length(0);
    expect(root.getElementById('email-error')?.textContent).to.equal(DEFAULT_STRINGS.email_invalid);
    expect(password.hasAttribute('aria-describedby')).to.equal(false);
    expect(focused(root)).to.equal(email);
    await sendKeys({ type: '.com' });
    await el.updateComplete;
    expect(email.getAttribute('aria-invalid')).to.equal('false');
    expect(root.getElementById('email-error')).to.equal(null);
  });

  it('focuses the password when only it is missing or too long', async () => {
    const { el, root, form, email, password } = await loginFixture();
    await type(email, 'ada@example.com');
    form.requestSubmit();
    await el.updateComplete;
    expect(focused(root)).to.equal(password);
    expect(root.getElementById('password-error')?.textContent).to.equal(DEFAULT_STRINGS.password_required);
    password.value = 'x'.repeat(1025);
    form.requestSubmit();
    await el.updateComplete;
    expect(root.getElementById('password-error')?.textContent).to.equal(DEFAULT_STRINGS.password_too_long);
    expect(wordpress.requests).to.have.length(0);
  });

  it('uses translated strings from i18n, defaults for the rest, and the heading override', async () => {
    const i18n = JSON.stringify({
      heading: 'Anmelden',
      email_label: 'E-Mail',
      email_required: 'E-Mail fehlt.',
      bogus: 'x',
    });
    const { el, root, email, form } = await loginFixture({ i18n });
    expect(root.querySelector('[part="heading"]')?.textContent).to.equal('Anmelden');
    expect(email.labels?.[0]?.textContent?.trim()).to.equal('E-Mail');
    expect(root.querySelector('button')?.textContent?.trim()).to.equal(DEFAULT_STRINGS.submit);
    form.requestSubmit();
    await el.updateComplete;
    expect(root.getElementById('email-error')?.textContent).to.equal('E-Mail fehlt.');
    el.setAttribute('heading', 'Welcome back');
    await el.updateComplete;
    expect(root.querySelector('[part="heading"]')?.textContent).to.equal('Welcome back');
  });

  it('falls back to the defaults on broken i18n JSON', async () => {
    const { root } = await loginFixture({ i18n: '{"heading": "Anm' });
    expect(root.querySelector('[part="heading"]')?.textContent).to.equal(DEFAULT_STRINGS.heading);
  });

  it('prefills the email from its attribute, as WordPress prints the element', async () => {
    const el = await fixture<WorkosLogin>(html`<workos-login email="grace@example.com" nonce="n"></workos-login>`);
    expect(withParts(el).email.value).to.equal('grace@example.com');
    expect(el).to.include({ profile: 'default', apiRoot: '/wp-json/workos/v1/', redirectTo: '' });
  });
});
