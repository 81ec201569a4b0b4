import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { DEFAULT_STRINGS as S } from '../protocol/strings.ts';
import type { WorkosErrorEvent } from './events.ts';
import { json } from './test/fake-wordpress.ts';
import { focused, loginFixture, type } from './test/login-fixture.ts';
import { describe, it } from './test/mocha.ts';
import {
  button,
  errorAnswer,
  heading,
  input,
  nextStep,
  useScriptedWordPress,
  stepAnswer,
  until,
} from './test/steps.ts';

const signedIn = () => json(200, { type: 'signed_in', redirect_to: 'http://localhost/wp-admin/' });
const alertText = (root: ShadowRoot) => root.querySelector('[role="alert"]')?.textContent?.trim();

describe('<workos-login> sign-up, invitations and password reset', () => {
  const t = useScriptedWordPress();

  async function signupForm(attributes: Record<string, string> = {}) {
    const parts = await loginFixture({ signup: '', ...attributes });
    button(parts.root, S.create_account)!.click();
    await until(() => heading(parts.root) === S.signup_heading);
    await parts.el.updateComplete;
    return parts;
  }

  it('opens the sign-up form with fields browsers and password managers understand', async () => {
    const { el, root } = await signupForm();
    expect(focused(root)?.id).to.equal('heading');
    const auto = ['first_name', 'last_name', 'email', 'password'].map((name) => input(root, name).autocomplete);
    expect(auto).to.deep.equal(['given-name', 'family-name', 'email', 'new-password']);
    expect(getComputedStyle(root.querySelector('.row')!).display, "the module's own styles").to.equal('grid');
    expect(getComputedStyle(root.querySelector('form')!).display, 'next to the element’s').to.equal('grid');
    expect(input(root, 'password').type).to.equal('password');
    await expect(el).to.be.accessible();
  });

  it('checks every field before sending', async () => {
    const { el, root } = await signupForm();
    root.querySelector('form')!.requestSubmit();
    await until(() => focused(root) === input(root, 'first_name'));
    for (const [name, key] of [
      ['first_name', 'first_name_required'],
      ['last_name', 'last_name_required'],
      ['email', 'email_required'],
      ['password', 'password_required'],
    ] as const) {
      expect(root.getElementById(`${name}-error`)?.textContent, name).to.equal(S[key]);
    }
    expect(t.wordpress.requests).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows the password policy problems under the password, then verifies the email', async () => {
    const { el, root } = await signupForm();
    await type(input(root, 'first_name'), 'Nia');
    await type(input(root, 'last_name'), 'New');
    await type(input(root, 'email'), 'nia@example.com');
    await type(input(root, 'password'), 'short');
    t.wordpress.push(errorAnswer(422, 'password_rejected', { problems: ['too_short', 'breached', 'nonsense'] }));
    const failed = oneEvent<WorkosErrorEvent>(el, 'workos-error');
    await sendKeys({ press: 'Enter' });
    await failed;
    await until(() => root.getElementById('password-error') !== null);
    expect(t.wordpress.requests[0].url).to.match(/auth\/signup$/);
    expect(t.wordpress.requests[0].body).to.deep.equal({
      profile: 'default',
      first_name: 'Nia',
      last_name: 'New',
      email: 'nia@example.com',
      password: 'short',
      redirect_to: 'http://localhost/wp-admin/',
    });
    const password = input(root, 'password');
    expect(password.getAttribute('aria-invalid')).to.equal('true');
    expect(password.getAttribute('aria-describedby')).to.equal('password-error');
    expect([...root.querySelectorAll('#password-error li')].map((li) => li.textContent)).to.deep.equal([
      S.problem_too_short,
      S.problem_breached,
    ]);
    expect(focused(root)).to.equal(password);
    expect(getComputedStyle(root.getElementById('password-error')!).paddingInlineStart).to.equal('20px');
    expect(password.value, 'kept, to edit').to.equal('short');
    expect(alertText(root)).to.equal(S.error_password_rejected);
    await expect(el).to.be.accessible();
    await type(password, 'a much longer passphrase');
    expect(root.getElementById('password-error')).to.equal(null);
    t.wordpress.push(stepAnswer('email_verify', { email: 'nia@example.com' }));
    const step = nextStep(el);
    await sendKeys({ press: 'Enter' });
    expect(await step).to.equal('email_verify');
  });

  it('reads the invitation on load and accepts it by creating the account', async () => {
    t.wordpress.push(
      stepAnswer('invitation', { email: 'ivy@example.com', organization_name: 'Demo Organization' }, 'inv'),
    );
    const { el, root } = await loginFixture({
      'invitation-token': 'tok_123',
      signup: '',
      methods: 'password,magic_code',
    });
    await until(() => heading(root) === S.invitation_heading);
    await el.updateComplete;
    expect(t.wordpress.requests[0].url).to.match(/auth\/invitation$/);
    expect(t.wordpress.requests[0].body).to.include({ invitation_token: 'tok_123' });
    expect(focused(root), 'nothing stolen on load').to.equal(null);
    expect(root.querySelector('[part="text"]')?.textContent).to.include('Demo Organization');
    const email = input(root, 'email');
    expect(email.value).to.equal('ivy@example.com');
    expect(email.readOnly).to.equal(true);
    await expect(el).to.be.accessible();
    await type(input(root, 'first_name'), 'Ivy');
    await type(input(root, 'last_name'), 'Invited');
    await type(input(root, 'password'), 'Correct-Horse-7');
    t.wordpress.push(signedIn());
    await sendKeys({ press: 'Enter' });
    await until(() => t.visited.length === 1);
    expect(t.wordpress.requests[1].body).to.include({ email: 'ivy@example.com', first_name: 'Ivy', flow: 'inv' });
  });

  it('accepts the invitation with another method: the email stays fixed and the flow rides along', async () => {
    t.wordpress.push(stepAnswer('invitation', { email: 'ivy@example.com', organization_name: null }, 'inv'));
    const { el, root } = await loginFixture({
      'invitation-token': 'tok_123',
      signup: '',
      methods: 'password,magic_code',
    });
    await until(() => heading(root) === S.invitation_heading);
    expect(root.querySelector('[part="text"]')?.textContent).to.equal(S.invitation_text_site);
    button(root, S.have_account)!.click();
    await until(() => heading(root) === S.heading);
    await el.updateComplete;
    expect(input(root, 'email')).to.include({ value: 'ivy@example.com', readOnly: true });
    expect(button(root, S.forgot_password)).to.equal(undefined);
    await expect(el).to.be.accessible();
    t.wordpress.push(stepAnswer('code_sent', { email: 'ivy@example.com', resend_after: 30 }));
    const step = nextStep(el);
    button(root, S.magic_code_send)!.click();
    await step;
    expect(t.wordpress.requests[1].body).to.include({ email: 'ivy@example.com', flow: 'inv' });
    button(root, S.use_another_email)!.click();
    await until(() => heading(root) === S.heading);
    await type(input(root, 'password'), 'Correct-Horse-7');
    t.wordpress.push(signedIn());
    await sendKeys({ press: 'Enter' });
    await until(() => t.visited.length === 1);
    expect(t.wordpress.requests[2].url).to.match(/auth\/password$/);
    expect(t.wordpress.requests[2].body).to.include({ email: 'ivy@example.com', flow: 'inv' });
  });

  it('says when an invitation link is no longer valid, and keeps the first screen', async () => {
    t.wordpress.push(errorAnswer(410, 'invitation_invalid'));
    const { el, root } = await loginFixture({ 'invitation-token': 'tok_old', signup: '' });
    await until(() => alertText(root) === S.error_invitation_invalid);
    await el.updateComplete;
    expect(heading(root)).to.equal(S.heading);
    expect(input(root, 'email').readOnly).to.equal(false);
    expect(focused(root)).to.equal(null);
  });

  it('asks for a reset link and says the same for every email', async () => {
    const { el, root } = await loginFixture({ 'password-reset': '' });
    await type(input(root, 'email'), 'grace@example.com');
    button(root, S.forgot_password)!.click();
    await until(() => heading(root) === S.reset_heading);
    await el.updateComplete;
    expect(focused(root)?.id).to.equal('heading');
    expect(input(root, 'email').value).to.equal('grace@example.com');
    await expect(el).to.be.accessible();
    t.wordpress.push(stepAnswer('reset_sent', { email: 'grace@example.com' }, ''));
    const step = nextStep(el);
    root.querySelector('form')!.requestSubmit();
    expect(await step).to.equal('reset_sent');
    expect(t.wordpress.requests[0].url).to.match(/auth\/reset_request$/);
    expect(t.wordpress.requests[0].body).to.include({ email: 'grace@example.com' });
    expect(heading(root)).to.equal(S.reset_sent_heading);
    expect(root.querySelector('[part="text"]')?.textContent).to.include('grace@example.com');
    await expect(el).to.be.accessible();
    button(root, S.back_to_sign_in)!.click();
    await until(() => heading(root) === S.heading);
  });

  it('opens the new-password form from a reset link, and goes back to sign in with a notice', async () => {
    const { el, root } = await loginFixture({ 'reset-token': 'reset_tok', 'password-reset': '' });
    await until(() => heading(root) === S.reset_confirm_heading);
    await el.updateComplete;
    expect(focused(root)).to.equal(null);
    expect(input(root, 'password').autocomplete).to.equal('new-password');
    await expect(el).to.be.accessible();
    await type(input(root, 'password'), 'Brand-New-Horse-8');
    t.wordpress.push(stepAnswer('reset_done', {}, ''));
    const step = nextStep(el);
    await sendKeys({ press: 'Enter' });
    expect(await step).to.equal('reset_done');
    expect(t.wordpress.requests[0].body).to.include({ token: 'reset_tok', password: 'Brand-New-Horse-8' });
    expect(heading(root)).to.equal(S.heading);
    expect(root.querySelector('[role="status"]')?.textContent).to.equal(S.reset_done);
    expect(focused(root)?.id).to.equal('heading');
    await expect(el).to.be.accessible();
  });

  it('offers a new link when the reset link is spent', async () => {
    const { el, root } = await loginFixture({ 'reset-token': 'spent', 'password-reset': '' });
    await until(() => heading(root) === S.reset_confirm_heading);
    await type(input(root, 'password'), 'Brand-New-Horse-8');
    t.wordpress.push(errorAnswer(400, 'reset_invalid'));
    await sendKeys({ press: 'Enter' });
    await until(() => alertText(root) === S.error_reset_invalid);
    button(root, S.reset_request_again)!.click();
    await until(() => heading(root) === S.reset_heading);
    await el.updateComplete;
    expect(alertText(root)).to.equal('');
  });

  it('signs in straight after a reset when the profile says so', async () => {
    const { root } = await loginFixture({ 'reset-token': 'reset_tok' });
    await until(() => heading(root) === S.reset_confirm_heading);
    await type(input(root, 'password'), 'Brand-New-Horse-8');
    t.wordpress.push(signedIn());
    await sendKeys({ press: 'Enter' });
    await until(() => t.visited.length === 1);
  });
});
