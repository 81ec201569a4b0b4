import { expect } from '@open-wc/testing';
import { DEFAULT_STRINGS as S } from '../protocol/strings.ts';
import { fakeWordPress, type FakeWordPress } from './test/fake-wordpress.ts';
import { loginFixture } from './test/login-fixture.ts';
import { afterEach, beforeEach, describe, it } from './test/mocha.ts';
import { button, heading, until } from './test/steps.ts';

/** Which view modules the page has fetched so far (each test file runs in its own page). */
const fetched = (name: string) =>
  performance.getEntriesByType('resource').some((entry) => new URL(entry.name).pathname.endsWith(`/views/${name}.ts`));

describe('<workos-login> loads rare views on demand', () => {
  let wordpress: FakeWordPress;
  beforeEach(() => {
    wordpress = fakeWordPress(() => 'network-error');
  });
  afterEach(() => wordpress.restore());

  it('fetches the sign-up and reset modules only when they are first shown', async () => {
    const { el, root } = await loginFixture({ signup: '', 'password-reset': '' });
    for (const name of ['signup', 'reset', 'invitation', 'mfa', 'mfa-enroll', 'org-select']) {
      expect(fetched(name), name).to.equal(false);
    }
    expect(fetched('start'), 'the first screen comes with the element').to.equal(true);
    button(root, S.create_account)!.click();
    await until(() => heading(root) === S.signup_heading);
    expect(fetched('signup')).to.equal(true);
    expect(fetched('reset')).to.equal(false);
    button(root, S.have_account)!.click();
    await until(() => heading(root) === S.heading);
    button(root, S.forgot_password)!.click();
    await until(() => heading(root) === S.reset_heading);
    await el.updateComplete;
    expect(fetched('reset')).to.equal(true);
    expect(fetched('mfa')).to.equal(false);
  });

  it('fetches the passkey module after the first render, only for profiles that offer passkeys', async () => {
    const passkeys = () =>
      performance
        .getEntriesByType('resource')
        .some((entry) => new URL(entry.name).pathname.endsWith('/passkey/passkeys.ts'));
    await loginFixture({ methods: 'password,magic_code' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(passkeys()).to.equal(false);
    const { root } = await loginFixture({ methods: 'password,passkey' });
    expect(root.querySelector('button[part~="passkey"]')?.textContent?.trim()).to.equal(S.passkey_sign_in);
    await until(passkeys);
  });
});
