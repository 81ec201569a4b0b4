import { expect } from '@open-wc/testing';
import errorFixture from '../protocol/fixtures/browser-error-response.json' with { type: 'json' };
import rateLimitedFixture from '../protocol/fixtures/browser-rate-limited-response.json' with { type: 'json' };
import requestFixture from '../protocol/fixtures/browser-password-request.json' with { type: 'json' };
import signedInFixture from '../protocol/fixtures/browser-signed-in-response.json' with { type: 'json' };
import stepFixture from '../protocol/fixtures/browser-step-response.json' with { type: 'json' };
import { normaliseResponse, postPassword } from './api.ts';
import { fakeWordPress, json, page, type FakeWordPress } from './test/fake-wordpress.ts';
import { afterEach, describe, it } from './test/mocha.ts';

const text = (body: unknown): string => JSON.stringify(body);
/** The error code of a normalised answer, or the answer's type when it is not an error. */
const codeOf = (status: number, body: string, retryAfter: string | null = null): string => {
  const response = normaliseResponse(status, body, retryAfter);
  return response.type === 'error' ? response.code : response.type;
};

describe('normaliseResponse', () => {
  it('passes the contract fixtures through unchanged', () => {
    expect(normaliseResponse(200, text(signedInFixture))).to.deep.equal(signedInFixture);
    expect(normaliseResponse(200, text(stepFixture))).to.deep.equal(stepFixture);
    expect(normaliseResponse(401, text(errorFixture))).to.deep.equal(errorFixture);
    expect(normaliseResponse(429, text(rateLimitedFixture))).to.deep.equal(rateLimitedFixture);
  });

  it('maps WordPress core REST errors to contract codes without their technical messages', () => {
    const invalidParam = {
      code: 'rest_invalid_param',
      message: 'Invalid parameter(s): email',
      data: { status: 400, params: { email: 'Invalid email.' } },
    };
    expect(normaliseResponse(400, text(invalidParam))).to.deep.equal({
      type: 'error',
      code: 'invalid_request',
      message: '',
    });
    const noRoute = { code: 'rest_no_route', message: 'No route was found.', data: { status: 404 } };
    expect(normaliseResponse(404, text(noRoute))).to.deep.equal({ type: 'error', code: 'internal_error', message: '' });
    const cookieNonce = { code: 'rest_cookie_invalid_nonce', message: 'Cookie check failed', data: { status: 403 } };
    expect(codeOf(403, text(cookieNonce))).to.equal('invalid_nonce');
  });

  it("keeps the plugin's own WP_Error code and translated message", () => {
    const nonce = { code: 'invalid_nonce', message: 'Diese Seite ist abgelaufen.', data: { status: 403 } };
    expect(normaliseResponse(403, text(nonce))).to.deep.equal({
      type: 'error',
      code: 'invalid_nonce',
      message: 'Diese Seite ist abgelaufen.',
    });
    const limited = { code: 'rate_limited', message: 'Slow down.', data: { status: 429, retry_after: 30 } };
    expect(normaliseResponse(429, text(limited))).to.deep.equal({
      type: 'error',
      code: 'rate_limited',
      message: 'Slow down.',
      retry_after: 30,
    });
  });

  it('turns non-JSON bodies into errors by HTTP status', () => {
    const fatal = '<html><body><p>There has been a critical error on this website.</p></body></html>';
    expect(normaliseResponse(500, fatal)).to.deep.equal({ type: 'error', code: 'internal_error', message: '' });
    expect(codeOf(502, '<h1>502 Bad Gateway</h1>')).to.equal('server_unavailable');
    expect(codeOf(503, '')).to.equal('server_unavailable');
    expect(codeOf(200, 'OK')).to.equal('internal_error');
    expect(normaliseResponse(429, 'Too Many Requests', '17')).to.deep.equal({
      type: 'error',
      code: 'rate_limited',
      message: '',
      retry_after: 17,
    });
    expect(normaliseResponse(429, 'Too Many Requests', 'Wed, 21 Oct 2015 07:28:00 GMT')).to.not.have.property(
      'retry_after',
    );
  });

  it('refuses malformed or unsafe success bodies', () => {
    expect(codeOf(200, text({ type: 'signed_in' }))).to.equal('internal_error');
    expect(codeOf(200, text({ type: 'signed_in', redirect_to: 'javascript:alert(1)' }))).to.equal('internal_error');
    expect(codeOf(200, text({ type: 'step', step: 'mfa_challenge' }))).to.equal('internal_error');
    expect(codeOf(500, text(signedInFixture))).to.equal('internal_error');
    expect(codeOf(200, text([1, 2]))).to.equal('internal_error');
    expect(codeOf(200, 'null')).to.equal('internal_error');
  });

  it('replaces unknown codes and non-string messages', () => {
    expect(normaliseResponse(400, text({ type: 'error', code: 'weird', message: 7 }))).to.deep.equal({
      type: 'error',
      code: 'invalid_request',
      message: '',
    });
  });

  it('accepts relative redirects', () => {
    expect(normaliseResponse(200, text({ type: 'signed_in', redirect_to: '/wp-admin/' }))).to.deep.equal({
      type: 'signed_in',
      redirect_to: '/wp-admin/',
    });
  });
});

