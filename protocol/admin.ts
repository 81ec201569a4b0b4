/**
 * The admin part of the contract: what wp-admin screens ask WordPress, and what WordPress asks
 * the login server on their behalf (ARCHITECTURE rule 1: PHP never calls WorkOS).
 *
 *  - WordPress ⇄ login server: `POST /v1/admin/organizations` with `{ input: AdminOrganizationsRequest }`,
 *    answered by an {@link AdminOrganizationsOutcome}; signed both ways like `/v1/<step>`.
 *  - wp-admin ⇄ WordPress (`manage_options`, `X-WP-Nonce`):
 *    `GET /wp-json/workos/v1/admin/organizations` → {@link AdminOrganizationsResponse};
 *    `GET|PUT /wp-json/workos/v1/admin/routing-rules` → {@link RoutingRules}.
 *
 * Nothing here may import Node or DOM code.
 */
import type { ErrorOutcome, Identity, IdentityUser } from './messages.ts';

/* ------------------------------------------------------------------ WordPress ⇄ login server */

/** `POST /v1/admin/organizations` input: one page of the environment's organizations. */
export interface AdminOrganizationsRequest {
  /** Page size, 1–100 (WorkOS's own bounds); the server's default is 100. */
  limit?: number;
  /** Cursor from the previous page's `after`. */
  after?: string | null;
  /** Matches organization names (WorkOS's `search` parameter), ≤ `ADMIN_LIMITS.searchMax`. */
  search?: string;
}

/** `POST /v1/admin/organizations` body. */
export interface AdminEnvelope<I> {
  input: I;
}

/** An organization as the admin picker shows it. */
export interface AdminOrganization {
  id: string;
  name: string;
}

export interface OrganizationsOutcome {
  type: 'organizations';
  organizations: AdminOrganization[];
  /** Cursor of the next page, null on the last one. */
  after: string | null;
}

export type AdminOrganizationsOutcome = OrganizationsOutcome | ErrorOutcome;

/* ------------------------------------------------------------------ wp-admin ⇄ WordPress */

/**
 * `GET /wp-json/workos/v1/admin/organizations?search=&refresh=`: every organization (sorted by
 * name), cached by WordPress for 10 minutes unless `refresh=1`. Failures are WordPress REST
 * errors (`{ code, message, data: { status } }`), e.g. 503 `server_unavailable`.
 */
export interface AdminOrganizationsResponse {
  organizations: AdminOrganization[];
  /** When WordPress asked the login server (ISO 8601, UTC, milliseconds). */
  fetched_at: string;
}

/** What a routing rule looks at on a `wp-login.php` visit. */
export type RoutingMatch = 'redirect_to' | 'referrer_host';

/**
 * Sends a `wp-login.php` sign-in visit to a Login Profile. Rules are tried in order; the first
 * that matches wins; none → `default`. Interim login (wp-admin's session-expired modal) always
 * uses `default`.
 *
 * - `redirect_to`: `pattern` is a path glob (`/shop/*`), `*` matching any run of characters
 *   (`/` included); a pattern ending in `/*` also matches the bare path (`/shop`). Matched
 *   case-insensitively against the path of the validated, same-site `redirect_to`.
 * - `referrer_host`: `pattern` is a host name (`partner.example`) or `*.` plus one
 *   (`*.example.com`: any subdomain, not the domain itself), matched against the `Referer` host.
 */
export interface RoutingRule {
  match: RoutingMatch;
  pattern: string;
  /** Login Profile slug; must exist when saved. */
  profile: string;
}

/** `GET|PUT /wp-json/workos/v1/admin/routing-rules` body and answer. */
export interface RoutingRules {
  rules: RoutingRule[];
}

/** Limits enforced by WordPress (and the login server for `searchMax`). */
export const ADMIN_LIMITS = {
  searchMax: 100,
  organizationsPageMax: 100,
  routingRulesMax: 50,
  routingPatternMax: 200,
  /** `redirect_to` patterns: a path of URL path characters and `*`. */
  routingPathPattern: "^/[A-Za-z0-9._~!$&'()+,;=:@%/*-]*$",
  /** `referrer_host` patterns: a lowercase host name, optionally after `*.`. */
  routingHostPattern: '^(\\*\\.)?[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$',
} as const;

