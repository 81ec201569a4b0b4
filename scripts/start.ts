/**
 * `npm start`: the whole suite on this machine — WorkOS fake (or real WorkOS), login server,
 * WordPress with the plugin — then the URLs and demo users. Ctrl-C stops everything.
 */
import { build } from './build.ts';
import { demoUsers } from './demo-users.ts';
import { startStack } from './stack.ts';
import { WP_RELEASE } from './wp/index.ts';

const ports = {
  workos: Number(process.env.WORKOS_FAKE_PORT ?? 4100),
  server: Number(process.env.WORKOS_LOGIN_SERVER_PORT ?? 4101),
  wordpress: Number(process.env.WP_PORT ?? 8881),
};

build();
// The demo's `admin` has no WorkOS account: the emergency native form is its way in.
const stack = await startStack({ name: 'demo', ports, constants: { WORKOS_LOGIN_ALLOW_NATIVE_LOGIN: true } });

const wp = stack.wordpressUrl;
const lines = [
  '',
  'WorkOS Login for WordPress is running.',
  '',
  `  Site              ${wp}/   (WordPress ${WP_RELEASE})`,
  `  Sign in           ${wp}/workos/login/default   (also ${wp}/wp-login.php)`,
  `  wp-admin          ${wp}/wp-admin/`,
  `  Admin sign-in     ${wp}/wp-login.php?workos-native=1   (admin / ${stack.adminPassword})`,
  `                    WordPress's own form, open to ANYONE while WORKOS_LOGIN_ALLOW_NATIVE_LOGIN is defined`,
  `                    (the last-resort switch; set here for the demo only — real sites use break-glass links,`,
  `                    WorkOS → Emergency access)`,
  `  Login server      ${stack.serverUrl}  (loopback only, signed requests)`,
  stack.mode === 'fake'
    ? `  WorkOS            ${stack.workosUrl}  (the project's fake)`
    : `  WorkOS            real WorkOS (WORKOS_API_KEY / WORKOS_CLIENT_ID from the environment)`,
  '',
];
if (stack.mode === 'fake') {
  lines.push('  Demo users (sign in at /workos/login/default):');
  for (const user of demoUsers()) lines.push(`    ${user.email.padEnd(22)} ${user.password.padEnd(18)} ${user.note}`);
  lines.push('');
} else {
  lines.push('  Sign in with a user of your WorkOS environment.', '');
}
lines.push('Press Ctrl-C to stop everything.', '');
process.stdout.write(lines.join('\n'));

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`\n${signal}: stopping…\n`);
  await stack.stop();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGHUP', () => void stop('SIGHUP'));