describe('postPassword', () => {
  let wordpress: FakeWordPress | undefined;
  afterEach(() => wordpress?.restore());

  it('posts JSON with the nonce, same-origin', async () => {
    wordpress = fakeWordPress(() => json(200, signedInFixture));
    const response = await postPassword(requestFixture, { apiRoot: '/wp-json/workos/v1/', nonce: 'abc123' });
    expect(response).to.deep.equal(signedInFixture);
    const [request] = wordpress.requests;
    expect(request.url).to.equal('/wp-json/workos/v1/auth/password');
    expect(request.method).to.equal('POST');
    expect(request.credentials).to.equal('same-origin');
    expect(request.headers.get('Content-Type')).to.equal('application/json');
    expect(request.headers.get('X-WorkOS-Nonce')).to.equal('abc123');
    expect(request.body).to.deep.equal(requestFixture);
  });

  it('works with a root lacking its slash and with plain permalinks', async () => {
    wordpress = fakeWordPress(() => json(200, signedInFixture));
    await postPassword(requestFixture, { apiRoot: '/wp-json/workos/v1', nonce: '' });
    await postPassword(requestFixture, { apiRoot: '/?rest_route=/workos/v1/', nonce: '' });
    expect(wordpress.requests.map((r) => r.url)).to.deep.equal([
      '/wp-json/workos/v1/auth/password',
      '/?rest_route=/workos/v1/auth/password',
    ]);
  });

  it('reports a network failure as code "network"', async () => {
    wordpress = fakeWordPress(() => 'network-error');
    const response = await postPassword(requestFixture, { apiRoot: '/wp-json/workos/v1/', nonce: '' });
    expect(response).to.deep.equal({ type: 'error', code: 'network', message: '' });
  });

  it('reads Retry-After from a rate-limited answer', async () => {
    wordpress = fakeWordPress(() => page(429, 'slow down', { 'Retry-After': '9' }));
    const response = await postPassword(requestFixture, { apiRoot: '/wp-json/workos/v1/', nonce: '' });
    expect(response).to.deep.equal({ type: 'error', code: 'rate_limited', message: '', retry_after: 9 });
  });

  it('rethrows when aborted rather than inventing an error', async () => {
    wordpress = fakeWordPress(() => 'network-error');
    const controller = new AbortController();
    controller.abort();
    let thrown: unknown;
    try {
      await postPassword(requestFixture, { apiRoot: '/', nonce: '', signal: controller.signal });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).to.be.instanceOf(TypeError);
  });
});
