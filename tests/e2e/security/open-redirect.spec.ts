/**
 * Open redirect (issue 13, item 10): every place a destination enters — the REST sign-in answer,
 * the sign-in pages (signed out: what they hand the element; signed in: where they send the
 * visitor), the OAuth callback, logout and hosted logout — sends the visitor to this site only,
 * whatever spelling of an off-site address it is given. Each test first shows that an on-site
 * destination is honoured there, so the refusals are the validation's doing.
 */
import type { APIRequestContext } from '@playwright/test';
import type { Stack } from '../../../scripts/stack.ts';
import { DEMO_PASSWORD, expect, test } from '../fixtures.ts';
import { removeRateLimits, setRateLimits } from '../flows.ts';
import { setOptions } from '../passkeys.ts';
import { phpJsonOut, saveProfiles } from '../profiles.ts';
import {
  authPost,
  inParallel,
  landing,
  mintSessions,
  oauthCallback,
  offSiteDestinations,
  send,
  type Session,
  visitor,
} from './attack.ts';

const GRACE = 'grace@example.com';
/** Grace is a subscriber: WordPress's own destination for her is her profile screen. */
const DEFAULT = '/wp-admin/profile.php';
const ON_SITE = '/sample-page/?from=attack-suite';

test.beforeEach(async ({ stack }) => {
  // Dozens of sign-ins of one address per test: the limits are not what is tested here.
  await setRateLimits(stack, { ip: { max: 0 }, callback: { max: 0 }, email: { password: { max: 0 } } });
  await saveProfiles(stack, { slug: 'social', methods: ['oauth_google', 'password'] });
});
test.afterEach(({ stack }) => removeRateLimits(stack));

const query = (target: string) => `redirect_to=${encodeURIComponent(target)}`;
/** wp-login.php's logout of a session (its nonce), asking for `target`. */
const logout = (session: Session, target: string) =>
  `/wp-login.php?action=logout&_wpnonce=${session.logout}&${query(target)}`;

