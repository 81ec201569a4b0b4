import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { DEFAULT_STRINGS as S } from '../protocol/strings.ts';
import type { WorkosErrorEvent } from './events.ts';
import { json } from './test/fake-wordpress.ts';
import { useFakeClock } from './test/fake-clock.ts';
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
  type ScriptedWordPress,
} from './test/steps.ts';

const signedIn = () => json(200, { type: 'signed_in', redirect_to: 'http://localhost/wp-admin/' });

/** The first screen with magic code, a code sent to ada, and the code step showing. */
async function atCodeStep(wordpress: () => ScriptedWordPress) {
  const parts = await loginFixture({ methods: 'magic_code' });
  wordpress().push(stepAnswer('code_sent', { email: 'ada@example.com', resend_after: 30 }, 'flow-1'));
  await type(input(parts.root, 'email'), 'ada@example.com');
  const step = nextStep(parts.el);
  await sendKeys({ press: 'Enter' });
  await step;
  return parts;
}

describe('<workos-login> code steps', () => {
  const t = useScriptedWordPress();
  const time = useFakeClock();

  it('shows the code step with its heading focused and a one-time-code input, with no axe violations', async () => {
    const { el, root } = await atCodeStep(() => t.wordpress);
    expect(heading(root)).to.equal(S.code_sent_heading);
    expect(focused(root)?.id).to.equal('heading');
    expect(root.querySelector('[part="text"]')?.textContent).to.include('ada@example.com');
    const code = input(root, 'code');
    expect(code).to.include({ autocomplete: 'one-time-code', inputMode: 'numeric', required: true });
    expect(code.labels?.[0]?.textContent).to.equal(S.code_label);
    expect(root.querySelector('[role="alert"]')?.textContent?.trim()).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('takes a pasted "123 456" and verifies it with the flow', async () => {
    const { el, root } = await atCodeStep(() => t.wordpress);
    const code = input(root, 'code');
    code.focus();
    // A real paste: the clipboard's text goes in through the browser's own input pipeline.
    const data = new DataTransfer();
    data.setData('text/plain', ' 123 456\n');
    code.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    if (code.value === '') document.execCommand('insertText', false, ' 123 456');
    expect(code.value).to.equal('123456');
    code.value = '123-456';
    code.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    expect(code.value).to.equal('123456');
    t.wordpress.push(signedIn());
    const done = oneEvent(el, 'workos-signed-in');
    await sendKeys({ press: 'Enter' });
    await done;
    expect(t.wordpress.requests[1].url).to.match(/auth\/magic_code_verify$/);
    expect(t.wordpress.requests[1].body).to.deep.equal({
      profile: 'default',
      code: '123456',
      flow: 'flow-1',
      redirect_to: 'http://localhost/wp-admin/',
    });
    expect(t.visited).to.deep.equal(['http://localhost/wp-admin/']);
  });

  it('checks the code before sending', async () => {
    const { el, root } = await atCodeStep(() => t.wordpress);
    root.querySelector('form')!.requestSubmit();
    await el.updateComplete;
    await until(() => focused(root) === input(root, 'code'));
    expect(root.getElementById('code-error')?.textContent).to.equal(S.code_required);
    await type(input(root, 'code'), '12a456');
    root.querySelector('form')!.requestSubmit();
    await until(() => root.getElementById('code-error')?.textContent === S.code_invalid);
    expect(t.wordpress.requests).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('clears and focuses the code after a wrong one', async () => {
    const { el, root } = await atCodeStep(() => t.wordpress);
    await type(input(root, 'code'), '000000');
    t.wordpress.push(errorAnswer(401, 'invalid_code'));
    const failed = oneEvent<WorkosErrorEvent>(el, 'workos-error');
    await sendKeys({ press: 'Enter' });
    expect((await failed).detail.code).to.equal('invalid_code');
    await until(() => focused(root) === input(root, 'code'));
    expect(input(root, 'code').value).to.equal('');
    expect(root.querySelector('[role="alert"]')?.textContent?.trim()).to.equal(S.error_invalid_code);
    await expect(el).to.be.accessible();
  });

  it('counts the resend cool-down down, then resends in place and keeps the code field', async () => {
    const { el, root } = await atCodeStep(() => t.wordpress);
    const resend = () => root.querySelector<HTMLButtonElement>('.links button')!;
    expect(resend().textContent?.trim()).to.equal(S.resend_in.replace('{seconds}', '30'));
    expect(resend().disabled).to.equal(true);
    time.advance(29_000);
    await el.updateComplete;
    expect(resend().textContent?.trim()).to.equal(S.resend_in.replace('{seconds}', '1'));
    expect(resend().disabled).to.equal(true);
    time.advance(1000);
    await el.updateComplete;
    expect(resend().textContent?.trim()).to.equal(S.resend_code);
    expect(resend().disabled).to.equal(false);
    await type(input(root, 'code'), '12');
    t.wordpress.push(stepAnswer('code_sent', { email: 'ada@example.com', resend_after: 30 }, 'flow-2'));
    const step = nextStep(el);
    resend().click();
    await step;
    expect(t.wordpress.requests[1].body).to.include({ email: 'ada@example.com' });
    expect(root.querySelector('[role="status"]')?.textContent).to.equal(S.code_resent);
    expect(input(root, 'code').value, 'the same field, untouched').to.equal('12');
    expect(resend().disabled).to.equal(true);
    await type(input(root, 'code'), '654321');
    t.wordpress.push(signedIn());
    await sendKeys({ press: 'Enter' });
    await until(() => t.visited.length === 1);
    expect(t.wordpress.requests[2].body).to.include({ flow: 'flow-2' });
  });

  it('goes back to the first screen for another email', async () => {
    const { el, root } = await atCodeStep(() => t.wordpress);
    button(root, S.use_another_email)!.click();
    await until(() => heading(root) === S.heading);
    await el.updateComplete;
    expect(input(root, 'email').value, 'prefilled with the last email').to.equal('ada@example.com');
    expect(focused(root)?.id).to.equal('heading');
  });

  it('starts again on the first screen with the message when the flow expired', async () => {
    const { el, root } = await atCodeStep(() => t.wordpress);
    await type(input(root, 'code'), '123456');
    t.wordpress.push(errorAnswer(400, 'flow_expired'));
    const failed = oneEvent<WorkosErrorEvent>(el, 'workos-error');
    await sendKeys({ press: 'Enter' });
    await failed;
    await el.updateComplete;
    expect(heading(root)).to.equal(S.heading);
    expect(root.querySelector('[role="alert"]')?.textContent?.trim()).to.equal(S.error_flow_expired);
    expect(focused(root)?.id).to.equal('heading');
    expect(input(root, 'code')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('verifies an email after sign-in asked for it', async () => {
    const { el, root } = await loginFixture();
    await type(input(root, 'email'), 'vera@example.com');
    await type(input(root, 'password'), 'Correct-Horse-7');
    t.wordpress.push(stepAnswer('email_verify', { email: 'vera@example.com' }, 'flow-v'));
    const step = nextStep(el);
    await sendKeys({ press: 'Enter' });
    expect(await step).to.equal('email_verify');
    expect(heading(root)).to.equal(S.email_verify_heading);
    expect(root.querySelector('[part="text"]')?.textContent).to.include('vera@example.com');
    await expect(el).to.be.accessible();
    await type(input(root, 'code'), '246810');
    t.wordpress.push(signedIn());
    await sendKeys({ press: 'Enter' });
    await until(() => t.visited.length === 1);
    expect(t.wordpress.requests[1].url).to.match(/auth\/email_verify$/);
    expect(t.wordpress.requests[1].body).to.include({ code: '246810', flow: 'flow-v' });
  });
});
