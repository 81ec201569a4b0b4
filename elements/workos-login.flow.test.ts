import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { DEFAULT_STRINGS as S } from '../protocol/strings.ts';
import type { WorkosErrorEvent } from './events.ts';
import { navigation } from './navigation.ts';
import { deferred } from './test/fake-wordpress.ts';
import { useFakeClock } from './test/fake-clock.ts';
import { focused, loginFixture, type } from './test/login-fixture.ts';
import { afterEach, beforeEach, describe, it } from './test/mocha.ts';
import { button, errorAnswer, heading, input, scriptedWordPress, stepAnswer, until } from './test/steps.ts';
import type { WorkosLogin } from './workos-login.ts';

const statusText = (root: ShadowRoot) => root.querySelector('[role="status"]')?.textContent;
const timer = (root: ShadowRoot) => root.querySelector<HTMLElement>('[part="countdown"]');

describe('<workos-login> rate limits, resuming and events', () => {
  let wordpress: ReturnType<typeof scriptedWordPress>;
  const time = useFakeClock();
  const originalAssign = navigation.assign;
  beforeEach(() => {
    navigation.assign = () => {};
    wordpress = scriptedWordPress();
  });
  afterEach(() => {
    navigation.assign = originalAssign;
    wordpress.restore();
  });

  it('counts a rate limit down, blocks only the limited way in, and says when it is over', async () => {
    const { el, root } = await loginFixture({ methods: 'password,magic_code' });
    await type(input(root, 'email'), 'ada@example.com');
    await type(input(root, 'password'), 'nope');
    wordpress.push(errorAnswer(429, 'rate_limited', {}, { 'Retry-After': '2' }));
    const failed = oneEvent<WorkosErrorEvent>(el, 'workos-error');
    await sendKeys({ press: 'Enter' });
    expect((await failed).detail.code).to.equal('rate_limited');
    await el.updateComplete;
    const signIn = button(root, S.submit)!;
    expect(timer(root)?.textContent).to.equal(S.retry_in.replace('{seconds}', '2'));
    expect(timer(root)?.getAttribute('role'), 'read on demand, not announced each second').to.equal('timer');
    expect(timer(root)?.hasAttribute('aria-live')).to.equal(false);
    expect(statusText(root), 'announced once, politely').to.equal(S.retry_in_announce.replace('{seconds}', '2'));
    expect(root.querySelector('[role="alert"]')?.textContent?.trim()).to.equal(S.error_rate_limited);
    expect(signIn.disabled).to.equal(true);
    expect(button(root, S.magic_code_send)!.disabled, 'other ways in stay usable').to.equal(false);
    root.querySelector('form')!.requestSubmit();
    expect(wordpress.requests).to.have.length(1);
    await expect(el).to.be.accessible();
    time.advance(1000);
    await el.updateComplete;
    expect(timer(root)?.textContent).to.equal(S.retry_in.replace('{seconds}', '1'));
    expect(signIn.disabled).to.equal(true);
    time.advance(1000);
    await el.updateComplete;
    expect(timer(root)).to.equal(null);
    expect(signIn.disabled).to.equal(false);
    expect(statusText(root)).to.equal(S.retry_now);
    await expect(el).to.be.accessible();
  });

  it('shows no countdown when WordPress gives no delay', async () => {
    const { el, root } = await loginFixture();
    input(root, 'email').value = 'ada@example.com';
    input(root, 'password').value = 'x';
    wordpress.push(errorAnswer(429, 'rate_limited'));
    const failed = oneEvent<WorkosErrorEvent>(el, 'workos-error');
    root.querySelector('form')!.requestSubmit();
    await failed;
    await el.updateComplete;
    expect(timer(root)).to.equal(null);
    expect(button(root, S.submit)!.disabled).to.equal(false);
  });

  it('is busy while a step request runs: buttons locked, the pressed one says so', async () => {
    const held = deferred<Response>();
    wordpress.push(held.promise);
    const { el, root } = await loginFixture({ methods: 'magic_code,oauth_google' });
    input(root, 'email').value = 'ada@example.com';
    root.querySelector('form')!.requestSubmit();
    await el.updateComplete;
    const send = root.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    expect(send.getAttribute('aria-busy')).to.equal('true');
    expect(send.textContent?.trim()).to.equal(S.working);
    expect(button(root, S.oauth_google)!.disabled).to.equal(true);
    const step = oneEvent(el, 'workos-step');
    held.resolve(stepAnswer('code_sent', { email: 'ada@example.com', resend_after: 30 }));
    await step;
  });

  it('fires workos-step with the step name, bubbling out of the shadow root', async () => {
    wordpress.push(stepAnswer('code_sent', { email: 'ada@example.com', resend_after: 30 }));
    const { el, root } = await loginFixture({ methods: 'magic_code' });
    input(root, 'email').value = 'ada@example.com';
    const event = oneEvent(document, 'workos-step');
    root.querySelector('form')!.requestSubmit();
    const fired = await event;
    expect(fired.detail).to.deep.equal({ step: 'code_sent' });
    expect(fired).to.include({ bubbles: true, composed: true });
    expect(fired.target).to.equal(el);
  });

  it('resumes at the step in its resume attribute, without moving focus', async () => {
    const resume = JSON.stringify({
      type: 'step',
      step: 'mfa_challenge',
      flow: 'sealed-after-callback',
      data: { factors: [{ id: 'auth_factor_01A', type: 'totp', label: null }] },
    });
    const host = document.createElement('div');
    const stepped = new Promise<Event>((resolve) => host.addEventListener('workos-step', resolve, { once: true }));
    host.innerHTML = `<workos-login methods="oauth_google" resume='${resume}'></workos-login>`;
    document.body.append(host);
    try {
      const el = host.querySelector<WorkosLogin>('workos-login')!;
      await stepped;
      await el.updateComplete;
      const root = el.shadowRoot!;
      expect(heading(root)).to.equal(S.mfa_heading);
      expect(focused(root)).to.equal(null);
      wordpress.push(stepAnswer('mfa_code', { factor: { id: 'auth_factor_01A', type: 'totp' }, others: [] }));
      button(root, S.factor_totp)!.click();
      await until(() => wordpress.requests.length === 1);
      expect(wordpress.requests[0].body).to.include({ factor_id: 'auth_factor_01A', flow: 'sealed-after-callback' });
      await expect(el).to.be.accessible();
    } finally {
      host.remove();
    }
  });

  it('a resumed sign-in keeps the remember-me choice made before WorkOS’s redirect', async () => {
    const resume = JSON.stringify({
      type: 'step',
      step: 'mfa_challenge',
      flow: 'sealed-after-callback',
      data: { factors: [{ id: 'auth_factor_01A', type: 'totp', label: null }] },
    });
    const host = document.createElement('div');
    const stepped = new Promise<Event>((resolve) => host.addEventListener('workos-step', resolve, { once: true }));
    host.innerHTML = `<workos-login remember-me="ask" remember resume='${resume}'></workos-login>`;
    document.body.append(host);
    try {
      const el = host.querySelector<WorkosLogin>('workos-login')!;
      await stepped;
      await el.updateComplete;
      wordpress.push(stepAnswer('mfa_code', { factor: { id: 'auth_factor_01A', type: 'totp' }, others: [] }));
      button(el.shadowRoot!, S.factor_totp)!.click();
      await until(() => wordpress.requests.length === 1);
      expect(wordpress.requests[0].body).to.include({ remember: true });
    } finally {
      host.remove();
    }
  });

  it('ignores a resume attribute that is not a step', async () => {
    const el = await fixture<WorkosLogin>(html`<workos-login resume='{"type":"step","step":"nope"}'></workos-login>`);
    expect(heading(el.shadowRoot!)).to.equal(S.heading);
    const broken = await fixture<WorkosLogin>(html`<workos-login resume="{oops"></workos-login>`);
    expect(heading(broken.shadowRoot!)).to.equal(S.heading);
    expect(wordpress.requests).to.have.length(0);
  });

  it('previews every method without sending anything', async () => {
    const { el, root } = await loginFixture({ preview: '', methods: 'oauth_apple,sso', sso: 'organization' });
    button(root, S.oauth_apple)!.click();
    await el.updateComplete;
    expect(wordpress.requests).to.have.length(0);
    expect(statusText(root)).to.not.equal('');
  });

  it('uses translations from i18n in the views it loads later, and their English defaults otherwise', async () => {
    const i18n = JSON.stringify({ signup_heading: 'Konto erstellen', create_account: 'Registrieren' });
    const { el, root } = await loginFixture({ signup: '', i18n });
    button(root, 'Registrieren')!.click();
    await until(() => heading(root) === 'Konto erstellen');
    await el.updateComplete;
    expect(input(root, 'first_name').labels?.[0]?.textContent).to.equal(S.first_name_label);
  });
});