/* ------------------------------------------------------------------ identity administration (issue 5) */

/**
 * `POST /v1/admin/user`: one WorkOS user and its live membership in `organization_id`, for the
 * Roles screen's dry-run preview and for re-syncing a WordPress user. Exactly one of `user_id`
 * and `email` is given.
 */
export interface AdminUserRequest {
  user_id?: string;
  email?: string;
  /** The organization whose membership decides the gate and the role; null = none. */
  organization_id: string | null;
}

export interface AdminUserOutcomeFound {
  type: 'user';
  /** Null when WorkOS has no such user (admins may know; visitors never see this). */
  user: IdentityUser | null;
  membership: Identity['membership'];
}

export type AdminUserOutcome = AdminUserOutcomeFound | ErrorOutcome;

/** `POST /v1/admin/roles`: the roles an organization's members can have (its own and the environment's). */
export interface AdminRolesRequest {
  organization_id: string;
}

export interface AdminRole {
  slug: string;
  name: string;
}

export interface RolesOutcome {
  type: 'roles';
  roles: AdminRole[];
}

export type AdminRolesOutcome = RolesOutcome | ErrorOutcome;

/**
 * `POST /v1/admin/health`: what the diagnostics need from the server's side. `workos` is the
 * result of a real authenticated WorkOS API call; `organization` is looked up when given.
 */
export interface AdminHealthRequest {
  organization_id: string | null;
}

export interface HealthOutcome {
  type: 'health';
  /** The server's clock (unix ms), for the skew check. */
  server_time: number;
  /**
   * Whether WorkOS accepted the server's API key (`error`: a short reason when not), which API
   * host it talks to, and hints for the diagnostics screen — never the key itself.
   */
  workos: {
    ok: boolean;
    error: string | null;
    api_host: string;
    /** Last 4 characters of the API key, null when unset. */
    api_key_last4: string | null;
    client_id: string | null;
  };
  /** `found` with its name, `missing` (404), `unchecked` (no id given or WorkOS down). */
  organization: { status: 'found' | 'missing' | 'unchecked'; id: string | null; name: string | null };
}

export type AdminHealthOutcome = HealthOutcome | ErrorOutcome;

/**
 * `POST /v1/session/revoke`: ends exactly one WorkOS session at logout. With `return_to`, the
 * answer also carries WorkOS's hosted logout URL (which returns the browser to `return_to`).
 */
export interface SessionRevokeRequest {
  session_id: string;
  return_to?: string;
}

export interface SessionRevokedOutcome {
  type: 'session_revoked';
  /** False when WorkOS refused or could not be reached (the WordPress session ends anyway). */
  revoked: boolean;
  logout_url: string | null;
}

export type SessionRevokeOutcome = SessionRevokedOutcome | ErrorOutcome;

/** One audit event forwarded to WorkOS Audit Logs (`POST /v1/audit/event`). */
export interface AuditForwardRequest {
  organization_id: string;
  /** Idempotency key: WordPress's audit row, so a retry never duplicates the event. */
  idempotency_key: string;
  event: {
    /** `wordpress.<event>`, e.g. `wordpress.login`. */
    action: string;
    /** ISO 8601 UTC. */
    occurred_at: string;
    actor: { id: string; type: 'user'; name?: string };
    targets: Array<{ id: string; type: string; name?: string }>;
    context: { location: string; user_agent?: string };
    metadata?: Record<string, string | number | boolean>;
  };
}

export interface AuditForwardedOutcome {
  type: 'audit_forwarded';
}

export type AuditForwardOutcome = AuditForwardedOutcome | ErrorOutcome;

/** Limits of the identity administration messages. */
export const IDENTITY_ADMIN_LIMITS = {
  sessionIdMax: 128,
  auditMetadataKeysMax: 50,
  auditStringMax: 500,
  /** WorkOS Audit Logs `action` format. */
  auditActionPattern: '^[a-z0-9_.-]{1,100}$',
} as const;
