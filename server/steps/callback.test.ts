import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AuthorizeTarget, Outcome } from '../../protocol/messages.ts';
import { as, BROWSER, integration, PASSWORD, totp } from './test-support.ts';

const choices = { redirect_to: 'http://localhost:8881/wp-admin/', remember: true };
const passthrough = choices;
let t: ReturnType<typeof integration>;
beforeEach(() => {
  t = integration();
});

const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];
const unescape = (s: string) => s.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'");

/**
 * Plays the browser at the fake's consent page: opens the authorize URL, picks the user with this
 * email (or denies), and returns WorkOS's redirect back to the callback as `{code, state}`.
 */
async function consent(url: string, choice: { email: string } | 'deny'): Promise<URLSearchParams> {
  const page = await t.fake.app.request(new URL(url).pathname + new URL(url).search);
  expect(page.status).toBe(200);
  const html = await page.text();
  const form = /<form[^>]*>/.exec(html)![0];
  const fields = new URLSearchParams();
  for (const [input] of html.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    fields.set(attr(input, 'name')!, unescape(attr(input, 'value') ?? ''));
  }
  if (choice === 'deny') fields.set('deny', '1');
  else {
    const button = [...html.matchAll(/<button[^>]*name="user_id"[^>]*>([^<]*)<\/button>/g)].find((m) =>
      m[1].includes(choice.email),
    );
    expect(button, `a button for ${choice.email}`).toBeDefined();
    fields.set('user_id', attr(button![0], 'value')!);
  }
  const answer = await t.fake.app.request(unescape(attr(form, 'action') ?? '/_fake/authorize'), {
    method: (attr(form, 'method') ?? 'post').toUpperCase(),
    body: fields,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  expect(answer.status).toBe(302);
  const back = new URL(answer.headers.get('location')!);
  expect(`${back.origin}${back.pathname}`).toBe('http://localhost:8881/workos/callback');
  return back.searchParams;
}

async function start(request: AuthorizeTarget, profile = {}): Promise<string> {
  return as(await t.send('authorize', { request, ...choices }, { profile }), 'redirect').url;
}

async function callback(code: string, state: string, browser = BROWSER, profile = {}): Promise<Outcome> {
  return t.send('callback', { code, state }, { context: { browser }, profile });
}

describe('callback', () => {
  it('signs in a social user with the PKCE verifier, handing back the visitor’s choices', async () => {
    const back = await consent(await start({ kind: 'oauth', provider: 'google' }), { email: 'ada@example.com' });
    const outcome = as(await callback(back.get('code')!, back.get('state')!), 'authenticated');
    expect(outcome.identity).toMatchObject({ user: { email: 'ada@example.com' }, method: 'oauth_google' });
    expect(outcome.passthrough).toEqual(passthrough);
  });

  it('reports SSO sign-ins as sso', async () => {
    const url = await start({ kind: 'sso', email: 'eve@sso.example.com' });
    const back = await consent(url, { email: 'eve@sso.example.com' });
    const outcome = as(await callback(back.get('code')!, back.get('state')!), 'authenticated');
    expect(outcome.identity).toMatchObject({ user: { email: 'eve@sso.example.com' }, method: 'sso' });
  });

  it('refuses another browser, or none, and never signs in', async () => {
    const back = await consent(await start({ kind: 'oauth', provider: 'google' }), { email: 'ada@example.com' });
    const other = createHash('sha256').update('attacker cookie').digest('hex');
    for (const browser of [other, '']) {
      expect(await callback(back.get('code')!, back.get('state')!, browser)).toEqual({
        type: 'error',
        code: 'flow_expired',
        message: 'The sign-in flow expired or is invalid: start again.',
        status: 400,
        passthrough,
      });
    }
    // The code was never presented: the right browser still gets in.
    as(await callback(back.get('code')!, back.get('state')!), 'authenticated');
  });

  it('refuses a forged state, another profile’s state, and a reused code', async () => {
    const back = await consent(await start({ kind: 'oauth', provider: 'github' }), { email: 'grace@example.com' });
    const code = back.get('code')!;
    const state = back.get('state')!;
    expect(await callback(code, `default:v1.${'A'.repeat(80)}`)).toMatchObject({ code: 'flow_expired', status: 400 });
    expect(await callback(code, state, BROWSER, { slug: 'members' })).toMatchObject({ code: 'flow_expired' });
    as(await callback(code, state), 'authenticated');
    expect(await callback(code, state)).toMatchObject({ code: 'invalid_code', status: 401, passthrough });
  });

  it('continues with a step when WorkOS needs one, carrying the choices to the resumed page', async () => {
    const back = await consent(await start({ kind: 'oauth', provider: 'google' }), { email: 'mia@example.com' });
    const outcome = as(await callback(back.get('code')!, back.get('state')!), 'step');
    expect(outcome).toMatchObject({ step: 'mfa_code', passthrough });
    const signedIn = await t.send('mfa_verify', { code: totp('JBSWY3DPEHPK3PXP') }, { flow: outcome.flow });
    expect(as(signedIn, 'authenticated').identity).toMatchObject({ method: 'oauth_google' });
  });

  it('sends a password user with sso_required through the callback as sso', async () => {
    const choices = { redirect_to: '/members/', remember: true };
    const sent = await t.send(
      'password',
      { email: 'eve@sso.example.com', password: PASSWORD },
      { passthrough: choices },
    );
    const back = await consent(as(sent, 'redirect').url, { email: 'eve@sso.example.com' });
    const outcome = as(await callback(back.get('code')!, back.get('state')!), 'authenticated');
    expect(outcome.identity.method).toBe('sso');
    // WordPress sent the visitor's choices with the password: they survive the trip through WorkOS.
    expect(outcome.passthrough).toEqual(choices);
  });

  it('names the AuthKit method WorkOS reports', async () => {
    const back = await consent(await start({ kind: 'authkit' }), { email: 'grace@example.com' });
    const outcome = as(await callback(back.get('code')!, back.get('state')!), 'authenticated');
    expect(outcome.identity.user.email).toBe('grace@example.com');
    expect(outcome.identity.method).toBe('password');
  });
});
