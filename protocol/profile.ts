/**
 * Login Profiles: the named presets that decide what a login surface offers.
 *
 * Stored by WordPress (PHP mirrors this shape in `includes/profiles/`), edited through the admin
 * REST API (`/wp-json/workos/v1/admin/profiles`), and shown to visitors only as
 * {@link PublicProfile} (`GET /wp-json/workos/v1/profiles/<slug>`). Unknown fields are rejected
 * on both sides.
 */
import type { Method } from './messages.ts';
import { MFA_DEFAULT, type MfaPolicy } from './mfa-policy.ts';

export type { MfaFactor } from './mfa-policy.ts';

export interface LoginProfile {
  /** Unique, `LIMITS.profileSlugPattern`; `default` always exists and cannot be deleted or renamed. */
  slug: string;
  title: string;
  /** At least one. Order is the order the UI offers them in. */
  methods: Method[];
  /** Pinned organization (`org_…`) or null. */
  organization_id: string | null;
  signup: { enabled: boolean; require_invitation: boolean };
  invitations: boolean;
  password_reset: boolean;
  auto_sign_in_after_reset: boolean;
  /** What each value means: protocol/mfa-policy.ts. */
  mfa: MfaPolicy;
  branding: {
    heading: string;
    subheading: string;
    /** `#rrggbb` or empty for the element's default. */
    primary_color: string;
    /** `default` = Site Icon, else the bundled mark; `custom` = `logo_attachment_id`; `none`. */
    logo_mode: 'default' | 'custom' | 'none';
    logo_attachment_id: number;
  };
  /** Extra URL path serving this profile (e.g. `members`, `team/login`), or empty. */
  custom_path: string;
  /** Where to go after signing in when the request names no `redirect_to`; empty = WordPress default. */
  post_login_redirect: string;
  /** Pass marketing query args (`utm_*`, `ref`, …) on to the destination. */
  forward_query_args: boolean;
  remember_me: 'ask' | 'always' | 'never';
  /** `custom` = our element; `authkit_redirect` = WorkOS's hosted UI. */
  mode: 'custom' | 'authkit_redirect';
  /**
   * With `passkey` among `methods`: after a sign-in by another method, a user without a passkey is
   * asked "Sign in faster next time?" (not again for the snooze period after "Not now").
   */
  passkey_prompt: boolean;
}

/** What a visitor's UI needs, never internal settings (no organization, no redirects). */
export interface PublicProfile {
  slug: string;
  title: string;
  methods: Method[];
  signup_enabled: boolean;
  password_reset: boolean;
  remember_me: LoginProfile['remember_me'];
  mode: LoginProfile['mode'];
  branding: { heading: string; subheading: string; primary_color: string; logo_url: string };
}

/** Defaults of every field; a new profile starts from these. */
export const PROFILE_DEFAULTS: Omit<LoginProfile, 'slug' | 'title'> = {
  methods: ['password'],
  organization_id: null,
  signup: { enabled: false, require_invitation: false },
  invitations: true,
  password_reset: true,
  auto_sign_in_after_reset: false,
  mfa: { ...MFA_DEFAULT, factors: [...MFA_DEFAULT.factors] },
  branding: { heading: '', subheading: '', primary_color: '', logo_mode: 'default', logo_attachment_id: 0 },
  custom_path: '',
  post_login_redirect: '',
  forward_query_args: false,
  remember_me: 'ask',
  mode: 'custom',
  passkey_prompt: true,
};

/** `branding.logo_mode`, `remember_me` and `mode` values, each exactly once. */
export const LOGO_MODES: Record<LoginProfile['branding']['logo_mode'], true> = {
  default: true,
  custom: true,
  none: true,
};
export const REMEMBER_ME: Record<LoginProfile['remember_me'], true> = { ask: true, always: true, never: true };
export const PROFILE_MODES: Record<LoginProfile['mode'], true> = { custom: true, authkit_redirect: true };

/**
 * The bounds of a profile's fields (server/profile-schema.ts turns them into the `LoginProfile`
 * schema WordPress validates with; the admin screen checks the same patterns as you type).
 */
export const PROFILE_LIMITS = {
  /** Longest text, in characters; keyed by field path. */
  textMax: { title: 200, 'branding.heading': 200, 'branding.subheading': 500 },
  /** Text: no control characters but tab and newlines. */
  textPattern: '^[^\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]*$',
  /** Pinned organizations: the ids the login server accepts. */
  organizationPattern: '^org_[A-Za-z0-9]{1,64}$',
  /** `#rrggbb`, or empty for the element's default. */
  colorPattern: '^(#[0-9a-fA-F]{6})?$',
  customPathMax: 200,
} as const;

/**
 * The fields of a profile the login server receives in every envelope (protocol
 * `ResolvedProfile`, which adds `organization_pinned`). A field the server needs is added here.
 */
export const RESOLVED_PROFILE_FIELDS = [
  'slug',
  'methods',
  'organization_id',
  'signup',
  'invitations',
  'password_reset',
  'auto_sign_in_after_reset',
  'mfa',
] as const satisfies ReadonlyArray<keyof LoginProfile>;
