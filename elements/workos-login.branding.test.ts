import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { DEFAULT_STRINGS } from '../protocol/strings.ts';
import { fakeWordPress, type FakeWordPress } from './test/fake-wordpress.ts';
import { loginFixture, type, withParts } from './test/login-fixture.ts';
import { afterEach, beforeEach, describe, it } from './test/mocha.ts';
import { DEFAULT_PREVIEW_NOTE, type WorkosLogin } from './workos-login.ts';

const LOGO = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="teal"/></svg>',
)}`;

describe('<workos-login> branding', () => {
  it('shows a subheading under the heading and describes the form with it', async () => {
    const { el, root, form } = await loginFixture({ subheading: 'Members only' });
    const heading = root.querySelector('[part="heading"]')!;
    const subheading = root.querySelector('[part="subheading"]')!;
    expect(subheading.textContent).to.equal('Members only');
    expect(heading.nextElementSibling).to.equal(subheading);
    expect(form.getAttribute('aria-describedby')).to.equal(subheading.id);
    el.subheading = '';
    await el.updateComplete;
    expect(root.querySelector('[part="subheading"]')).to.equal(null);
    expect(form.hasAttribute('aria-describedby')).to.equal(false);
  });

  it('hides the logo box until something is slotted into it', async () => {
    const { el, root } = await loginFixture();
    const box = root.querySelector<HTMLElement>('[part="logo"]')!;
    expect(getComputedStyle(box).display).to.equal('none');

    const img = Object.assign(document.createElement('img'), { src: LOGO, alt: 'Example Co.', slot: 'logo' });
    el.append(img);
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    expect(getComputedStyle(box).display).to.equal('flex');
    expect(box.compareDocumentPosition(root.querySelector('[part="heading"]')!)).to.equal(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
    expect(root.querySelector<HTMLSlotElement>('slot[name="logo"]')!.assignedElements()).to.deep.equal([img]);
  });

  it('shows a logo present from the start, with no axe violations', async () => {
    const el = await fixture<WorkosLogin>(html`
      <workos-login heading="Welcome back" subheading="Staff sign-in">
        <img slot="logo" src=${LOGO} alt="Example Co." />
      </workos-login>
    `);
    await el.updateComplete;
    const box = el.shadowRoot!.querySelector<HTMLElement>('[part="logo"]')!;
    expect(getComputedStyle(box).display).to.equal('flex');
    await expect(el).to.be.accessible();
  });

  it('applies the primary colour set on the host', async () => {
    const el = await fixture<WorkosLogin>(
      html`<workos-login style="--workos-login-primary:#123456; --workos-login-background:#fafafa"></workos-login>`,
    );
    const { button, form } = withParts(el);
    expect(getComputedStyle(button).backgroundColor).to.equal('rgb(18, 52, 86)');
    expect(getComputedStyle(form).backgroundColor).to.equal('rgb(250, 250, 250)');
    // The focus ring follows the primary unless it is set on its own.
    button.focus({ focusVisible: true } as FocusOptions);
    expect(getComputedStyle(button).outlineColor).to.equal('rgb(18, 52, 86)');
  });

  it('inherits the custom properties from a wrapper, as blocks set them', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="--workos-login-primary:#7a1f5c; --workos-login-text:#222222">
        <workos-login></workos-login>
      </div>`,
    );
    const el = wrapper.querySelector('workos-login')!;
    await el.updateComplete;
    const { button } = withParts(el);
    expect(getComputedStyle(button).backgroundColor).to.equal('rgb(122, 31, 92)');
    expect(getComputedStyle(el).color).to.equal('rgb(34, 34, 34)');
  });
});

describe('<workos-login preview>', () => {
  let wordpress: FakeWordPress;
  beforeEach(() => {
    wordpress = fakeWordPress(() => 'network-error');
  });
  afterEach(() => wordpress.restore());

  it('validates as usual and sends nothing', async () => {
    const { el, root, form, email, status } = await loginFixture({ preview: '' });
    expect(el.preview).to.equal(true);
    form.requestSubmit();
    await el.updateComplete;
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(root.getElementById('email-error')?.textContent).to.equal(DEFAULT_STRINGS.email_required);
    expect(status.textContent).to.equal('');
    expect(wordpress.requests).to.have.length(0);
  });

  it('announces the preview note politely instead of signing in', async () => {
    const { el, email, password, button, status } = await loginFixture({ preview: '' });
    await type(email, 'ada@example.com');
    await type(password, 'Correct-Horse-7');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(wordpress.requests).to.have.length(0);
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.textContent).to.equal(DEFAULT_PREVIEW_NOTE);
    expect(getComputedStyle(status).position, 'visible, not only announced').to.not.equal('absolute');
    expect(button.disabled).to.equal(false);
    await expect(el).to.be.accessible();

    // Typing again puts the form back to its resting state.
    await type(email, 'grace@example.com');
    await el.updateComplete;
    expect(status.textContent).to.equal('');
  });

  it('says what the editor passes in preview-note', async () => {
    const note = 'Vorschau: Die Anmeldung ist im Editor deaktiviert.';
    const { el, form, email, password, status } = await loginFixture({ preview: '', 'preview-note': note });
    email.value = 'ada@example.com';
    password.value = 'x';
    form.requestSubmit();
    await el.updateComplete;
    expect(status.textContent).to.equal(note);
    expect(wordpress.requests).to.have.length(0);
  });

  it('signs in for real once preview is switched off', async () => {
    const { el, form, email, password } = await loginFixture({ preview: '' });
    el.removeAttribute('preview');
    await el.updateComplete;
    email.value = 'ada@example.com';
    password.value = 'Correct-Horse-7';
    form.requestSubmit();
    await el.updateComplete;
    expect(wordpress.requests).to.have.length(1);
  });
});
