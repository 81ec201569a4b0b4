import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import signedInFixture from '../protocol/fixtures/browser-signed-in-response.json' with { type: 'json' };
import { DEFAULT_STRINGS } from '../protocol/strings.ts';
import type { WorkosErrorEvent } from './events.ts';
import { navigation } from './navigation.ts';
import { fakeWordPress, json, type FakeWordPress, type RecordedRequest } from './test/fake-wordpress.ts';
import { loginFixture, type } from './test/login-fixture.ts';
import { afterEach, beforeEach, describe, it } from './test/mocha.ts';

/**
 * A page with the element may come from a full-page cache long after the nonce printed into it
 * expired: the element asks WordPress for a fresh one (`GET nonce`) and tries once more.
 */
describe('<workos-login> on a page older than its nonce', () => {
  let wordpress: FakeWordPress | undefined;
  const originalAssign = navigation.assign;
  const expired = json(403, { type: 'error', code: 'invalid_nonce', message: '' });

  beforeEach(() => {
    navigation.assign = () => {};
  });
  afterEach(() => {
    navigation.assign = originalAssign;
    wordpress?.restore();
  });

  /** WordPress that accepts only `valid` and hands out `fresh` on `GET nonce`. */
  function wordpressWithNonce(valid: string, fresh: string) {
    wordpress = fakeWordPress((request: RecordedRequest) => {
      if (request.method === 'GET') return json(200, { nonce: fresh });
      return request.headers.get('X-WorkOS-Nonce') === valid ? json(200, signedInFixture) : expired.clone();
    });
    return wordpress;
  }

  async function signIn(attributes: Record<string, string>) {
    const parts = await loginFixture({ 'api-root': '/wp-json/workos/v1/', ...attributes });
    await type(parts.email, 'ada@example.com');
    await type(parts.password, 'Correct-Horse-7');
    const signedIn = oneEvent(parts.el, 'workos-signed-in');
    const failed = oneEvent<WorkosErrorEvent>(parts.el, 'workos-error');
    await sendKeys({ press: 'Enter' });
    return { ...parts, signedIn, failed };
  }

  const sent = () =>
    wordpress!.requests.map((r) => `${r.method} ${r.url} ${r.headers.get('X-WorkOS-Nonce') ?? ''}`.trim());

  it('fetches a fresh nonce when WordPress says the page expired, and signs in', async () => {
    wordpressWithNonce('fresh', 'fresh');
    const { signedIn } = await signIn({ nonce: 'stale' });
    await signedIn;
    expect(sent()).to.deep.equal([
      'POST /wp-json/workos/v1/auth/password stale',
      'GET /wp-json/workos/v1/nonce',
      'POST /wp-json/workos/v1/auth/password fresh',
    ]);
    expect(wordpress!.requests[1].credentials, 'fetch’s default: same-origin, never other sites').to.not.equal(
      'include',
    );
    expect(wordpress!.requests[2].body, 'the same request, once more').to.deep.equal(wordpress!.requests[0].body);
  });

  it('gets one when the page has none (a theme printed the element without it)', async () => {
    wordpressWithNonce('fresh', 'fresh');
    const { signedIn } = await signIn({ nonce: '' });
    await signedIn;
    expect(sent()).to.deep.equal([
      'POST /wp-json/workos/v1/auth/password',
      'GET /wp-json/workos/v1/nonce',
      'POST /wp-json/workos/v1/auth/password fresh',
    ]);
  });

  it('keeps the fresh nonce for the next steps', async () => {
    wordpressWithNonce('fresh', 'fresh');
    const { el, signedIn } = await signIn({ nonce: 'stale' });
    await signedIn;
    expect(el.nonce).to.equal('fresh');
  });

  it('tries once: a fresh nonce refused too shows the expired-page error', async () => {
    wordpressWithNonce('never', 'fresh');
    const { el, alert, failed } = await signIn({ nonce: 'stale' });
    const event = await failed;
    expect(event.detail).to.deep.equal({ code: 'invalid_nonce', message: DEFAULT_STRINGS.error_invalid_nonce });
    expect(sent()).to.have.length(3);
    await el.updateComplete;
    expect(alert.textContent?.trim()).to.equal(DEFAULT_STRINGS.error_invalid_nonce);
  });

  it('keeps the expired-page error when no fresh nonce can be had', async () => {
    wordpress = fakeWordPress((request) => (request.method === 'GET' ? 'network-error' : expired.clone()));
    const { failed } = await signIn({ nonce: 'stale' });
    expect((await failed).detail.code).to.equal('invalid_nonce');
    expect(sent()).to.deep.equal(['POST /wp-json/workos/v1/auth/password stale', 'GET /wp-json/workos/v1/nonce']);
  });
});
