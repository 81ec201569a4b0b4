/**
 * Cross-site scripting through everything an administrator, an author or a link can put on a
 * sign-in surface (issue 13, item 10): every text field of the Login Profile schema, every
 * shortcode attribute, every block attribute (block.json and what its supports add), the query
 * arguments the sign-in pages read, and the gate message. The fields are listed from the code
 * (the profile schema, the shortcode's defaults, the block.json files), so a new one is attacked
 * the day it is added. A payload runs nowhere: no element or handler of its own lands in the page
 * (shadow roots included), `window.__xss` stays unset, and text shows as the text it is.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Stack } from '../../../scripts/stack.ts';
import { ROOT } from '../../../scripts/stack.ts';
import { DEMO_PASSWORD, expect, signIn, test } from '../fixtures.ts';
import { DEMO_ORG } from '../flows.ts';
import { phpJson, phpJsonOut, saveProfiles, type ProfileInput } from '../profiles.ts';
import { authPost } from './attack.ts';

/** Each sets `window.__xss` if it ever runs: markup breaking out of an attribute or a script, and a URL. */
const BREAKOUT = `"><img src=x onerror=window.__xss=1></script><script>window.__xss=2</script>`;
const SINGLE = `'><svg onload=window.__xss=3>`;
const URL_PAYLOAD = 'javascript:window.__xss=4//';
const PAYLOADS = [BREAKOUT + SINGLE, URL_PAYLOAD];

/** What of a payload made it into the live page as markup or script, shadow roots included. */
function injections(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const elements = [...document.querySelectorAll('workos-login')] as Array<Element & { updateComplete?: unknown }>;
    // Scan what the elements rendered; a page whose script never loads is scanned as it is.
    const rendered = customElements
      .whenDefined('workos-login')
      .then(() => Promise.all(elements.map((e) => e.updateComplete)));
    if (elements.length > 0) await Promise.race([rendered, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    const found: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        for (const { name, value } of el.attributes) {
          if (/^on/i.test(name) && value.includes('__xss')) found.push(`<${el.localName} ${name}>`);
          if (/^(href|src|action|formaction)$/i.test(name) && /^\s*javascript:/i.test(value)) {
            found.push(`<${el.localName} ${name}="${value}">`);
          }
        }
        if (el.localName === 'script' && /^\s*window\.__xss/.test(el.textContent ?? '')) found.push('<script>');
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    const flag = (window as unknown as { __xss?: unknown }).__xss;
    if (flag !== undefined) found.push(`window.__xss = ${JSON.stringify(flag)}`);
    return found;
  });
}

async function expectClean(page: Page, where: string): Promise<void> {
  expect(await injections(page), where).toEqual([]);
}

/** Signs the page's browser in over REST as Ada, made an administrator (editors see more). */
async function signInAsAdministrator(page: Page, stack: Stack): Promise<void> {
  const answer = await authPost(page.request, 'password', {
    profile: 'default',
    email: 'ada@example.com',
    password: DEMO_PASSWORD,
  });
  expect(answer.body.type).toBe('signed_in');
  await stack.site.php(`get_user_by( 'email', 'ada@example.com' )->set_role( 'administrator' );`);
}

/**
 * Publishes a page with `content` stored exactly as given: slashed as wp_insert_post() expects (block
 * attributes are JSON with `\u0022`-style escapes), and no kses — the renderers must hold alone.
 */
async function publishRaw(stack: Stack, slug: string, content: string): Promise<string> {
  return phpJsonOut<string>(
    stack,
    `kses_remove_filters();
    $id = wp_insert_post( array( 'post_type' => 'page', 'post_status' => 'publish', 'post_name' => ${phpJson(slug)},
      'post_title' => ${phpJson(slug)}, 'post_content' => wp_slash( ${phpJson(content)} ) ) );
    echo wp_json_encode( wp_make_link_relative( get_permalink( $id ) ) );`,
  );
}

/** The Login Profile schema's free-text fields (strings without enum whose pattern, if any, lets markup through), as paths. */
const profileTextFields = (stack: Stack) =>
  phpJsonOut<string[]>(
    stack,
    `$fields = array();
    $walk = static function ( array $schema, string $path ) use ( &$walk, &$fields ): void {
      foreach ( $schema['properties'] as $key => $field ) {
        $name = '' === $path ? $key : "$path.$key";
        if ( 'object' === ( $field['type'] ?? '' ) ) {
          $walk( $field, $name );
        } elseif ( 'string' === ( $field['type'] ?? '' ) && ! isset( $field['enum'] ) && ( ! isset( $field['pattern'] ) || 1 === preg_match( '#' . $field['pattern'] . '#u', '<b a="1">\\'&</b>' ) ) ) {
          $fields[] = $name;
        }
      }
    };
    $walk( workos_login_profile_schema(), '' );
    echo wp_json_encode( $fields );`,
  );

