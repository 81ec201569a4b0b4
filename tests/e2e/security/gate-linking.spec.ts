/**
 * The entitlement gate and account linking, attacked over REST (issue 13, item 10): whoever WorkOS
 * authenticates, WordPress signs in only an active member of the required organization, never
 * links an account by an email WorkOS has not verified (nor one linked to someone else), and never
 * lets a suspended user back in. Every refusal sets no cookie, creates no account, stores no
 * session and ends the WorkOS session the attempt opened.
 */
import type { APIRequestContext } from '@playwright/test';
import type { Stack } from '../../../scripts/stack.ts';
import { DEMO_PASSWORD, expect, test } from '../fixtures.ts';
import { createFakeUser, DEMO_ORG, fakeSessions, SECOND_ORG, uniqueEmail, userId } from '../flows.ts';
import { phpJson, phpJsonOut, saveProfiles } from '../profiles.ts';
import { authPost, setsLoginCookie, visitor, type Answer } from './attack.ts';

const DENIED = 'Members of Demo Organization only.';

async function setOptions(stack: Stack, options: Record<string, unknown>): Promise<void> {
  await stack.site.php(
    `foreach ( ${phpJson(options)} as $name => $value ) { update_option( 'workos_login_' . $name, $value ); }`,
  );
}

const gateOn = (stack: Stack, organization = DEMO_ORG) =>
  setOptions(stack, { organization_id: organization, gate_enabled: true, gate_message: DENIED });

/** WordPress's record of the account with this email: its link and its stored sessions. */
function account(stack: Stack, email: string) {
  return phpJsonOut<{ id: number; roles: string[]; workos: string; sessions: number } | null>(
    stack,
    `$u = get_user_by( 'email', ${phpJson(email)} );
    echo wp_json_encode( $u ? array(
      'id' => $u->ID,
      'roles' => array_values( $u->roles ),
      'workos' => get_user_meta( $u->ID, '_workos_user_id', true ),
      'sessions' => count( WP_Session_Tokens::get_instance( $u->ID )->get_all() ),
    ) : null );`,
  );
}

async function signIn(api: APIRequestContext, email: string, profile = 'default'): Promise<Answer> {
  return authPost(api, 'password', { profile, email, password: DEMO_PASSWORD });
}

/**
 * A sign-in that must be refused: 403 `sign_in_refused` (with `message` when given), no cookie,
 * and the WorkOS session the attempt opened revoked.
 */
async function expectRefused(
  stack: Stack,
  api: APIRequestContext,
  email: string,
  profile = 'default',
  message?: string,
) {
  const workosUser = userId(email);
  const before = new Set((await fakeSessions(stack, workosUser)).map((s) => s.id));
  const answer = await signIn(api, email, profile);
  expect(answer.status, JSON.stringify(answer.body)).toBe(403);
  expect(answer.body).toMatchObject({ type: 'error', code: 'sign_in_refused', ...(message ? { message } : {}) });
  expect(setsLoginCookie(answer)).toBe(false);
  const opened = (await fakeSessions(stack, workosUser)).filter((s) => !before.has(s.id));
  expect(opened.length, 'the WorkOS session the attempt opened').toBe(1);
  expect(opened[0].status).toBe('revoked');
}

