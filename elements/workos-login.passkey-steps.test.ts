import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { DEFAULT_STRINGS as S } from '../protocol/strings.ts';
import { json } from './test/fake-wordpress.ts';
import { focused, loginFixture, type } from './test/login-fixture.ts';
import { describe, it } from './test/mocha.ts';
import { button, errorAnswer, heading, input, stepAnswer, until, useScriptedWordPress } from './test/steps.ts';
import {
  ASSERTION,
  ATTESTATION,
  CREATION_OPTIONS,
  REQUEST_OPTIONS,
  domError,
  useFakeWebAuthn,
} from './test/webauthn.ts';

const TOTP = { id: 'auth_factor_01TOTP', type: 'totp', label: null };
const SMS = { id: 'auth_factor_01SMS', type: 'sms', label: '0123' };
const REDIRECT = 'http://localhost/wp-admin/';
const API_ROOT = `${location.origin}/wp-json/`;
const PROMPT = { rest_nonce: 'rest-nonce', api_root: API_ROOT };
const signedIn = (extra: object = {}) => json(200, { type: 'signed_in', redirect_to: REDIRECT, ...extra });
const alertText = (root: ShadowRoot) => root.querySelector('[role="alert"]')?.textContent?.trim() ?? '';
const statusText = (root: ShadowRoot) => root.querySelector('[role="status"]')?.textContent?.trim() ?? '';
const routes = (requests: Array<{ url: string }>) => requests.map((r) => r.url.replace(/^.*\/workos\/v1\//, ''));

describe('<workos-login> passkeys after the first factor', () => {
  const t = useScriptedWordPress();
  const webauthn = useFakeWebAuthn();

  /** Signs in with a password and lands on the answer WordPress gives. */
  async function after(answer: Response) {
    const parts = await loginFixture();
    await type(input(parts.root, 'email'), 'ada@example.com');
    await type(input(parts.root, 'password'), 'Correct-Horse-7');
    t.wordpress.push(answer);
    await sendKeys({ press: 'Enter' });
    await until(() => t.wordpress.requests.length === 1 && !parts.el.shadowRoot!.querySelector('[aria-busy="true"]'));
    await parts.el.updateComplete;
    return parts;
  }

  it('offers "Use your passkey" first on a challenge, and verifies it with the step\'s flow', async () => {
    const { el, root } = await after(stepAnswer('mfa_challenge', { factors: [TOTP, SMS], passkey: 'use' }, 'flow-mfa'));
    await until(() => heading(root) === S.mfa_heading);
    const buttons = [...root.querySelectorAll('button')];
    expect(buttons[0].textContent?.trim()).to.equal(S.passkey_use);
    expect(buttons[0].getAttribute('part')).to.equal('button passkey');
    expect(buttons.map((b) => b.textContent?.trim())).to.include.members([
      S.factor_totp,
      S.factor_sms_to.replace('{phone}', '0123'),
    ]);
    await expect(el).to.be.accessible();
    t.wordpress.push(stepAnswer('passkey', { options: REQUEST_OPTIONS }, 'flow-passkey'), signedIn());
    button(root, S.passkey_use)!.click();
    await until(() => t.visited.length === 1);
    expect(routes(t.wordpress.requests)).to.deep.equal([
      'auth/password',
      'auth/passkey_options',
      'auth/passkey_verify',
    ]);
    expect(t.wordpress.requests[1].body).to.deep.include({ flow: 'flow-mfa' });
    expect(t.wordpress.requests[2].body).to.deep.include({ flow: 'flow-passkey', response: ASSERTION });
    expect(webauthn.authentications).to.deep.equal([{ optionsJSON: REQUEST_OPTIONS }]);
  });

  it('offers "Use your passkey" above the code field too; the code still works', async () => {
    const { el, root } = await after(stepAnswer('mfa_code', { factor: TOTP, others: [], passkey: 'use' }, 'flow-code'));
    await until(() => !!button(root, S.passkey_use));
    await expect(el).to.be.accessible();
    await type(input(root, 'code'), '123456');
    t.wordpress.push(signedIn());
    await sendKeys({ press: 'Enter' });
    await until(() => t.visited.length === 1);
    expect(routes(t.wordpress.requests)).to.deep.equal(['auth/password', 'auth/mfa_verify']);
  });

  it('offers "Use your passkey" first at enrolment when the user already has one (no WorkOS factor yet)', async () => {
    const { el, root } = await after(stepAnswer('mfa_enroll', { types: ['totp'], passkey: 'use' }, 'flow-enroll'));
    await until(() => !!button(root, S.passkey_use));
    expect(root.querySelector('button')!.textContent?.trim()).to.equal(S.passkey_use);
    expect(button(root, S.mfa_enroll_totp)).to.exist;
    await expect(el).to.be.accessible();
    t.wordpress.push(stepAnswer('passkey', { options: REQUEST_OPTIONS }, 'flow-passkey'), signedIn());
    button(root, S.passkey_use)!.click();
    await until(() => t.visited.length === 1);
    expect(routes(t.wordpress.requests)).to.deep.equal([
      'auth/password',
      'auth/passkey_options',
      'auth/passkey_verify',
    ]);
    expect(t.wordpress.requests[1].body).to.deep.include({ flow: 'flow-enroll' });
  });

  it('shows no passkey button on a challenge without the offer', async () => {
    const { root } = await after(stepAnswer('mfa_challenge', { factors: [TOTP, SMS] }));
    await until(() => heading(root) === S.mfa_heading);
    expect(button(root, S.passkey_use)).to.equal(undefined);
  });

  it('keeps the codes usable when the passkey dialog is cancelled', async () => {
    webauthn.authenticate = () => Promise.reject(domError('NotAllowedError'));
    const { root } = await after(stepAnswer('mfa_challenge', { factors: [TOTP], passkey: 'use' }, 'flow-mfa'));
    await until(() => !!button(root, S.passkey_use));
    t.wordpress.push(stepAnswer('passkey', { options: REQUEST_OPTIONS }, 'flow-passkey'));
    button(root, S.passkey_use)!.click();
    await until(() => alertText(root) === S.error_passkey_cancelled);
    expect(heading(root)).to.equal(S.mfa_heading);
    t.wordpress.push(stepAnswer('mfa_code', { factor: TOTP, others: [] }));
    button(root, S.factor_totp)!.click();
    await until(() => !!input(root, 'code'));
    expect(t.wordpress.requests[2].body).to.deep.include({ factor_id: TOTP.id, flow: 'flow-mfa' });
  });

  it('enrols a passkey as the second factor: "Create a passkey" among the choices', async () => {
    const { el, root } = await after(stepAnswer('mfa_enroll', { types: ['totp'], passkey: 'register' }, 'flow-enroll'));
    await until(() => heading(root) === S.mfa_enroll_heading);
    const create = button(root, S.mfa_enroll_passkey)!;
    expect(create.getAttribute('part')).to.equal('secondary passkey');
    expect(button(root, S.mfa_enroll_totp)).to.exist;
    await expect(el).to.be.accessible();
    t.wordpress.push(stepAnswer('passkey_register', { options: CREATION_OPTIONS }, 'flow-register'), signedIn());
    create.click();
    await until(() => t.visited.length === 1);
    expect(routes(t.wordpress.requests)).to.deep.equal([
      'auth/password',
      'auth/passkey_register_options',
      'auth/passkey_register_verify',
    ]);
    expect(t.wordpress.requests[1].body).to.deep.include({ flow: 'flow-enroll' });
    expect(t.wordpress.requests[2].body).to.deep.include({ flow: 'flow-register', response: ATTESTATION });
    expect(webauthn.registrations).to.deep.equal([{ optionsJSON: CREATION_OPTIONS }]);
  });

  it('makes "Create a passkey" the primary button when it is the only choice (Enter creates it)', async () => {
    const { el, root } = await after(stepAnswer('mfa_enroll', { types: [], passkey: 'register' }, 'flow-enroll'));
    await until(() => !!button(root, S.mfa_enroll_passkey));
    expect(button(root, S.mfa_enroll_passkey)!.getAttribute('part')).to.equal('button passkey');
    expect(root.querySelector('[part="text"]')?.textContent).to.equal(S.mfa_enroll_passkey_text);
    await expect(el).to.be.accessible();
    webauthn.register = () => Promise.reject(domError('InvalidStateError', 'already registered'));
    t.wordpress.push(stepAnswer('passkey_register', { options: CREATION_OPTIONS }, 'flow-register'));
    root.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await until(() => alertText(root) === S.error_passkey_exists);
    expect(routes(t.wordpress.requests)).to.deep.equal(['auth/password', 'auth/passkey_register_options']);
  });

  it('goes back to the first screen when the enrolment flow expired', async () => {
    const { root } = await after(stepAnswer('mfa_enroll', { types: [], passkey: 'register' }, 'flow-enroll'));
    await until(() => !!button(root, S.mfa_enroll_passkey));
    t.wordpress.push(errorAnswer(400, 'flow_expired'));
    button(root, S.mfa_enroll_passkey)!.click();
    await until(() => heading(root) === S.heading);
    expect(alertText(root)).to.equal(S.error_flow_expired);
  });
});

describe('<workos-login> "Sign in faster next time?"', () => {
  const t = useScriptedWordPress();
  const webauthn = useFakeWebAuthn();

  async function signIn(prompt: object = PROMPT) {
    const parts = await loginFixture();
    await type(input(parts.root, 'email'), 'ada@example.com');
    await type(input(parts.root, 'password'), 'Correct-Horse-7');
    t.wordpress.push(signedIn({ passkey_prompt: prompt }));
    let signed = 0;
    parts.el.addEventListener('workos-signed-in', () => signed++);
    await sendKeys({ press: 'Enter' });
    await until(() => signed === 1);
    return parts;
  }

  it("asks after a sign-in by another method, then creates a passkey with the new session's nonce", async () => {
    const { el, root } = await signIn();
    await until(() => heading(root) === S.passkey_prompt_heading);
    expect(focused(root)?.id).to.equal('heading');
    expect(root.querySelector('[part="text"]')?.textContent).to.equal(S.passkey_prompt_text);
    expect(t.visited).to.deep.equal([]);
    await expect(el).to.be.accessible();
    t.wordpress.push(
      json(200, { options: CREATION_OPTIONS, flow: 'flow-register' }),
      json(200, { passkey: { id: ATTESTATION.id, name: 'Chrome on Linux' } }),
    );
    button(root, S.passkey_prompt_create)!.click();
    await until(() => t.visited.length === 1);
    expect(t.visited).to.deep.equal([REDIRECT]);
    const [, options, verify] = t.wordpress.requests;
    expect(options.url).to.equal(`${API_ROOT}workos/v1/passkeys/register/options`);
    expect(options.method).to.equal('POST');
    expect(options.credentials).to.equal('same-origin');
    expect(options.headers.get('X-WP-Nonce')).to.equal('rest-nonce');
    expect(verify.url).to.equal(`${API_ROOT}workos/v1/passkeys/register/verify`);
    expect(verify.body).to.deep.equal({ flow: 'flow-register', response: ATTESTATION });
    expect(webauthn.registrations).to.deep.equal([{ optionsJSON: CREATION_OPTIONS }]);
    await el.updateComplete;
    expect(statusText(root)).to.equal(S.passkey_created);
  });

  it('"Not now" tells WordPress, then goes on', async () => {
    const { root } = await signIn({ rest_nonce: 'n', api_root: `${API_ROOT}workos/v1/` });
    await until(() => heading(root) === S.passkey_prompt_heading);
    t.wordpress.push(json(200, { until: '2030-01-01T00:00:00Z' }));
    button(root, S.passkey_not_now)!.click();
    await until(() => t.visited.length === 1);
    expect(t.wordpress.requests[1].url).to.equal(`${API_ROOT}workos/v1/passkeys/prompt/dismiss`);
    expect(t.wordpress.requests[1].headers.get('X-WP-Nonce')).to.equal('n');
    expect(t.visited).to.deep.equal([REDIRECT]);
  });

  it('goes on even when "Not now" fails to reach WordPress', async () => {
    const { root } = await signIn();
    await until(() => heading(root) === S.passkey_prompt_heading);
    t.wordpress.push('network-error');
    button(root, S.passkey_not_now)!.click();
    await until(() => t.visited.length === 1);
  });

  it('shows what went wrong and offers "Continue" (the dialog was cancelled)', async () => {
    webauthn.register = () => Promise.reject(domError('NotAllowedError'));
    const { el, root } = await signIn();
    await until(() => heading(root) === S.passkey_prompt_heading);
    t.wordpress.push(json(200, { options: CREATION_OPTIONS, flow: 'flow-register' }));
    button(root, S.passkey_prompt_create)!.click();
    await until(() => alertText(root) === S.error_passkey_cancelled);
    expect(button(root, S.passkey_not_now)).to.equal(undefined);
    await expect(el).to.be.accessible();
    button(root, S.continue)!.click();
    await until(() => t.visited.length === 1);
    expect(t.wordpress.requests).to.have.length(2);
  });

  it("words WordPress's refusals (reauth_required, an error of its own)", async () => {
    const { root } = await signIn();
    await until(() => heading(root) === S.passkey_prompt_heading);
    t.wordpress.push(json(403, { code: 'reauth_required', message: '', data: { status: 403 } }));
    button(root, S.passkey_prompt_create)!.click();
    await until(() => alertText(root) === S.error_reauth_required);
    t.wordpress.push(json(400, { code: 'not_linked', message: 'Not linked to WorkOS.', data: { status: 400 } }));
    button(root, S.passkey_prompt_create)!.click();
    await until(() => alertText(root) === 'Not linked to WorkOS.');
    t.wordpress.push(json(403, { code: 'rest_cookie_invalid_nonce', message: 'Cookie check failed', data: {} }));
    button(root, S.passkey_prompt_create)!.click();
    await until(() => alertText(root) === S.error_passkey_failed);
  });

  it('never sends the nonce to another origin: no prompt, straight on', async () => {
    const { root } = await signIn({ rest_nonce: 'n', api_root: 'https://evil.example/wp-json/' });
    await until(() => t.visited.length === 1);
    expect(heading(root)).to.not.equal(S.passkey_prompt_heading);
    expect(t.wordpress.requests).to.have.length(1);
  });

  it('goes straight on when the page keeps itself (workos-signed-in cancelled)', async () => {
    const parts = await loginFixture();
    parts.el.addEventListener('workos-signed-in', (event) => event.preventDefault());
    await type(input(parts.root, 'email'), 'ada@example.com');
    await type(input(parts.root, 'password'), 'Correct-Horse-7');
    t.wordpress.push(signedIn({ passkey_prompt: PROMPT }));
    const kept = oneEvent(parts.el, 'workos-signed-in');
    await sendKeys({ press: 'Enter' });
    await kept;
    // Nothing follows the cancelled event: a grace period for a wrong prompt or departure to show
    // (a check that nothing happens has no state to wait for; a busy machine can only hide a fault).
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(heading(parts.root)).to.equal(S.heading);
    expect(t.visited).to.deep.equal([]);
  });
});