/** A profile input with `value` at a dotted field path. */
function withField(slug: string, path: string, value: string): ProfileInput {
  const [head, leaf] = path.split('.');
  return leaf ? { slug, [head]: { [leaf]: value } } : { slug, [head]: value };
}

test('every profile text field: escaped on the sign-in page and the Login Profiles screen', async ({ page, stack }) => {
  const fields = await profileTextFields(stack);
  expect(fields).toEqual(expect.arrayContaining(['title', 'branding.heading', 'branding.subheading']));
  const profiles = fields.flatMap((field, i) =>
    PAYLOADS.map((payload, j) => ({ field, payload, slug: `xss-${i}-${j}` })),
  );
  await saveProfiles(stack, ...profiles.map(({ slug, field, payload }) => withField(slug, field, payload)));

  for (const { slug, field, payload } of profiles) {
    const response = await page.goto(`/workos/login/${slug}`);
    expect(response?.status(), `${field} = ${payload}`).toBeLessThan(500);
    // A custom path moves the page (to where the payload, cleaned, leads); every other field shows it here.
    if (field !== 'custom_path') await expect(page.locator('workos-login')).toHaveCount(1);
    await expectClean(page, `${field} = ${payload}`);
    if (field === 'branding.heading')
      await expect(page.locator('workos-login').getByRole('heading')).toHaveText(payload);
    if (field === 'branding.subheading') await expect(page.locator('workos-login').getByText(payload)).toBeVisible();
  }

  await signInAsAdministrator(page, stack);
  await page.goto('/wp-admin/admin.php?page=workos-login');
  await expect(page.getByRole('row').filter({ hasText: 'xss-0-0' })).toBeVisible();
  await expectClean(page, 'the Login Profiles screen');
  await expect(page.getByText(BREAKOUT + SINGLE).first()).toBeVisible();
});

test('every shortcode attribute: escaped for visitors and for editors', async ({ page, stack }) => {
  // The attributes are the shortcode's own defaults (shortcode_atts() hands them to its filter).
  const names = await phpJsonOut<string[]>(
    stack,
    `$names = array();
    add_filter( 'shortcode_atts_workos_login', static function ( $out, $pairs ) use ( &$names ) { $names = array_keys( $pairs ); return $out; }, 10, 2 );
    do_shortcode( '[workos_login]' );
    echo wp_json_encode( $names );`,
  );
  expect(names).toEqual(expect.arrayContaining(['profile', 'redirect_to', 'heading']));
  // A shortcode attribute is quoted with " or ': each payload goes in the quotes it does not use.
  const content = names
    .flatMap((name) => [
      `[workos_login ${name}='${BREAKOUT}']`,
      `[workos_login ${name}="${SINGLE}"]`,
      `[workos_login ${name}="${URL_PAYLOAD}"]`,
    ])
    .join('\n\n');
  const path = await publishRaw(stack, 'xss-shortcodes', content);
  // wptexturize() curls the quotes of shortcodes in post content: a theme's do_shortcode() call
  // does not, and the renderer must hold with the exact values.
  const plain = join(stack.site.docroot, 'wp-content/mu-plugins/e2e-no-texturize.php');
  writeFileSync(plain, `<?php add_filter( 'run_wptexturize', '__return_false' );\n`);

  await page.goto(path);
  await expectClean(page, 'visitor');
  await expect(page.locator('workos-login').getByRole('heading', { name: BREAKOUT })).toBeVisible();

  await signInAsAdministrator(page, stack);
  await page.goto(path);
  await expect(page.locator('.workos-login-notice').first()).toContainText('no Login Profile');
  await expect(page.locator('.workos-login-notice').filter({ hasText: BREAKOUT })).toHaveCount(1);
  await expectClean(page, 'editor');
});

test.afterEach(({ stack }) =>
  rmSync(join(stack.site.docroot, 'wp-content/mu-plugins/e2e-no-texturize.php'), { force: true }),
);

