import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { WebAuthnError } from '@simplewebauthn/browser';
import { DEFAULT_STRINGS as S } from '../protocol/strings.ts';
import { json } from './test/fake-wordpress.ts';
import { loginFixture, type } from './test/login-fixture.ts';
import { afterEach, describe, it } from './test/mocha.ts';
import { button, errorAnswer, input, stepAnswer, until, useScriptedWordPress } from './test/steps.ts';
import { ASSERTION, REQUEST_OPTIONS, domError, spySignals, useFakeWebAuthn } from './test/webauthn.ts';

const signedIn = () => json(200, { type: 'signed_in', redirect_to: 'http://localhost/wp-admin/' });
const options = (flow = 'flow-passkey') => stepAnswer('passkey', { options: REQUEST_OPTIONS }, flow);
const passkeyButton = (root: ShadowRoot) => root.querySelector<HTMLButtonElement>('button[part~="passkey"]');
const alertText = (root: ShadowRoot) => root.querySelector('[role="alert"]')?.textContent?.trim() ?? '';

describe('<workos-login> passkey sign-in', () => {
  const t = useScriptedWordPress();
  const webauthn = useFakeWebAuthn();
  let restoreCredential: (() => void) | null = null;
  afterEach(() => {
    restoreCredential?.();
    restoreCredential = null;
  });

  /** Pretends this browser has no WebAuthn at all. */
  function withoutWebAuthn(): void {
    const descriptor = Object.getOwnPropertyDescriptor(window, 'PublicKeyCredential')!;
    delete (window as { PublicKeyCredential?: unknown }).PublicKeyCredential;
    restoreCredential = () => Object.defineProperty(window, 'PublicKeyCredential', descriptor);
  }

  it('offers "Sign in with a passkey" in the profile order and marks the email field for autofill', async () => {
    const { el, root } = await loginFixture({ methods: 'oauth_google,password,passkey,sso' });
    const names = [...root.querySelectorAll('button')].map((b) => b.textContent?.trim());
    expect(names).to.deep.equal([S.oauth_google, S.submit, S.passkey_sign_in, S.sso_continue]);
    const passkey = passkeyButton(root)!;
    expect(passkey.type).to.equal('button');
    expect(passkey.getAttribute('part')).to.equal('secondary passkey');
    expect(input(root, 'email').getAttribute('autocomplete')).to.equal('username webauthn');
    await expect(el).to.be.accessible();
  });

  it('shows no passkey button, and a plain email field, when the profile does not list passkeys', async () => {
    const { root } = await loginFixture({ methods: 'password,magic_code' });
    expect(passkeyButton(root)).to.equal(null);
    expect(input(root, 'email').getAttribute('autocomplete')).to.equal('username');
  });

  it('shows no passkey button where the browser has no WebAuthn, and never loads the passkey module', async () => {
    withoutWebAuthn();
    const { root } = await loginFixture({ methods: 'password,passkey' });
    expect(passkeyButton(root)).to.equal(null);
    expect(input(root, 'email').getAttribute('autocomplete')).to.equal('username');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(t.wordpress.requests).to.have.length(0);
  });

  it('does not start autofill where the browser cannot (no request at all)', async () => {
    const { el } = await loginFixture({ methods: 'password,passkey' });
    await until(() => !!el.shadowRoot && webauthn.authentications.length === 0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(t.wordpress.requests).to.have.length(0);
    expect(webauthn.authentications).to.have.length(0);
  });

  it('starts autofill after the first render: fresh options, then a conditional request inside the shadow root', async () => {
    webauthn.autofill = true;
    t.wordpress.push(options());
    await loginFixture({ methods: 'password,passkey' });
    await until(() => webauthn.authentications.length === 1);
    expect(t.wordpress.requests[0].url).to.match(/auth\/passkey_options$/);
    expect(t.wordpress.requests[0].body).to.deep.equal({
      profile: 'default',
      redirect_to: 'http://localhost/wp-admin/',
    });
    expect(webauthn.authentications[0]).to.deep.equal({
      optionsJSON: REQUEST_OPTIONS,
      useBrowserAutofill: true,
      verifyBrowserAutofillInput: false,
    });
  });

  it('signs in when the visitor picks a passkey from autofill', async () => {
    webauthn.autofill = true;
    webauthn.autofilled = async () => ASSERTION;
    t.wordpress.push(options('flow-auto'), signedIn());
    const { el } = await loginFixture({ methods: 'password,passkey' });
    let detail: unknown;
    el.addEventListener('workos-signed-in', (event) => (detail = event.detail));
    await until(() => t.visited.length === 1);
    expect(t.wordpress.requests[1].url).to.match(/auth\/passkey_verify$/);
    expect(t.wordpress.requests[1].body).to.deep.include({ flow: 'flow-auto', response: ASSERTION });
    expect(detail).to.deep.equal({ redirectTo: 'http://localhost/wp-admin/' });
    expect(t.visited).to.deep.equal(['http://localhost/wp-admin/']);
  });

  it('cancels autofill when the visitor submits a password, quietly, and offers it again after a failed attempt', async () => {
    webauthn.autofill = true;
    t.wordpress.push(options(), errorAnswer(401, 'invalid_credentials'), options('flow-again'));
    const { el, root } = await loginFixture({ methods: 'password,passkey' });
    await until(() => webauthn.authentications.length === 1);
    await type(input(root, 'email'), 'ada@example.com');
    await type(input(root, 'password'), 'wrong-horse');
    await sendKeys({ press: 'Enter' });
    await until(() => alertText(root) === S.error_invalid_credentials);
    expect(webauthn.cancels).to.equal(1);
    expect(t.wordpress.requests[1].url).to.match(/auth\/password$/);
    // The first screen is idle again: a fresh autofill request waits on the field.
    await until(() => webauthn.authentications.length === 2);
    expect(t.wordpress.requests[2].url).to.match(/auth\/passkey_options$/);
    expect(alertText(root)).to.equal(S.error_invalid_credentials);
    await expect(el).to.be.accessible();
  });

  it('cancels autofill when the element leaves the page', async () => {
    webauthn.autofill = true;
    t.wordpress.push(options());
    const { el } = await loginFixture({ methods: 'password,passkey' });
    await until(() => webauthn.authentications.length === 1);
    el.remove();
    expect(webauthn.cancels).to.equal(1);
  });

  it('restarts autofill quietly when its challenge expired while the field waited', async () => {
    webauthn.autofill = true;
    let picks = 0;
    webauthn.autofilled = () => (picks++ === 0 ? Promise.resolve(ASSERTION) : new Promise(() => {}));
    t.wordpress.push(options('flow-old'), errorAnswer(400, 'flow_expired'), options('flow-new'));
    const { root } = await loginFixture({ methods: 'password,passkey' });
    await until(() => webauthn.authentications.length === 2);
    expect(t.wordpress.requests.map((r) => r.url.split('/').pop())).to.deep.equal([
      'passkey_options',
      'passkey_verify',
      'passkey_options',
    ]);
    expect(alertText(root)).to.equal('');
  });

  it('says a chosen passkey is unknown, tells the browser through the Signal API, and keeps the password form usable', async () => {
    const signals = spySignals();
    try {
      webauthn.autofill = true;
      webauthn.autofilled = async () => ASSERTION;
      t.wordpress.push(options(), errorAnswer(400, 'passkey_unknown'));
      const { el, root } = await loginFixture({ methods: 'password,passkey' });
      await until(() => alertText(root) === S.error_passkey_unknown);
      expect(signals.calls.unknown).to.deep.equal([{ rpId: 'localhost', credentialId: ASSERTION.id }]);
      await expect(el).to.be.accessible();
      // Autofill rests after a failure; the password still signs in.
      await type(input(root, 'email'), 'ada@example.com');
      await type(input(root, 'password'), 'Correct-Horse-7');
      t.wordpress.push(signedIn());
      await sendKeys({ press: 'Enter' });
      await until(() => t.visited.length === 1);
      expect(t.wordpress.requests.map((r) => r.url.split('/').pop())).to.deep.equal([
        'passkey_options',
        'passkey_verify',
        'password',
      ]);
    } finally {
      signals.restore();
    }
  });

  it('signs in with the button: fresh options, the browser dialog, then verify', async () => {
    t.wordpress.push(options('flow-button'), signedIn());
    const { el, root } = await loginFixture({ methods: 'password,passkey', 'remember-me': 'ask' });
    root.querySelector<HTMLInputElement>('#remember')!.click();
    passkeyButton(root)!.click();
    await until(() => t.visited.length === 1);
    expect(webauthn.authentications).to.deep.equal([{ optionsJSON: REQUEST_OPTIONS }]);
    expect(t.wordpress.requests[0].body).to.deep.equal({
      profile: 'default',
      redirect_to: 'http://localhost/wp-admin/',
      remember: true,
    });
    expect(t.wordpress.requests[1].body).to.deep.equal({
      profile: 'default',
      redirect_to: 'http://localhost/wp-admin/',
      remember: true,
      flow: 'flow-button',
      response: ASSERTION,
    });
    await el.updateComplete;
    expect(root.querySelector('[role="status"]')?.textContent).to.equal(S.signed_in);
  });

  it('cancels a waiting autofill before the button opens the dialog', async () => {
    webauthn.autofill = true;
    t.wordpress.push(options('flow-auto'), options('flow-button'), signedIn());
    const { root } = await loginFixture({ methods: 'password,passkey' });
    await until(() => webauthn.authentications.length === 1);
    passkeyButton(root)!.click();
    await until(() => t.visited.length === 1);
    expect(webauthn.cancels).to.equal(1);
    expect(t.wordpress.requests[2].body).to.deep.include({ flow: 'flow-button' });
  });

  const failures: Array<[string, () => Error, string]> = [
    ['the dialog was closed or timed out', () => domError('NotAllowedError'), S.error_passkey_cancelled],
    ['the ceremony was aborted', () => domError('AbortError'), S.error_passkey_cancelled],
    [
      'the address may not use passkeys',
      () => domError('SecurityError', 'This is an invalid domain.'),
      S.error_passkey_not_allowed,
    ],
    [
      'the relying party id does not fit the address',
      () => new WebAuthnError({ message: 'bad rp id', code: 'ERROR_INVALID_RP_ID', cause: domError('SecurityError') }),
      S.error_passkey_not_allowed,
    ],
    [
      'the library finds no WebAuthn',
      () => new Error('WebAuthn is not supported in this browser'),
      S.error_passkey_unsupported,
    ],
    ['anything else', () => domError('UnknownError', 'boom'), S.error_passkey_failed],
  ];
  for (const [what, error, text] of failures) {
    it(`words it when ${what}, never the browser's message`, async () => {
      webauthn.authenticate = () => Promise.reject(error());
      t.wordpress.push(options());
      const { el, root } = await loginFixture({ methods: 'password,passkey' });
      const events: string[] = [];
      el.addEventListener('workos-error', (event) => events.push(event.detail.message));
      passkeyButton(root)!.click();
      await until(() => alertText(root) !== '');
      expect(alertText(root)).to.equal(text);
      expect(events).to.deep.equal([text]);
      expect(passkeyButton(root)!.disabled).to.equal(false);
      expect(button(root, S.submit)!.disabled).to.equal(false);
      await expect(el).to.be.accessible();
    });
  }

  for (const code of ['passkey_invalid', 'passkey_refused', 'passkey_unknown', 'method_disabled'] as const) {
    it(`shows the ${code} error WordPress answers, and the other methods stay usable`, async () => {
      t.wordpress.push(options(), errorAnswer(code === 'passkey_refused' ? 403 : 400, code));
      const { root } = await loginFixture({ methods: 'password,magic_code,passkey' });
      passkeyButton(root)!.click();
      await until(() => alertText(root) !== '');
      expect(alertText(root)).to.equal(S[`error_${code}`]);
      await type(input(root, 'email'), 'ada@example.com');
      t.wordpress.push(stepAnswer('code_sent', { email: 'ada@example.com', resend_after: 30 }));
      button(root, S.magic_code_send)!.click();
      await until(() => t.wordpress.requests.length === 3);
      expect(t.wordpress.requests[2].url).to.match(/auth\/magic_code_send$/);
    });
  }

  it('uses the real library: a refused browser dialog reads as cancelled', async () => {
    const original = Object.getOwnPropertyDescriptor(CredentialsContainer.prototype, 'get')!;
    Object.defineProperty(navigator.credentials, 'get', {
      configurable: true,
      value: () => Promise.reject(domError('NotAllowedError')),
    });
    try {
      const { webauthn: seam } = await import('./passkey/ceremony.ts');
      const { startAuthentication } = await import('@simplewebauthn/browser');
      seam.startAuthentication = startAuthentication;
      t.wordpress.push(options());
      const { root } = await loginFixture({ methods: 'password,passkey' });
      passkeyButton(root)!.click();
      await until(() => alertText(root) !== '');
      expect(alertText(root)).to.equal(S.error_passkey_cancelled);
    } finally {
      delete (navigator.credentials as unknown as Record<string, unknown>).get;
      expect(Object.getOwnPropertyDescriptor(CredentialsContainer.prototype, 'get')).to.deep.equal(original);
    }
  });

  it('shows the server error when options are refused (rate limited), with its countdown', async () => {
    t.wordpress.push(errorAnswer(429, 'rate_limited', { retry_after: 30 }));
    const { el, root } = await loginFixture({ methods: 'password,passkey' });
    passkeyButton(root)!.click();
    await until(() => alertText(root) === S.error_rate_limited);
    await el.updateComplete;
    expect(passkeyButton(root)!.disabled).to.equal(true);
    expect(button(root, S.submit)!.disabled).to.equal(false);
    expect(webauthn.authentications).to.have.length(0);
  });

  it('sends nothing from a preview', async () => {
    const { el, root } = await loginFixture({ methods: 'password,passkey', preview: '' });
    passkeyButton(root)!.click();
    await until(() => root.querySelector('[role="status"]')?.textContent !== '');
    await el.updateComplete;
    expect(t.wordpress.requests).to.have.length(0);
  });
});
