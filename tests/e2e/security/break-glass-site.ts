/**
 * A second WordPress for the break-glass journeys: configured and proven against the stack's
 * login server like the e2e site, but WITHOUT `WORKOS_LOGIN_ALLOW_NATIVE_LOGIN` — a production
 * site. Its administrator signs in with a break-glass link issued in PHP (what WP-CLI runs).
 */
import { expect, type Page } from '@playwright/test';
import { e2eLaneEnv } from '../../../scripts/prod/env.ts';
import { proveConfiguration, type Stack } from '../../../scripts/stack.ts';
import { createSite, serveSite, REPO_ROOT, type Server, type Site } from '../../../scripts/wp/index.ts';
import { E2E_PORTS, loginFocusSettled } from '../fixtures.ts';

/** Five above the lane's WordPress port (+20 is no-lockout.spec.ts's). */
export const BG_PORT = E2E_PORTS.wordpress + 5;
export const BG_ADMIN = { username: 'admin', password: 'break-glass-admin-7', email: 'admin@localhost.test' };
export const ARG = 'workos-break-glass';

export interface BreakGlassSite {
  site: Site;
  server: Server;
  url(path: string): string;
  /** Runs PHP on the site; the last line of its output parsed as JSON. */
  json<T>(code: string): Promise<T>;
  /** Issues a link through workos_login_break_glass_issue() (what `wp workos-login break-glass` runs). */
  issue(login: string, minutes?: number, via?: 'cli' | 'screen'): Promise<string>;
  /** Adds a user with a role; resolves with its password. */
  addUser(login: string, role: string): Promise<string>;
}

export async function startBreakGlassSite(stack: Stack): Promise<BreakGlassSite> {
  const site = await createSite({
    name: `${e2eLaneEnv().site}-break-glass`,
    port: BG_PORT,
    pluginDir: REPO_ROOT,
    adminUser: BG_ADMIN,
    constants: { WORKOS_LOGIN_SERVER_URL: stack.serverUrl, WORKOS_LOGIN_SECRET: stack.secret },
  });
  const server = await serveSite(site);
  await proveConfiguration(site);
  const json = async <T>(code: string): Promise<T> =>
    JSON.parse((await site.php(code)).trim().split('\n').pop() ?? 'null') as T;
  return {
    site,
    server,
    url: (path) => `${site.url}${path}`,
    json,
    issue: (login, minutes = 15, via = 'cli') =>
      json<string>(`
        $issued = workos_login_break_glass_issue( get_user_by( 'login', ${JSON.stringify(login)} ), ${minutes}, '${via}', 0 );
        echo wp_json_encode( is_wp_error( $issued ) ? $issued->get_error_message() : $issued['url'] );`),
    async addUser(login, role) {
      const password = `${login}-Pass-7`;
      await site.php(`
        $id = wp_insert_user( array( 'user_login' => ${JSON.stringify(login)}, 'user_pass' => ${JSON.stringify(password)}, 'user_email' => ${JSON.stringify(`${login}@example.org`)}, 'role' => ${JSON.stringify(role)} ) );
        if ( is_wp_error( $id ) ) { throw new Exception( $id->get_error_message() ); }`);
      return password;
    },
  };
}

/** The token of a link. */
export const tokenOf = (url: string): string => new URL(url).searchParams.get(ARG) ?? '';

/**
 * Opens a link and signs in with the password, as a person does. wp-login.php focuses (and
 * empties) the password field 200 ms after load when the username is filled: let it first.
 */
export async function useLink(page: Page, url: string, password: string): Promise<void> {
  await page.goto(url);
  await loginFocusSettled(page);
  await page.locator('#user_pass').fill(password);
  await expect(page.locator('#user_pass')).toHaveValue(password);
  await page.locator('#wp-submit').click();
}

/** Whether the browser holds a WordPress sign-in cookie. */
export async function signedIn(page: Page): Promise<boolean> {
  return (await page.context().cookies()).some((c) => c.name.startsWith('wordpress_logged_in'));
}

export interface EmergencyRow {
  event: string;
  user_id: string;
  method: string;
  detail: string;
}

/** The audit rows of emergency access and settings changes, oldest first. */
export function emergencyRows(bg: BreakGlassSite): Promise<EmergencyRow[]> {
  return bg.json(`
    global $wpdb;
    workos_login_audit_maybe_upgrade();
    echo wp_json_encode( $wpdb->get_results( $wpdb->prepare( "SELECT event, user_id, method, detail FROM %i WHERE event IN ( 'native_login_used', 'settings_changed' ) ORDER BY id", workos_login_audit_table() ), ARRAY_A ) );`);
}
