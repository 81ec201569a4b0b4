import { expect } from '@open-wc/testing';
import authkitRequest from '../protocol/fixtures/browser-authorize-authkit-request.json' with { type: 'json' };
import oauthRequest from '../protocol/fixtures/browser-authorize-oauth-request.json' with { type: 'json' };
import ssoOrgRequest from '../protocol/fixtures/browser-authorize-sso-organization-request.json' with { type: 'json' };
import ssoRequest from '../protocol/fixtures/browser-authorize-sso-request.json' with { type: 'json' };
import emailVerifyRequest from '../protocol/fixtures/browser-email-verify-request.json' with { type: 'json' };
import invitationRequest from '../protocol/fixtures/browser-invitation-request.json' with { type: 'json' };
import magicSendRequest from '../protocol/fixtures/browser-magic-code-send-request.json' with { type: 'json' };
import magicVerifyRequest from '../protocol/fixtures/browser-magic-code-verify-request.json' with { type: 'json' };
import mfaChallengeRequest from '../protocol/fixtures/browser-mfa-challenge-request.json' with { type: 'json' };
import mfaEnrollRequest from '../protocol/fixtures/browser-mfa-enroll-request.json' with { type: 'json' };
import mfaVerifyRequest from '../protocol/fixtures/browser-mfa-verify-request.json' with { type: 'json' };
import orgSelectRequest from '../protocol/fixtures/browser-org-select-request.json' with { type: 'json' };
import passwordRejectedFixture from '../protocol/fixtures/browser-password-rejected-response.json' with { type: 'json' };
import redirectFixture from '../protocol/fixtures/browser-redirect-response.json' with { type: 'json' };
import resetConfirmRequest from '../protocol/fixtures/browser-reset-confirm-request.json' with { type: 'json' };
import resetRequest from '../protocol/fixtures/browser-reset-request.json' with { type: 'json' };
import signupRequest from '../protocol/fixtures/browser-signup-request.json' with { type: 'json' };
import codeSentFixture from '../protocol/fixtures/browser-step-code-sent-response.json' with { type: 'json' };
import invitationFixture from '../protocol/fixtures/browser-step-invitation-response.json' with { type: 'json' };
import resetSentFixture from '../protocol/fixtures/browser-step-reset-sent-response.json' with { type: 'json' };
import errorFixture from '../protocol/fixtures/browser-error-response.json' with { type: 'json' };
import rateLimitedFixture from '../protocol/fixtures/browser-rate-limited-response.json' with { type: 'json' };
import requestFixture from '../protocol/fixtures/browser-password-request.json' with { type: 'json' };
import signedInFixture from '../protocol/fixtures/browser-signed-in-response.json' with { type: 'json' };
import stepFixture from '../protocol/fixtures/browser-step-response.json' with { type: 'json' };
import { normaliseResponse, post, type RouteBodies } from './api.ts';
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
    for (const step of [codeSentFixture, invitationFixture, resetSentFixture]) {
      expect(normaliseResponse(200, text(step))).to.deep.equal(step);
    }
    expect(normaliseResponse(200, text(redirectFixture))).to.deep.equal(redirectFixture);
    expect(normaliseResponse(422, text(passwordRejectedFixture))).to.deep.equal(passwordRejectedFixture);
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

  it('passes redirects to safe URLs only', () => {
    const url = 'https://api.workos.com/user_management/authorize?client_id=x&state=y';
    expect(normaliseResponse(200, text({ type: 'redirect', url }))).to.deep.equal({ type: 'redirect', url });
    expect(codeOf(200, text({ type: 'redirect', url: 'javascript:alert(1)' }))).to.equal('internal_error');
    expect(codeOf(200, text({ type: 'redirect' }))).to.equal('internal_error');
    expect(codeOf(302, text({ type: 'redirect', url }))).to.equal('internal_error');
  });

  it('knows every step of the contract and refuses others', () => {
    for (const step of ['code_sent', 'email_verify', 'mfa_challenge', 'mfa_enroll', 'mfa_code', 'org_select']) {
      expect(codeOf(200, text({ type: 'step', step, flow: 'f', data: {} })), step).to.equal('step');
    }
    expect(codeOf(200, text({ type: 'step', step: 'reset_done', flow: '', data: {} }))).to.equal('step');
    expect(codeOf(200, text({ type: 'step', step: 'toString', flow: 'f', data: {} }))).to.equal('internal_error');
    expect(codeOf(200, text({ type: 'step', step: 'code_sent', flow: 'f', data: [] }))).to.equal('internal_error');
  });

  it('keeps known password problems, once each, from either error shape', () => {
    const ours = { type: 'error', code: 'password_rejected', message: 'No.', problems: ['breached', 'x', 'breached'] };
    expect(normaliseResponse(422, text(ours))).to.deep.equal({
      type: 'error',
      code: 'password_rejected',
      message: 'No.',
      problems: ['breached'],
    });
    const wp = { code: 'password_rejected', message: 'No.', data: { status: 422, problems: ['too_short'] } };
    expect(normaliseResponse(422, text(wp))).to.deep.include({ problems: ['too_short'] });
    const none = { type: 'error', code: 'password_rejected', message: '' };
    expect(normaliseResponse(422, text(none))).to.deep.include({ problems: ['other'] });
  });

  it('keeps every new error code of the contract', () => {
    for (const code of ['invalid_code', 'invitation_invalid', 'reset_invalid', 'sso_unavailable', 'method_disabled']) {
      expect(codeOf(400, text({ type: 'error', code, message: '' })), code).to.equal(code);
    }
  });

  it('keeps the passkey codes, steps and the prompt after a sign-in', () => {
    for (const code of ['passkey_unknown', 'passkey_invalid', 'passkey_refused', 'reauth_required']) {
      expect(codeOf(400, text({ type: 'error', code, message: '' })), code).to.equal(code);
    }
    const options = { challenge: 'Y2hhbGxlbmdl', rpId: 'localhost' };
    expect(normaliseResponse(200, text({ type: 'step', step: 'passkey', flow: 'f', data: { options } }))).to.deep.equal(
      {
        type: 'step',
        step: 'passkey',
        flow: 'f',
        data: { options },
      },
    );
    const prompt = { rest_nonce: 'n', api_root: 'http://localhost:8891/wp-json/' };
    expect(
      normaliseResponse(200, text({ type: 'signed_in', redirect_to: '/wp-admin/', passkey_prompt: prompt })),
    ).to.deep.equal({ type: 'signed_in', redirect_to: '/wp-admin/', passkey_prompt: prompt });
  });

  it('accepts relative redirects', () => {
    expect(normaliseResponse(200, text({ type: 'signed_in', redirect_to: '/wp-admin/' }))).to.deep.equal({
      type: 'signed_in',
      redirect_to: '/wp-admin/',
    });
  });
});

