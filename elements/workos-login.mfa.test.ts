import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { DEFAULT_STRINGS as S } from '../protocol/strings.ts';
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
const TOTP = { id: 'auth_factor_01TOTP', type: 'totp', label: null };
const SMS = { id: 'auth_factor_01SMS', type: 'sms', label: '0123' };
const QR = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')}`;

describe('<workos-login> second factor and organizations', () => {
  const t = useScriptedWordPress();

  /** Signs in with a password and lands on the step WordPress answers. */
  async function after(answer: Response) {
    const parts = await loginFixture();
    await type(input(parts.root, 'email'), 'olivia@example.com');
    await type(input(parts.root, 'password'), 'Correct-Horse-7');
    t.wordpress.push(answer);
    const step = nextStep(parts.el);
    await sendKeys({ press: 'Enter' });
    await step;
    return parts;
  }

  it('offers a picker when there are several factors, then challenges the one chosen', async () => {
    const { el, root } = await after(stepAnswer('mfa_challenge', { factors: [TOTP, SMS, { id: 'x', type: 'fax' }] }));
    expect(heading(root)).to.equal(S.mfa_heading);
    expect(focused(root)?.id).to.equal('heading');
    const group = root.querySelector('[part="choices"]')!;
    expect(group.getAttribute('role')).to.equal('group');
    expect([...group.querySelectorAll('button')].map((b) => b.textContent?.trim())).to.deep.equal([
      S.factor_totp,
      S.factor_sms_to.replace('{phone}', '0123'),
    ]);
    await expect(el).to.be.accessible();
    t.wordpress.push(stepAnswer('mfa_code', { factor: SMS, others: [TOTP], phone_hint: '0123' }, 'flow-sms'));
    const step = nextStep(el);
    button(root, S.factor_sms_to.replace('{phone}', '0123'))!.click();
    expect(await step).to.equal('mfa_code');
    expect(t.wordpress.requests[1].url).to.match(/auth\/mfa_challenge$/);
    expect(t.wordpress.requests[1].body).to.include({ factor_id: SMS.id, flow: 'flow-mfa_challenge' });
    expect(root.querySelector('[part="text"]')?.textContent).to.equal(S.mfa_sms_text.replace('{phone}', '0123'));
    await expect(el).to.be.accessible();
  });

  it('switches to another factor from the code step, with an empty code field', async () => {
    const { el, root } = await after(stepAnswer('mfa_code', { factor: TOTP, others: [SMS] }, 'flow-totp'));
    expect(root.querySelector('[part="text"]')?.textContent).to.equal(S.mfa_totp_text);
    input(root, 'code').value = '12';
    t.wordpress.push(stepAnswer('mfa_code', { factor: SMS, others: [TOTP] }, 'flow-sms'));
    const step = nextStep(el);
    button(root, S.factor_sms_to.replace('{phone}', '0123'))!.click();
    await step;
    expect(t.wordpress.requests[1].body).to.include({ factor_id: SMS.id, flow: 'flow-totp' });
    expect(input(root, 'code').value).to.equal('');
    expect(root.querySelector('[part="text"]')?.textContent).to.equal(S.mfa_sms_text_any);
    await type(input(root, 'code'), '777777');
    t.wordpress.push(signedIn());
    await sendKeys({ press: 'Enter' });
    await until(() => t.visited.length === 1);
    expect(t.wordpress.requests[2].url).to.match(/auth\/mfa_verify$/);
    expect(t.wordpress.requests[2].body).to.include({ code: '777777', flow: 'flow-sms' });
  });

  it('enrolls an authenticator app: QR code, key for manual entry, then its code', async () => {
    const { el, root } = await after(stepAnswer('mfa_enroll', { types: ['totp', 'sms'] }, 'flow-enroll'));
    expect(heading(root)).to.equal(S.mfa_enroll_heading);
    expect(focused(root)?.id).to.equal('heading');
    const phone = input(root, 'phone');
    expect(phone).to.include({ type: 'tel', autocomplete: 'tel' });
    expect(root.getElementById(phone.getAttribute('aria-describedby')!)?.textContent).to.equal(S.phone_hint);
    await expect(el).to.be.accessible();
    const uri = 'otpauth://totp/Demo:noah@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Demo';
    t.wordpress.push(
      stepAnswer('mfa_code', { factor: TOTP, others: [], totp: { qr_code: QR, secret: 'JBSWY3DPEHPK3PXP', uri } }),
    );
    const step = nextStep(el);
    button(root, S.mfa_enroll_totp)!.click();
    await step;
    expect(t.wordpress.requests[1].url).to.match(/auth\/mfa_enroll$/);
    expect(t.wordpress.requests[1].body).to.include({ type: 'totp', flow: 'flow-enroll' });
    expect(heading(root)).to.equal(S.mfa_setup_heading);
    const qr = root.querySelector<HTMLImageElement>('[part="qr-code"]')!;
    expect(qr.src).to.equal(QR);
    expect(qr.alt).to.equal(S.mfa_qr_alt);
    expect(root.querySelector('[part="secret"]')?.textContent).to.equal('JBSWY3DPEHPK3PXP');
    expect(getComputedStyle(root.querySelector('.setup')!).display).to.equal('grid');
    expect(root.querySelector<HTMLAnchorElement>('a[part="link"]')?.href).to.equal(uri);
    expect(input(root, 'code').autocomplete).to.equal('one-time-code');
    await expect(el).to.be.accessible();
  });

  it('never shows a QR code that is not an image, nor a link that is not otpauth:', async () => {
    const { root } = await after(
      stepAnswer('mfa_code', {
        factor: TOTP,
        others: [],
        totp: { qr_code: 'javascript:alert(1)', secret: 'K', uri: 'javascript:alert(1)' },
      }),
    );
    expect(root.querySelector('[part="qr-code"]')).to.equal(null);
    expect(root.querySelector('a')).to.equal(null);
    expect(root.querySelector('[part="secret"]')?.textContent).to.equal('K');
  });

  it('enrolls a phone: checks the number, sends it as E.164', async () => {
    const { el, root } = await after(stepAnswer('mfa_enroll', { types: ['sms'] }, 'flow-enroll'));
    expect(button(root, S.mfa_enroll_totp)).to.equal(undefined);
    await type(input(root, 'phone'), '555 0123');
    await sendKeys({ press: 'Enter' });
    await until(() => root.getElementById('phone-error')?.textContent === S.phone_invalid);
    expect(focused(root)).to.equal(input(root, 'phone'));
    await expect(el).to.be.accessible();
    await type(input(root, 'phone'), '+1 (555) 555-0123');
    t.wordpress.push(stepAnswer('mfa_code', { factor: SMS, others: [], phone_hint: '0123' }));
    const step = nextStep(el);
    await sendKeys({ press: 'Enter' });
    await step;
    expect(t.wordpress.requests[1].body).to.include({ type: 'sms', phone_number: '+15555550123', flow: 'flow-enroll' });
  });

  it('lets the visitor pick an organization', async () => {
    const orgs = [
      { id: 'org_01DEMO', name: 'Demo Organization' },
      { id: 'org_01SECOND', name: 'Second Organization' },
    ];
    const { el, root } = await after(stepAnswer('org_select', { organizations: orgs }, 'flow-org'));
    expect(heading(root)).to.equal(S.org_heading);
    expect([...root.querySelectorAll('[part="choices"] button')].map((b) => b.textContent?.trim())).to.deep.equal([
      'Demo Organization',
      'Second Organization',
    ]);
    await expect(el).to.be.accessible();
    t.wordpress.push(signedIn());
    button(root, 'Second Organization')!.click();
    await until(() => t.visited.length === 1);
    expect(t.wordpress.requests[1].url).to.match(/auth\/org_select$/);
    expect(t.wordpress.requests[1].body).to.include({ organization_id: 'org_01SECOND', flow: 'flow-org' });
  });

  it('starts again from any step', async () => {
    const { el, root } = await after(stepAnswer('org_select', { organizations: [] }));
    button(root, S.start_again)!.click();
    await until(() => heading(root) === S.heading);
    await el.updateComplete;
    expect(input(root, 'password')).to.exist;
    expect(focused(root)?.id).to.equal('heading');
  });

  it('says so when the factor is not allowed here', async () => {
    const { el, root } = await after(stepAnswer('mfa_challenge', { factors: [TOTP] }));
    t.wordpress.push(errorAnswer(403, 'mfa_not_allowed'));
    button(root, S.factor_totp)!.click();
    await until(() => root.querySelector('[role="alert"]')?.textContent?.trim() === S.error_mfa_not_allowed);
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
