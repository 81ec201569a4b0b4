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
import type { ErrorOutcome } from './messages.ts';

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