describe('post', () => {
  let wordpress: FakeWordPress | undefined;
  afterEach(() => wordpress?.restore());

  it('posts JSON with the nonce, same-origin', async () => {
    wordpress = fakeWordPress(() => json(200, signedInFixture));
    const response = await post('password', requestFixture, { apiRoot: '/wp-json/workos/v1/', nonce: 'abc123' });
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
    await post('password', requestFixture, { apiRoot: '/wp-json/workos/v1', nonce: '' });
    await post('password', requestFixture, { apiRoot: '/?rest_route=/workos/v1/', nonce: '' });
    expect(wordpress.requests.map((r) => r.url)).to.deep.equal([
      '/wp-json/workos/v1/auth/password',
      '/?rest_route=/workos/v1/auth/password',
    ]);
  });

  it('reports a network failure as code "network"', async () => {
    wordpress = fakeWordPress(() => 'network-error');
    const response = await post('password', requestFixture, { apiRoot: '/wp-json/workos/v1/', nonce: '' });
    expect(response).to.deep.equal({ type: 'error', code: 'network', message: '' });
  });

  it('reads Retry-After from a rate-limited answer', async () => {
    wordpress = fakeWordPress(() => page(429, 'slow down', { 'Retry-After': '9' }));
    const response = await post('password', requestFixture, { apiRoot: '/wp-json/workos/v1/', nonce: '' });
    expect(response).to.deep.equal({ type: 'error', code: 'rate_limited', message: '', retry_after: 9 });
  });

  it('rethrows when aborted rather than inventing an error', async () => {
    wordpress = fakeWordPress(() => 'network-error');
    const controller = new AbortController();
    controller.abort();
    let thrown: unknown;
    try {
      await post('password', requestFixture, { apiRoot: '/', nonce: '', signal: controller.signal });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).to.be.instanceOf(TypeError);
  });
});

describe('post, on every browser route', () => {
  let wordpress: FakeWordPress | undefined;
  afterEach(() => wordpress?.restore());

  it('posts each contract request fixture, unchanged, to auth/<route>', async () => {
    wordpress = fakeWordPress(() => json(200, signedInFixture));
    const options = { apiRoot: '/wp-json/workos/v1/', nonce: 'n' };
    // JSON imports widen literals (`kind: string`): the typed functions take them as the contract says.
    const sent: Array<[string, unknown, Promise<unknown>]> = [
      ['password', requestFixture, post('password', requestFixture, options)],
      ['magic_code_send', magicSendRequest, post('magic_code_send', magicSendRequest, options)],
      ['magic_code_verify', magicVerifyRequest, post('magic_code_verify', magicVerifyRequest, options)],
      ['authorize', oauthRequest, post('authorize', oauthRequest as RouteBodies['authorize'], options)],
      ['authorize', ssoRequest, post('authorize', ssoRequest as RouteBodies['authorize'], options)],
      ['authorize', ssoOrgRequest, post('authorize', ssoOrgRequest as RouteBodies['authorize'], options)],
      ['authorize', authkitRequest, post('authorize', authkitRequest as RouteBodies['authorize'], options)],
      ['signup', signupRequest, post('signup', signupRequest, options)],
      ['email_verify', emailVerifyRequest, post('email_verify', emailVerifyRequest, options)],
      ['invitation', invitationRequest, post('invitation', invitationRequest, options)],
      ['reset_request', resetRequest, post('reset_request', resetRequest, options)],
      ['reset_confirm', resetConfirmRequest, post('reset_confirm', resetConfirmRequest, options)],
      ['mfa_enroll', mfaEnrollRequest, post('mfa_enroll', mfaEnrollRequest as RouteBodies['mfa_enroll'], options)],
      ['mfa_challenge', mfaChallengeRequest, post('mfa_challenge', mfaChallengeRequest, options)],
      ['mfa_verify', mfaVerifyRequest, post('mfa_verify', mfaVerifyRequest, options)],
      ['org_select', orgSelectRequest, post('org_select', orgSelectRequest, options)],
    ];
    await Promise.all(sent.map(([, , done]) => done));
    expect(wordpress.requests.map((r) => r.url.replace('/wp-json/workos/v1/auth/', ''))).to.deep.equal(
      sent.map(([route]) => route),
    );
    expect(wordpress.requests.map((r) => r.body)).to.deep.equal(sent.map(([, body]) => body));
  });
});
