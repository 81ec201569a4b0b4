import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PasskeySummary } from '../../protocol/messages.ts';
import { PASSKEY_MANAGE_STRINGS as S } from '../../protocol/strings/passkeys-manage.ts';
import { json } from '../test/fake-wordpress.ts';
import { afterEach, beforeEach, describe, it } from '../test/mocha.ts';
import { until, useScriptedWordPress } from '../test/steps.ts';
import { ATTESTATION, CREATION_OPTIONS, domError, spySignals, useFakeWebAuthn } from '../test/webauthn.ts';
import './index.ts';
import type { WorkosPasskeys } from './workos-passkeys.ts';

const ROOT = '/wp-json/workos/v1/';
const SYNCED: PasskeySummary = {
  id: 'c3luY2VkLXBhc3NrZXktMDAwMDAwMDAwMDAw',
  name: 'iCloud Keychain',
  created_at: '2026-01-15T10:00:00Z',
  last_used_at: '2026-02-01T08:30:00Z',
  device_type: 'multiDevice',
  backed_up: true,
  transports: ['internal', 'hybrid'],
};
const KEY: PasskeySummary = {
  id: 'c2VjdXJpdHkta2V5LTAwMDAwMDAwMDAwMDAw',
  name: 'YubiKey',
  created_at: '2026-01-20T10:00:00Z',
  last_used_at: null,
  device_type: 'singleDevice',
  backed_up: false,
  transports: ['usb'],
};
const list = (extra: object = {}) =>
  json(200, {
    user_id: 1,
    passkeys: [SYNCED, KEY],
    can_register: true,
    reauth_url: null,
    rp_id: 'localhost',
    user_handle: 'dXNlcl8wMQ',
    ...extra,
  });

const text = (node: Element | null | undefined) => node?.textContent?.trim().replace(/\s+/g, ' ') ?? '';
const buttonNamed = (root: ShadowRoot, name: string) =>
  [...root.querySelectorAll('button')].find((b) => text(b) === name);

