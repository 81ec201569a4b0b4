import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import signedInFixture from '../protocol/fixtures/browser-signed-in-response.json' with { type: 'json' };
import { navigation } from './navigation.ts';
import { fakeWordPress, json, type FakeWordPress } from './test/fake-wordpress.ts';
import { loginFixture, type } from './test/login-fixture.ts';
import { afterEach, beforeEach, describe, it } from './test/mocha.ts';
import { until } from './test/steps.ts';

describe('<workos-login> remember-me', () => {
  let wordpress: FakeWordPress | undefined;
  const originalAssign = navigation.assign;

  beforeEach(() => {
    navigation.assign = () => {};
    wordpress = fakeWordPress(() => json(200, signedInFixture));
  });
  afterEach(() => {
    navigation.assign = originalAssign;
    wordpress?.restore();
  });

  async function submit(attributes: Record<string, string>, check = false) {
    const parts = await loginFixture(attributes);
    const box = parts.el.shadowRoot!.querySelector<HTMLInputElement>('#remember');
    if (check) box!.click();
    await type(parts.email, 'ada@example.com');
    await type(parts.password, 'Correct-Horse-7');
    await sendKeys({ press: 'Enter' });
    await until(() => wordpress!.requests.length === 1);
    return { box, body: wordpress!.requests[0]?.body as Record<string, unknown> };
  }

  it('asks with a labelled checkbox when the profile says ask, and sends the choice', async () => {
    const { box, body } = await submit({ 'remember-me': 'ask' }, true);
    expect(box).to.exist;
    expect(box!.labels?.[0]?.textContent).to.equal('Remember me');
    expect(body.remember).to.equal(true);
  });

  it('has no axe violations with the checkbox shown', async () => {
    const parts = await loginFixture({ 'remember-me': 'ask' });
    await expect(parts.el).to.be.accessible();
  });

  it('sends false when the visitor leaves it unticked', async () => {
    const { body } = await submit({ 'remember-me': 'ask' });
    expect(body.remember).to.equal(false);
  });

  for (const policy of ['always', 'never']) {
    it(`shows nothing and sends nothing when the profile says ${policy}`, async () => {
      const { box, body } = await submit({ 'remember-me': policy });
      expect(box).to.equal(null);
      expect(body).not.to.have.property('remember');
    });
  }
});