/** Each block's attributes: block.json's, and those its supports add. */
function blockAttributes(): Array<{ block: string; attributes: string[] }> {
  const dir = join(ROOT, 'blocks');
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'block.json')))
    .map((name) => {
      const json = JSON.parse(readFileSync(join(dir, name, 'block.json'), 'utf8')) as {
        name: string;
        attributes?: Record<string, unknown>;
        supports?: { color?: unknown; spacing?: unknown; align?: unknown; customClassName?: boolean };
      };
      const supports = json.supports ?? {};
      const added = [
        ...(supports.customClassName === false ? [] : ['className']),
        ...(supports.color ? ['backgroundColor', 'textColor', 'style'] : []),
        ...(supports.spacing ? ['style'] : []),
        ...(supports.align ? ['align'] : []),
      ];
      return { block: json.name, attributes: [...new Set([...Object.keys(json.attributes ?? {}), ...added])] };
    });
}

test('every block attribute: escaped for visitors and for editors', async ({ page, stack }) => {
  const blocks = blockAttributes();
  expect(blocks.map((b) => b.block)).toEqual(expect.arrayContaining(['workos/login', 'workos/login-button']));
  const instances = blocks.flatMap(({ block, attributes }) =>
    attributes.flatMap((name) =>
      PAYLOADS.map((payload) => ({
        blockName: block,
        attrs: {
          [name]:
            name === 'style'
              ? { color: { background: payload, text: payload }, spacing: { padding: payload, margin: payload } }
              : payload,
        },
      })),
    ),
  );
  const content = await phpJsonOut<string>(
    stack,
    `echo wp_json_encode( serialize_blocks( array_map( static fn ( $b ) => array( 'blockName' => $b['blockName'],
      'attrs' => $b['attrs'], 'innerBlocks' => array(), 'innerHTML' => '', 'innerContent' => array() ), ${phpJson(instances)} ) ) );`,
  );
  const path = await publishRaw(stack, 'xss-blocks', content);

  await page.goto(path);
  await expect(page.locator('.wp-block-workos-login-button__link').first()).toBeVisible();
  await expectClean(page, 'visitor');
  await signInAsAdministrator(page, stack);
  await page.goto(path);
  await expect(page.locator('.workos-login-signed-in').first()).toBeVisible();
  await expectClean(page, 'editor');
});

test('query arguments the sign-in pages read are never markup', async ({ page, stack }) => {
  await saveProfiles(stack, { slug: 'forwarding', forward_query_args: true, invitations: true, password_reset: true });
  const args = (payload: string) =>
    new URLSearchParams({
      redirect_to: payload,
      invitation_token: payload,
      reset_token: payload,
      email: payload,
      utm_source: payload,
      ref: payload,
      loggedout: 'true',
    }).toString();
  for (const payload of PAYLOADS) {
    for (const url of [
      `/workos/login/default?${args(payload)}`,
      `/workos/login/forwarding?${args(payload)}`,
      `/workos/login/default?interim-login=1&${args(payload)}`,
      `/wp-login.php?${args(payload)}`,
      `/workos/callback?${new URLSearchParams({ code: payload, state: payload, error: payload, error_description: payload })}`,
    ]) {
      await page.goto(url);
      await expectClean(page, url);
    }
  }
});

test('the gate message an administrator writes shows to a refused visitor as text', async ({ page, stack }) => {
  await stack.site.php(
    `update_option( 'workos_login_organization_id', ${phpJson(DEMO_ORG)} );
    update_option( 'workos_login_gate_enabled', true );
    update_option( 'workos_login_gate_message', ${phpJson(BREAKOUT + SINGLE)} );`,
  );
  // The setting keeps text only; whatever it kept is shown as that text.
  const stored = await phpJsonOut<string>(stack, `echo wp_json_encode( get_option( 'workos_login_gate_message' ) );`);
  expect(stored.length).toBeGreaterThan(0);
  await page.goto('/workos/login/default');
  await signIn(page, 'linus@example.com', DEMO_PASSWORD);
  await expect(page.locator('workos-login').getByRole('alert')).toHaveText(stored);
  await expectClean(page, 'the refusal');
});

test('a javascript: destination never comes back from a sign-in', async ({ page, stack }) => {
  await saveProfiles(stack, { slug: 'xss-destination', post_login_redirect: URL_PAYLOAD });
  for (const body of [
    { profile: 'xss-destination' },
    { profile: 'default', redirect_to: URL_PAYLOAD },
    { profile: 'default', redirect_to: ` ${URL_PAYLOAD}` },
  ]) {
    const api = page.context().request;
    const answer = await authPost(api, 'password', { ...body, email: 'grace@example.com', password: DEMO_PASSWORD });
    expect(answer.body.type, JSON.stringify(answer.body)).toBe('signed_in');
    expect(String(answer.body.redirect_to)).toMatch(new RegExp(`^${stack.wordpressUrl}/`));
    await page.context().clearCookies();
  }
});