/** Sets a membership's status in the fake; answers the undo. */
async function setMembership(stack: Stack, email: string, status: 'active' | 'inactive' | 'pending') {
  const post = (to: string) =>
    fetch(`${stack.workosUrl}/_fake/memberships/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, organization_id: DEMO_ORG, status: to }),
    });
  expect((await post(status)).status).toBe(200);
  return async () => void (await post('active'));
}

test.describe('the entitlement gate', () => {
  test('a user with no membership in the required organization is refused', async ({ stack, playwright }) => {
    await gateOn(stack);
    await expectRefused(stack, await visitor(playwright, stack), 'linus@example.com', 'default', DENIED);
    expect(await account(stack, 'linus@example.com')).toBeNull();
  });

  test('an inactive membership is refused', async ({ stack, playwright }) => {
    await gateOn(stack);
    await expectRefused(stack, await visitor(playwright, stack), 'ken@example.com', 'default', DENIED);
    expect(await account(stack, 'ken@example.com')).toBeNull();
  });

  test('a pending membership is refused', async ({ stack, playwright }) => {
    await gateOn(stack);
    const undo = await setMembership(stack, 'grace@example.com', 'pending');
    try {
      await expectRefused(stack, await visitor(playwright, stack), 'grace@example.com', 'default', DENIED);
      expect(await account(stack, 'grace@example.com')).toBeNull();
    } finally {
      await undo();
    }
  });

  test('a member of another organization only is refused by a profile pinned to this one', async ({
    stack,
    playwright,
  }) => {
    await gateOn(stack);
    await saveProfiles(stack, { slug: 'second', organization_id: SECOND_ORG });
    // Ada is an active member of the site's organization, not of the profile's.
    await expectRefused(stack, await visitor(playwright, stack), 'ada@example.com', 'second', DENIED);
    expect(await account(stack, 'ada@example.com')).toBeNull();
  });

  test('with no organization to check against, the gate fails closed', async ({ stack, playwright }) => {
    await gateOn(stack, '');
    await expectRefused(stack, await visitor(playwright, stack), 'ada@example.com', 'default', DENIED);
  });
});

test.describe('account linking', () => {
  test('an unverified WorkOS email never links to the existing account with that email', async ({
    stack,
    playwright,
  }) => {
    await stack.site.php(
      `wp_insert_user( array( 'user_login' => 'margaret', 'user_email' => 'margaret@example.com', 'user_pass' => wp_generate_password(), 'role' => 'editor' ) );`,
    );
    await expectRefused(stack, await visitor(playwright, stack), 'margaret@example.com');
    expect(await account(stack, 'margaret@example.com')).toMatchObject({ workos: '', sessions: 0, roles: ['editor'] });
  });

  test('a WorkOS account made with an administrator’s email, unverified, gets nothing of it', async ({
    stack,
    playwright,
  }) => {
    const email = uniqueEmail('boss');
    await stack.site.php(
      `wp_insert_user( array( 'user_login' => 'boss', 'user_email' => ${phpJson(email)}, 'user_pass' => wp_generate_password(), 'role' => 'administrator' ) );`,
    );
    await createFakeUser(stack, email, { verified: false });
    const answer = await signIn(await visitor(playwright, stack), email);
    // WorkOS asks for the code it emails to the address — its owner has it, the attacker not.
    expect(answer.body, JSON.stringify(answer.body)).toMatchObject({ type: 'step', step: 'email_verify' });
    expect(setsLoginCookie(answer)).toBe(false);
    expect(await account(stack, email)).toMatchObject({ workos: '', sessions: 0, roles: ['administrator'] });
  });

  test('an account linked to another WorkOS user is not taken over by a matching verified email', async ({
    stack,
    playwright,
  }) => {
    await stack.site.php(
      `$id = wp_insert_user( array( 'user_login' => 'grace', 'user_email' => 'grace@example.com', 'user_pass' => wp_generate_password(), 'role' => 'editor' ) );
      update_user_meta( $id, '_workos_user_id', 'user_01SOMEONEELSE' );`,
    );
    await expectRefused(stack, await visitor(playwright, stack), 'grace@example.com');
    expect(await account(stack, 'grace@example.com')).toMatchObject({ workos: 'user_01SOMEONEELSE', sessions: 0 });
  });
});

test.describe('suspension', () => {
  test('a suspended user is refused, and the sessions open at suspension end', async ({ stack, playwright }) => {
    const before = await visitor(playwright, stack);
    expect((await signIn(before, 'grace@example.com')).status).toBe(200);
    const works = async (api: APIRequestContext) =>
      (await api.get('/wp-admin/profile.php', { maxRedirects: 0 })).status() === 200;
    expect(await works(before)).toBe(true);

    const { id } = (await account(stack, 'grace@example.com'))!;
    await stack.site.php(`workos_login_set_suspended( get_user_by( 'id', ${id} ), true, 'admin', 'attack suite' );`);
    expect(await works(before)).toBe(false);

    await expectRefused(stack, await visitor(playwright, stack), 'grace@example.com');
    expect((await account(stack, 'grace@example.com'))!.sessions).toBe(0);
  });
});
