/**
 * Test helpers for Login Profiles and site content, written straight into WordPress's storage
 * (the `workos_login_profiles` option, keyed by slug) so the surfaces are tested on their own.
 */
import { PROFILE_DEFAULTS, type LoginProfile } from '../../protocol/profile.ts';
import type { Stack } from '../../scripts/stack.ts';

export type ProfileInput = Partial<Omit<LoginProfile, 'branding'>> & {
  slug: string;
  branding?: Partial<LoginProfile['branding']>;
};

/** PHP expression decoding a JSON value exactly (base64: no quoting, emoji and RTL survive). */
export function phpJson(value: unknown): string {
  return `json_decode( base64_decode( '${Buffer.from(JSON.stringify(value)).toString('base64')}' ), true )`;
}

/** A full profile from defaults plus the given fields. */
export function profile(input: ProfileInput): LoginProfile {
  return {
    ...structuredClone(PROFILE_DEFAULTS),
    title: input.slug,
    ...input,
    branding: { ...PROFILE_DEFAULTS.branding, ...input.branding },
  };
}

/** Stores profiles (merged into those already stored). */
export async function saveProfiles(stack: Stack, ...inputs: ProfileInput[]): Promise<void> {
  const profiles = Object.fromEntries(inputs.map((input) => [input.slug, profile(input)]));
  await stack.site.php(`
    $stored = get_option( 'workos_login_profiles', array() );
    $stored = is_array( $stored ) ? $stored : array();
    foreach ( ${phpJson(profiles)} as $slug => $profile ) {
      $stored[ $slug ] = $profile;
    }
    update_option( 'workos_login_profiles', $stored );
  `);
}

/** Publishes a page and returns its path (`/slug/`). */
export async function publishPage(stack: Stack, slug: string, content: string, extra: object = {}): Promise<string> {
  const out = await stack.site.php(`
    $id = wp_insert_post( array_merge( array(
      'post_type' => 'page', 'post_status' => 'publish', 'post_title' => ${phpJson(slug)},
      'post_name' => ${phpJson(slug)}, 'post_content' => ${phpJson(content)},
    ), ${phpJson(extra)} ), true );
    echo is_wp_error( $id ) ? 'error' : wp_make_link_relative( get_permalink( $id ) );
  `);
  return out.trim();
}

/** Runs PHP in the site and parses the JSON it echoes last. */
export async function phpJsonOut<T>(stack: Stack, code: string): Promise<T> {
  const out = await stack.site.php(code);
  return JSON.parse(out.trim().split('\n').pop() ?? 'null') as T;
}
