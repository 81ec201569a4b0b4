import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import errorFixture from '../protocol/fixtures/browser-error-response.json' with { type: 'json' };
import rateLimitedFixture from '../protocol/fixtures/browser-rate-limited-response.json' with { type: 'json' };
import signedInFixture from '../protocol/fixtures/browser-signed-in-response.json' with { type: 'json' };
import { DEFAULT_STRINGS } from '../protocol/strings.ts';
import type { WorkosErrorEvent } from './events.ts';
import { navigation } from './navigation.ts';
import { deferred, fakeWordPress, json, page, type Answer, type FakeWordPress } from './test/fake-wordpress.ts';
import { focused, loginFixture, type, withParts } from './test/login-fixture.ts';
import { afterEach, beforeEach, describe, it } from './test/mocha.ts';

describe('<workos-login> talking to WordPress', () => {
  let wordpress: FakeWordPress | undefined;
  let answer: Answer;
  let visited: string[];
  const originalAssign = navigation.assign;

  beforeEach(() => {
    visited = [];
    navigation.assign = (url) => void visited.push(url);
    wordpress = fakeWordPress(() => answer);
  });
  afterEach(() => {
    navigation.assign = originalAssign;
    wordpress?.restore();
  });

  /** Fills the form as a visitor would and presses Enter in the password field. */
  async function signIn(attributes: Record<string, string> = {}) {
    const parts = await loginFixture(attributes);
    await type(parts.email, 'ada@example.com');
    await type(parts.password, 'Correct-Horse-7');
    // Listen before pressing Enter: the fake answers before sendKeys returns.
    const failed = oneEvent<WorkosErrorEvent>(parts.el, 'workos-error');
    const signedIn = oneEvent(parts.el, 'workos-signed-in');
    await sendKeys({ press: 'Enter' });
    return { ...parts, failed, signedIn };
  }

  it('posts the credentials and goes where WordPress says', async () => {
    answer = json(200, signedInFixture);
    const parts = await loginFixture({ profile: 'staff', 'api-root': '/wp-json/workos/v1/', nonce: 'n0nce' });
    const signedIn = oneEvent(parts.el, 'workos-signed-in');
    await type(parts.email, '  ada@example.com ');
    await type(parts.password, 'Correct-Horse-7');
    await sendKeys({ press: 'Enter' });
    const event = await signedIn;
    expect(event.detail).to.deep.equal({ redirectTo: signedInFixture.redirect_to });
    expect(event).to.include({ bubbles: true, composed: true, cancelable: true });
    expect(visited).to.deep.equal([signedInFixture.redirect_to]);
    const [request] = wordpress!.requests;
    expect(request.url).to.equal('/wp-json/workos/v1/auth/password');
    expect(request).to.include({ method: 'POST', credentials: 'same-origin' });
    expect(request.headers.get('Content-Type')).to.equal('application/json');
    expect(request.headers.get('X-WorkOS-Nonce')).to.equal('n0nce');
    expect(request.body).to.deep.equal({
      profile: 'staff',
      email: 'ada@example.com',
      password: 'Correct-Horse-7',
      redirect_to: 'http://localhost/wp-admin/',
    });
    await parts.el.updateComplete;
    expect(parts.status.textContent).to.equal(DEFAULT_STRINGS.signed_in);
    expect(parts.button.disabled, 'stays locked while leaving').to.equal(true);
  });

  it('finds its nonce although the page CSP blanked the attribute', async () => {
    answer = json(200, signedInFixture);
    // Parsed with the attribute, as WordPress prints it: that is when Chromium hides nonces.
    const host = document.createElement('div');
    host.innerHTML = '<workos-login nonce="hidden-nonce"></workos-login>';
    document.body.append(host);
    try {
      const el = host.querySelector('workos-login')!;
      await el.updateComplete;
      const parts = withParts(el);
      expect(parts.el.getAttribute('nonce'), 'Chromium hides nonces under a header CSP').to.equal('');
      await type(parts.email, 'ada@example.com');
      await type(parts.password, 'Correct-Horse-7');
      const signedIn = oneEvent(parts.el, 'workos-signed-in');
      await sendKeys({ press: 'Enter' });
      await signedIn;
      expect(wordpress!.requests[0].headers.get('X-WorkOS-Nonce')).to.equal('hidden-nonce');
    } finally {
      host.remove();
    }
  });

  it('stays on the page when workos-signed-in is cancelled', async () => {
    answer = json(200, signedInFixture);
    const parts = await loginFixture();
    parts.el.addEventListener('workos-signed-in', (event) => event.preventDefault());
    const signedIn = oneEvent(parts.el, 'workos-signed-in');
    await type(parts.email, 'ada@example.com');
    await type(parts.password, 'Correct-Horse-7');
    parts.button.click();
    await signedIn;
    await parts.el.updateComplete;
    expect(visited).to.deep.equal([]);
    expect(parts.button.disabled).to.equal(false);
  });

  it('shows wrong credentials in the live region, clears and focuses the password', async () => {
    answer = json(401, errorFixture);
    const parts = await loginFixture();
    const failed = oneEvent<WorkosErrorEvent>(parts.el, 'workos-error');
    await type(parts.email, 'ada@example.com');
    await type(parts.password, 'wrong');
    await sendKeys({ press: 'Enter' });
    const event = await failed;
    expect(event.detail).to.deep.equal({ code: 'invalid_credentials', message: errorFixture.message });
    expect(event).to.include({ bubbles: true, composed: true });
    await parts.el.updateComplete;
    expect(parts.alert.textContent?.trim()).to.equal(errorFixture.message);
    expect(parts.alert.getAttribute('part')).to.equal('error');
    expect(parts.password.value).to.equal('');
    expect(focused(parts.root)).to.equal(parts.password);
    expect(parts.email.value).to.equal('ada@example.com');
    expect(visited).to.deep.equal([]);
    await expect(parts.el).to.be.accessible();
  });

  it("uses the element's own text when WordPress sends no message", async () => {
    answer = json(403, { type: 'error', code: 'invalid_nonce', message: '' });
    const { el, alert, failed } = await signIn();
    const event = await failed;
    expect(event.detail).to.deep.equal({ code: 'invalid_nonce', message: DEFAULT_STRINGS.error_invalid_nonce });
    await el.updateComplete;
    expect(alert.textContent?.trim()).to.equal(DEFAULT_STRINGS.error_invalid_nonce);
  });

  const normalised: Array<[string, () => Answer, string, string]> = [
    [
      'rest_invalid_param',
      () =>
        json(400, {
          code: 'rest_invalid_param',
          message: 'Invalid parameter(s): email',
          data: { status: 400, params: { email: 'x' } },
        }),
      'invalid_request',
      DEFAULT_STRINGS.error_invalid_request,
    ],
    [
      'rest_no_route',
      () =>
        json(404, {
          code: 'rest_no_route',
          message: 'No route was found matching the URL and request method.',
          data: { status: 404 },
        }),
      'internal_error',
      DEFAULT_STRINGS.error_internal_error,
    ],
    [
      'a PHP fatal error page',
      () => page(500, '<p>There has been a critical error on this website.</p>'),
      'internal_error',
      DEFAULT_STRINGS.error_internal_error,
    ],
    [
      'a proxy page',
      () => page(502, '<h1>Bad Gateway</h1>'),
      'server_unavailable',
      DEFAULT_STRINGS.error_server_unavailable,
    ],
    ['a network failure', () => 'network-error', 'network', DEFAULT_STRINGS.error_network],
    ['a rate limit', () => json(429, rateLimitedFixture), 'rate_limited', rateLimitedFixture.message],
  ];
  for (const [name, answerWith, code, message] of normalised) {
    it(`normalises ${name} into a friendly error`, async () => {
      answer = answerWith();
      const { el, alert, password, failed } = await signIn();
      const event = await failed;
      expect(event.detail).to.deep.equal({ code, message });
      await el.updateComplete;
      expect(alert.textContent?.trim()).to.equal(message);
      expect(password.value, 'only wrong credentials clear the password').to.equal('Correct-Horse-7');
    });
  }

  it('is busy while the request runs and sends only once', async () => {
    const held = deferred<Response>();
    answer = held.promise;
    const { el, form, button, alert } = await signIn();
    await el.updateComplete;
    expect(button.disabled).to.equal(true);
    expect(button.getAttribute('aria-busy')).to.equal('true');
    expect(button.textContent?.trim()).to.equal(DEFAULT_STRINGS.submitting);
    form.requestSubmit();
    await sendKeys({ press: 'Enter' });
    expect(wordpress!.requests).to.have.length(1);
    const failed = oneEvent<WorkosErrorEvent>(el, 'workos-error');
    held.resolve(json(503, { type: 'error', code: 'server_unavailable', message: '' }));
    await failed;
    await el.updateComplete;
    expect(button.disabled).to.equal(false);
    expect(button.getAttribute('aria-busy')).to.equal('false');
    expect(button.textContent?.trim()).to.equal(DEFAULT_STRINGS.submit);
    expect(alert.textContent?.trim()).to.equal(DEFAULT_STRINGS.error_server_unavailable);
    await expect(el).to.be.accessible();
  });

  it('clears the previous server error when trying again', async () => {
    answer = json(401, errorFixture);
    const { el, alert, password, form, failed } = await signIn();
    await failed;
    await type(password, 'again');
    const held = deferred<Response>();
    answer = held.promise;
    form.requestSubmit();
    await el.updateComplete;
    expect(alert.textContent?.trim()).to.equal('');
    held.resolve(json(200, signedInFixture));
    await oneEvent(el, 'workos-signed-in');
  });

  it('treats an unknown step as an error rather than hanging', async () => {
    answer = json(200, { type: 'step', step: 'passkey_dance', flow: 'sealed', data: {} });
    const { failed } = await signIn();
    const event = await failed;
    expect(event.detail.code).to.equal('internal_error');
  });
});