/** The `redirect-to` a sign-in page gives its element ('' when none), HTML entities decoded. */
async function elementDestination(api: APIRequestContext, path: string): Promise<string> {
  const page = await api.get(path);
  expect(page.status(), path).toBe(200);
  const html = await page.text();
  expect(html, path).toContain('<workos-login');
  const raw = /<workos-login\b[^>]*\sredirect-to="([^"]*)"/.exec(html)?.[1] ?? '';
  return raw
    .replace(/&#0?38;|&amp;/g, '&')
    .replace(/&#0?39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"');
}

/** Signs Grace in over REST and answers her WordPress session's WorkOS session id. */
async function workosSessionOfGrace(stack: Stack, api: APIRequestContext): Promise<string> {
  const signedIn = await authPost(api, 'password', { profile: 'default', email: GRACE, password: DEMO_PASSWORD });
  expect(signedIn.body.type).toBe('signed_in');
  return phpJsonOut<string>(
    stack,
    `$user = get_user_by( 'email', '${GRACE}' );
    $ids  = array_filter( array_column( WP_Session_Tokens::get_instance( $user->ID )->get_all(), 'workos_session_id' ) );
    echo wp_json_encode( (string) reset( $ids ) );`,
  );
}

test('the REST sign-in answer names no off-site destination', async ({ stack, playwright }) => {
  const site = stack.wordpressUrl;
  const signIn = async (redirect_to: string) => {
    const api = await visitor(playwright, stack);
    const answer = await authPost(api, 'password', {
      profile: 'default',
      email: GRACE,
      password: DEMO_PASSWORD,
      redirect_to,
    });
    await api.dispose();
    expect(answer.body.type, JSON.stringify(answer.body)).toBe('signed_in');
    return String(answer.body.redirect_to);
  };
  expect(new URL(await signIn(ON_SITE), site).href).toBe(new URL(ON_SITE, site).href);
  await inParallel(offSiteDestinations(site), async ([name, target]) => {
    const destination = await signIn(target);
    expect.soft(landing(destination, site), `${name}: ${destination}`).toBe(new URL(site).origin);
    expect.soft(new URL(destination, site).pathname, name).toBe(DEFAULT);
  });
});

test('the sign-in pages hand their element no off-site destination', async ({ stack, playwright }) => {
  const site = stack.wordpressUrl;
  const api = await visitor(playwright, stack);
  for (const page of ['/workos/login/default', '/wp-login.php']) {
    expect(await elementDestination(api, `${page}?${query(ON_SITE)}`), page).toBe(ON_SITE);
    await inParallel(offSiteDestinations(site), async ([name, target]) => {
      const destination = await elementDestination(api, `${page}?${query(target)}`);
      expect.soft(destination, `${page} ${name}`).toBe('');
    });
  }
  await api.dispose();
});

test('a signed-in visitor is sent on to this site only', async ({ stack, playwright }) => {
  const site = stack.wordpressUrl;
  await authPost(await visitor(playwright, stack), 'password', {
    profile: 'default',
    email: GRACE,
    password: DEMO_PASSWORD,
  });
  const [session] = await mintSessions(stack, GRACE);
  const api = await visitor(playwright, stack, session.cookies);
  for (const page of ['/workos/login/default', '/wp-login.php']) {
    const honoured = await send(api, 'GET', `${page}?${query(ON_SITE)}`);
    expect(honoured.status, page).toBe(302);
    expect(new URL(honoured.headers.location, site).href, page).toBe(new URL(ON_SITE, site).href);
    await inParallel(offSiteDestinations(site), async ([name, target]) => {
      const answer = await send(api, 'GET', `${page}?${query(target)}`);
      expect.soft(answer.status, `${page} ${name}`).toBe(302);
      const location = answer.headers.location ?? '';
      expect.soft(landing(location, site), `${page} ${name}: ${location}`).toBe(new URL(site).origin);
      expect.soft(new URL(location, site).pathname, `${page} ${name}`).toBe(DEFAULT);
    });
  }
  await api.dispose();
});

test('the OAuth callback sends the visitor to this site only', async ({ stack, playwright }) => {
  const site = stack.wordpressUrl;
  const callback = async (redirect_to: string) => {
    const api = await visitor(playwright, stack);
    const answer = await send(api, 'GET', (await oauthCallback(api, { profile: 'social', redirect_to })).href);
    await api.dispose();
    expect(answer.status, JSON.stringify(answer.body).slice(0, 300)).toBe(302);
    return answer.headers.location ?? '';
  };
  expect(new URL(await callback(ON_SITE), site).href).toBe(new URL(ON_SITE, site).href);
  await inParallel(offSiteDestinations(site), async ([name, target]) => {
    const location = await callback(target);
    expect.soft(landing(location, site), `${name}: ${location}`).toBe(new URL(site).origin);
    expect.soft(new URL(location, site).pathname, name).toBe(DEFAULT);
  });
});

test('logout sends the visitor to this site only', async ({ stack, playwright }) => {
  const site = stack.wordpressUrl;
  await authPost(await visitor(playwright, stack), 'password', {
    profile: 'default',
    email: GRACE,
    password: DEMO_PASSWORD,
  });
  const targets = [['on site', ON_SITE], ...offSiteDestinations(site)] as const;
  const sessions = await mintSessions(stack, GRACE, { count: targets.length });
  await inParallel(targets, async ([name, target], i) => {
    const api = await visitor(playwright, stack, sessions[i].cookies);
    const answer = await send(api, 'GET', logout(sessions[i], target));
    await api.dispose();
    expect.soft(answer.status, name).toBe(302);
    const location = answer.headers.location ?? '';
    expect.soft(landing(location, site), `${name}: ${location}`).toBe(new URL(site).origin);
    if (target === ON_SITE) expect.soft(new URL(location, site).href).toBe(new URL(ON_SITE, site).href);
  });
});

test('hosted logout sends the visitor through WorkOS back to this site only', async ({ stack, playwright }) => {
  const site = stack.wordpressUrl;
  await setOptions(stack, { hosted_logout: true });
  const sid = await workosSessionOfGrace(stack, await visitor(playwright, stack));
  expect(sid).toMatch(/^session_/);
  const targets = [['on site', ON_SITE], ...offSiteDestinations(site)] as const;
  const sessions = await mintSessions(stack, GRACE, { count: targets.length, workosSession: sid });
  // One at a time: each revokes the session at WorkOS through the login server.
  for (const [i, [name, target]] of targets.entries()) {
    const api = await visitor(playwright, stack, sessions[i].cookies);
    const answer = await send(api, 'GET', logout(sessions[i], target));
    await api.dispose();
    const location = new URL(answer.headers.location ?? '', site);
    // The one foreign hop is WorkOS's own logout, for this session; it returns to the site.
    expect.soft(location.origin, name).toBe(new URL(stack.workosUrl).origin);
    expect.soft(location.searchParams.get('session_id'), name).toBe(sid);
    const returnTo = location.searchParams.get('return_to') ?? '';
    expect.soft(landing(returnTo, site), `${name}: ${returnTo}`).toBe(new URL(site).origin);
    if (target === ON_SITE) expect.soft(returnTo).toBe(new URL(ON_SITE, site).href);
  }
});