describe('<workos-passkeys>', () => {
  const t = useScriptedWordPress();
  const webauthn = useFakeWebAuthn();
  let signals: ReturnType<typeof spySignals>;
  beforeEach(() => {
    signals = spySignals();
  });
  afterEach(() => signals.restore());

  async function mount(answer: Response, user?: number) {
    t.wordpress.push(answer);
    const el = await fixture<WorkosPasskeys>(
      user
        ? html`<workos-passkeys api-root=${ROOT} nonce="rest-nonce" user=${user}></workos-passkeys>`
        : html`<workos-passkeys api-root=${ROOT} nonce="rest-nonce"></workos-passkeys>`,
    );
    const root = el.shadowRoot!;
    await until(() => !root.querySelector('[part="loading"]'));
    await el.updateComplete;
    return { el, root };
  }

  it('lists the own passkeys: name, created, last used, synced or this device only, backed up', async () => {
    const { el, root } = await mount(list());
    const request = t.wordpress.requests[0];
    expect(request.url).to.equal(`${ROOT}passkeys`);
    expect(request.method).to.equal('GET');
    expect(request.headers.get('X-WP-Nonce')).to.equal('rest-nonce');
    expect(request.credentials).to.equal('same-origin');
    expect(text(root.querySelector('h2'))).to.equal(S.passkeys_heading);
    const headers = [...root.querySelectorAll('thead th')].map(text);
    expect(headers).to.deep.equal([
      S.passkeys_name,
      S.passkeys_created,
      S.passkeys_last_used,
      S.passkeys_type,
      S.passkeys_backed_up,
      S.passkeys_actions,
    ]);
    const rows = [...root.querySelectorAll('tbody tr')].map((row) => [...row.children].map(text));
    expect(rows[0][0]).to.equal('iCloud Keychain');
    expect(rows[0][3]).to.equal(S.passkeys_synced);
    expect(rows[0][4]).to.equal(S.passkeys_yes);
    expect(rows[1][2]).to.equal(S.passkeys_never_used);
    expect(rows[1][3]).to.equal(S.passkeys_device_only);
    expect(rows[1][4]).to.equal(S.passkeys_no);
    expect(root.querySelector('tbody time')?.getAttribute('datetime')).to.equal('2026-01-15T10:00:00.000Z');
    expect(buttonNamed(root, S.passkeys_add)).to.exist;
    expect(buttonNamed(root, S.passkeys_remove_all)).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('tells the browser which passkeys the site still accepts (Signal API), for the own list only', async () => {
    await mount(list());
    expect(signals.calls.accepted).to.deep.equal([
      { rpId: 'localhost', userId: 'dXNlcl8wMQ', allAcceptedCredentialIds: [SYNCED.id, KEY.id] },
    ]);
  });

  it('renames a passkey inline', async () => {
    const { el, root } = await mount(list());
    buttonNamed(root, S.passkeys_rename)!.click();
    await el.updateComplete;
    const field = root.querySelector<HTMLInputElement>('#rename')!;
    await until(() => root.activeElement === field);
    expect(field.value).to.equal('iCloud Keychain');
    expect(buttonNamed(root, S.passkeys_delete)).to.equal(undefined);
    await expect(el).to.be.accessible();
    // Empty names are refused here first.
    field.value = '  ';
    buttonNamed(root, S.passkeys_save)!.click();
    await until(() => text(root.querySelector('[part="field-error"]')) === S.passkeys_name_required);
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    field.value = 'My phone';
    t.wordpress.push(json(200, { passkey: { ...SYNCED, name: 'My phone' } }));
    await sendKeys({ press: 'Enter' });
    await until(() => text(root.querySelector('[role="status"]')) === S.passkeys_renamed);
    expect(t.wordpress.requests[1].url).to.equal(`${ROOT}passkeys/${SYNCED.id}`);
    expect(t.wordpress.requests[1].method).to.equal('PATCH');
    expect(t.wordpress.requests[1].body).to.deep.equal({ name: 'My phone' });
    expect(text(root.querySelector('tbody th'))).to.equal('My phone');
    await until(() => root.activeElement?.getAttribute('data-id') === SYNCED.id);
  });

  it('cancels a rename with Escape', async () => {
    const { el, root } = await mount(list());
    buttonNamed(root, S.passkeys_rename)!.click();
    await until(() => root.activeElement?.id === 'rename');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(root.querySelector('#rename')).to.equal(null);
    expect(t.wordpress.requests).to.have.length(1);
  });

  it('deletes a passkey after confirming, and signals the browser', async () => {
    const { el, root } = await mount(list());
    const removed: string[][] = [];
    el.addEventListener('workos-passkey-removed', (event) => removed.push(event.detail.ids));
    [...root.querySelectorAll<HTMLButtonElement>('button[part~="delete"]')][1].click();
    await el.updateComplete;
    const confirm = root.querySelector('[part="confirm"]')!;
    expect(text(confirm)).to.contain('YubiKey');
    expect(text(confirm)).to.contain(S.passkeys_delete_confirm);
    await until(() => root.activeElement?.id === 'confirm-text');
    await expect(el).to.be.accessible();
    t.wordpress.push(json(200, { deleted: true, id: KEY.id, rp_id: 'localhost' }));
    buttonNamed(root, S.passkeys_delete)!.click();
    await until(() => text(root.querySelector('[role="status"]')) === S.passkeys_deleted);
    expect(t.wordpress.requests[1].method).to.equal('DELETE');
    expect(t.wordpress.requests[1].url).to.equal(`${ROOT}passkeys/${KEY.id}`);
    expect(root.querySelectorAll('tbody tr')).to.have.length(1);
    expect(signals.calls.unknown).to.deep.equal([{ rpId: 'localhost', credentialId: KEY.id }]);
    expect(removed).to.deep.equal([[KEY.id]]);
  });

  it('keeps the passkey when the confirmation is cancelled', async () => {
    const { el, root } = await mount(list());
    buttonNamed(root, S.passkeys_delete)!.click();
    await el.updateComplete;
    buttonNamed(root, S.passkeys_cancel)!.click();
    await el.updateComplete;
    expect(root.querySelector('[part="confirm"]')).to.equal(null);
    expect(root.querySelectorAll('tbody tr')).to.have.length(2);
    expect(t.wordpress.requests).to.have.length(1);
  });

  it('adds a passkey: options, the browser dialog, then verify', async () => {
    const { el, root } = await mount(list({ passkeys: [] }));
    expect(text(root.querySelector('[part="empty"]'))).to.equal(S.passkeys_empty);
    const added: string[] = [];
    el.addEventListener('workos-passkey-added', (event) => added.push(event.detail.passkey.name));
    t.wordpress.push(
      json(200, { options: CREATION_OPTIONS, flow: 'flow-register' }),
      json(200, { passkey: { ...KEY, id: ATTESTATION.id, name: 'Chrome on Linux' } }),
    );
    buttonNamed(root, S.passkeys_add)!.click();
    await until(() => text(root.querySelector('[role="status"]')) === S.passkeys_added);
    expect(t.wordpress.requests[1].url).to.equal(`${ROOT}passkeys/register/options`);
    expect(t.wordpress.requests[2].url).to.equal(`${ROOT}passkeys/register/verify`);
    expect(t.wordpress.requests[2].body).to.deep.equal({ flow: 'flow-register', response: ATTESTATION });
    expect(webauthn.registrations).to.deep.equal([{ optionsJSON: CREATION_OPTIONS }]);
    expect(text(root.querySelector('tbody th'))).to.equal('Chrome on Linux');
    expect(added).to.deep.equal(['Chrome on Linux']);
    await expect(el).to.be.accessible();
  });

  it('words a cancelled dialog and a passkey this device already has', async () => {
    const { root } = await mount(list());
    webauthn.register = () => Promise.reject(domError('NotAllowedError'));
    t.wordpress.push(json(200, { options: CREATION_OPTIONS, flow: 'f' }));
    buttonNamed(root, S.passkeys_add)!.click();
    await until(() => text(root.querySelector('[role="alert"]')) === S.passkeys_cancelled);
    t.wordpress.push(
      json(200, { options: CREATION_OPTIONS, flow: 'f' }),
      json(409, { code: 'passkey_exists', message: '' }),
    );
    webauthn.register = async () => ATTESTATION;
    buttonNamed(root, S.passkeys_add)!.click();
    await until(() => text(root.querySelector('[role="alert"]')) === S.passkeys_exists);
  });

  it('asks for a fresh sign-in when adding needs one (reauth_required), with a link', async () => {
    const { el, root } = await mount(list());
    t.wordpress.push(
      json(403, {
        code: 'reauth_required',
        message: 'For your security, sign in again to add a passkey.',
        data: { status: 403, reauth_url: 'http://localhost/wp-login.php?reauth=1' },
      }),
    );
    buttonNamed(root, S.passkeys_add)!.click();
    await until(() => !!root.querySelector('[part="reauth"]'));
    const link = root.querySelector<HTMLAnchorElement>('a[part="link"]')!;
    expect(link.getAttribute('href')).to.equal('http://localhost/wp-login.php?reauth=1');
    expect(text(link)).to.equal(S.passkeys_reauth_link);
    await until(() => root.activeElement === link);
    expect(buttonNamed(root, S.passkeys_add)).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('shows the reauth link straight away when the list says so, never a javascript: one', async () => {
    const { root } = await mount(list({ can_register: false, reauth_url: 'http://localhost/wp-login.php?reauth=1' }));
    expect(text(root.querySelector('[part="reauth"]'))).to.contain(S.passkeys_reauth);
    const { root: other } = await mount(list({ can_register: false, reauth_url: 'javascript:alert(1)' }));
    expect(other.querySelector('[part="reauth"]')).to.equal(null);
  });

  it("removes all of another user's passkeys (administrators), with no Add button", async () => {
    const { el, root } = await mount(list({ user_id: 7, can_register: false, user_handle: null }), 7);
    expect(t.wordpress.requests[0].url).to.equal(`${ROOT}passkeys?user=7`);
    expect(buttonNamed(root, S.passkeys_add)).to.equal(undefined);
    expect(signals.calls.accepted).to.deep.equal([]);
    const removed: string[][] = [];
    el.addEventListener('workos-passkey-removed', (event) => removed.push(event.detail.ids));
    buttonNamed(root, S.passkeys_remove_all)!.click();
    await el.updateComplete;
    expect(text(root.querySelector('[part="confirm"]'))).to.contain(S.passkeys_remove_all_confirm);
    await expect(el).to.be.accessible();
    t.wordpress.push(json(200, { removed: 2 }));
    buttonNamed(root, S.passkeys_remove_all)!.click();
    await until(() => text(root.querySelector('[role="status"]')) === S.passkeys_removed.replace('{count}', '2'));
    expect(t.wordpress.requests[1].method).to.equal('DELETE');
    expect(t.wordpress.requests[1].url).to.equal(`${ROOT}users/7/passkeys`);
    expect(text(root.querySelector('[part="empty"]'))).to.equal(S.passkeys_empty);
    expect(removed).to.deep.equal([[SYNCED.id, KEY.id]]);
  });

  it('offers to try again when the list cannot be loaded', async () => {
    const { root } = await mount(json(403, { code: 'rest_forbidden', message: 'Sorry', data: { status: 403 } }));
    expect(text(root.querySelector('section'))).to.contain(S.passkeys_load_failed);
    t.wordpress.push(list());
    buttonNamed(root, S.passkeys_retry)!.click();
    await until(() => root.querySelectorAll('tbody tr').length === 2);
  });

  it('takes translations from its i18n attribute', async () => {
    t.wordpress.push(list());
    const el = await fixture<WorkosPasskeys>(
      html`<workos-passkeys
        api-root=${ROOT}
        i18n=${JSON.stringify({ passkeys_heading: 'Passkeys (de)' })}
      ></workos-passkeys>`,
    );
    expect(text(el.shadowRoot!.querySelector('h2'))).to.equal('Passkeys (de)');
  });

  it('works with plain permalinks (?rest_route=)', async () => {
    t.wordpress.push(list());
    await fixture(html`<workos-passkeys api-root="/?rest_route=/" user="3"></workos-passkeys>`);
    await until(() => t.wordpress.requests.length === 1);
    expect(t.wordpress.requests[0].url).to.equal('/?rest_route=/workos/v1/passkeys&user=3');
  });
});
