/**
 * How an identity signed in, as both sides name it (`Identity.method`; PHP mirrors the list as
 * `WORKOS_LOGIN_IDENTITY_METHODS`). A profile offers only `Method`s; WorkOS's hosted pages
 * (AuthKit) and WorkOS itself may sign people in other ways, which are reported, never offered.
 * Which WorkOS `authentication_method` becomes which name is the login server's business
 * (server/steps/authentication-method.ts), checked against WorkOS's OpenAPI document.
 */
import type { Method } from './messages.ts';

/** Methods only WorkOS's own pages or WorkOS itself sign in with. */
export const HOSTED_METHODS = [
  'oauth_bitbucket',
  'oauth_discord',
  'oauth_gitlab',
  'oauth_intuit',
  'oauth_linkedin',
  'oauth_salesforce',
  'oauth_slack',
  'oauth_vercel',
  'oauth_vercel_marketplace',
  'oauth_xero',
  /** WorkOS's cross-app authentication (`CrossAppAuth`). */
  'cross_app',
  /** An external authentication provider (`ExternalAuth`). */
  'external',
  /** A WorkOS dashboard member signed in as the user (`Impersonation`); see `Identity.impersonator`. */
  'impersonation',
  /** A session imported from another system (`MigratedSession`). */
  'migrated_session',
] as const;

export type HostedMethod = (typeof HOSTED_METHODS)[number];

/** `unknown`: WorkOS named a method this version does not know (its name is in `workos_method`). */
export type IdentityMethod = Method | HostedMethod | 'unknown';

/** Who started a WorkOS dashboard impersonation, as WorkOS reports it. */
export interface Impersonator {
  /** The dashboard member's email (at most {@link IDENTITY_LIMITS.impersonatorEmailMax} characters). */
  email: string;
  /** The reason they gave, or null (at most {@link IDENTITY_LIMITS.impersonatorReasonMax} characters). */
  reason: string | null;
}

/** Bounds the login server cuts WorkOS's values to (characters: code points), and WordPress checks. */
export const IDENTITY_LIMITS = {
  impersonatorEmailMax: 254,
  impersonatorReasonMax: 500,
  /** `Identity.workos_method`: WorkOS's own name, stripped to these characters. */
  workosMethodPattern: '^[A-Za-z0-9_-]{1,64}$',
} as const;
