/**
 * One sign-in whose steps are served by different PHP nodes and different login-server replicas
 * (issue 12, item 6): everything a step needs from the one before — the sealed flow, the nonce,
 * rate-limit and one-time state, the session — must live where every node and replica finds it.
 * Production lane only: the SQLite lane has one node and one login server.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { expect, signIn, test } from '../e2e/fixtures.ts';
import { DEMO_PASSWORD, MIA_TOTP, enterCode, loggedIn, loginOf, totp } from '../e2e/flows.ts';
import { phpJsonOut, saveProfiles } from '../e2e/profiles.ts';

test.skip(({ stack }) => stack.lane !== 'prod', 'needs two PHP nodes and two login-server replicas');

/** What a log file gained since `offset`. */
const since = (file: string, offset: number) => (existsSync(file) ? readFileSync(file, 'utf8').slice(offset) : '');
const sizeOf = (file: string | null) => (file && existsSync(file) ? statSync(file).size : 0);

test('password, MFA challenge, TOTP: steps on both PHP nodes and both replicas, and signed in', async ({
  page,
  stack,
}) => {
  await saveProfiles(stack, { slug: 'mfa', methods: ['password'], mfa: { enforce: 'if_required', factors: ['totp'] } });
  const [first, second] = stack.nodes;
  // Round-robin alone would usually alternate, but any request in between (a lazy chunk, a fresh
  // nonce) can put two steps on one node: pin them, one per node, in turn.
  let steps = 0;
  await page.route('**/wp-json/workos/v1/auth/**', async (route) => {
    const pin = (steps++ % 2 === 0 ? first : second).name;
    await route.continue({ headers: { ...route.request().headers(), 'x-workos-pin-node': pin } });
  });
  const answers: Array<{ step: string; node: string | undefined; status: number }> = [];
  page.on('response', (response) => {
    const step = /\/wp-json\/workos\/v1\/auth\/([\w/-]+)/.exec(response.url())?.[1];
    if (step) answers.push({ step, node: response.headers()['x-workos-node'], status: response.status() });
  });
  const logs = stack.replicas.map((replica) => ({ replica, offset: sizeOf(replica.logFile) }));
  const balancerOffset = sizeOf(stack.balancerLog);

  await page.goto('/workos/login/mfa');
  await signIn(page, 'mia@example.com', DEMO_PASSWORD);
  await expect(loginOf(page).getByRole('heading', { name: 'Two-step verification' })).toBeFocused();
  await enterCode(page, totp(MIA_TOTP));
  await page.waitForURL('**/wp-admin/**');

  // PHP: the browser's steps were answered by both nodes, and both answers were good.
  expect(answers.map(({ status }) => status)).toEqual(answers.map(() => 200));
  expect(new Set(answers.map(({ node }) => node))).toEqual(new Set([first.name, second.name]));

  // Login servers: the balancer sent this flow's steps to both replicas, and each logged a step.
  const balanced = since(stack.balancerLog!, balancerOffset);
  for (const { replica, offset } of logs) {
    expect(balanced, `balancer log names ${replica.name}`).toContain(`replica=${replica.name}`);
    const stepLines = since(replica.logFile!, offset)
      .split('\n')
      .filter((line) => line.includes('"msg":"step"'));
    expect(stepLines.length, `${replica.name} ran a step of the flow`).toBeGreaterThan(0);
  }

  // Signed in for real: the cookie, and one stored WordPress session.
  expect(await loggedIn(page)).toBe(true);
  const sessions = await phpJsonOut<number>(
    stack,
    `$u = get_user_by( 'email', 'mia@example.com' );
    echo wp_json_encode( $u ? count( WP_Session_Tokens::get_instance( $u->ID )->get_all() ) : 0 );`,
  );
  expect(sessions).toBe(1);
});
