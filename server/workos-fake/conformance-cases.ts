import type { RouteInfo, WorkOSFake } from './app.ts';
import { NEXT_STEPS, type NextStep } from './seed.ts';
import type { SpecTarget } from './spec-validator.ts';
import { DEMO_PASSWORD, stepUserEmail } from './test-seed.ts';

/** Test support: one row per answer of the fake, for conformance.test.ts. */

export const UNMATCHED = 'unmatched route';
export const routeKey = (r: Pick<RouteInfo, 'method' | 'path'>) => `${r.method} ${r.path}`;

export interface Case {
  name: string;
  /** `METHOD /openapi/path` of the fake's route, or UNMATCHED. */
  route: string;
  status: number;
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  body?: unknown;
  form?: Record<string, string>;
  /** Authorization header; defaults to the right API key; '' sends none. */
  authorization?: string;
  /** The answer is an HTML page (the spec documents no body for it): checked for its content type only. */
  html?: boolean;
  /** For 302 answers: what Location must match. */
  location?: string | RegExp;
  /** Where the body's schema lives when the spec documents none for this route and status. */
  closest?: SpecTarget & { why: string };
}

const CLOSEST = {
  // The spec gives no 401 body for most paths; this is its documented 401 body of an API-key route.
  unauthorized: { method: 'POST', path: '/user_management/redirect_uris', status: 401, why: 'no 401 body documented' },
  // Unknown paths are not in the spec; WorkOS's generic 404 body is `{ message }`.
  notFound: { method: 'GET', path: '/user_management/users/{id}', status: 404, why: 'unknown path' },
} as const;

/** Expected status of each multi-step answer, per the spec (403 `code`, or 400 OAuth-style for SSO). */
export const STEP_STATUS: Record<NextStep, number> = {
  email_verification_required: 403,
  mfa_enrollment: 403,
  mfa_challenge: 403,
  organization_selection_required: 403,
  sso_required: 400,
};

export const NO_ID = '01AAAAAAAAAAAAAAAAAAAAAAAA';
export const PUBLIC = { authorization: '' };

/** `row('GET', '/path')('name', 200, url, extra)`: one case of that route. */
export const row =
  (method: 'GET' | 'POST' | 'PUT', path: string) =>
  (name: string, status: number, url: string, extra: Partial<Case> = {}): Case => ({
    name,
    route: `${method} ${path}`,
    status,
    method,
    url,
    ...extra,
  });

export function buildCases(fake: WorkOSFake): Case[] {
  const { store } = fake;
  const ada = store.findUserByEmail('ada@example.com')!.wire;
  const org = [...store.organizations.values()][0].wire;
  const membership = store.membershipsOf({ userId: ada.id })[0];
  const session = store.createSession({
    user_id: ada.id,
    organization_id: org.id,
    authentication_method: 'Password',
    ip_address: null,
    user_agent: null,
  });

  const auth = row('POST', '/user_management/authenticate');
  const users = row('GET', '/user_management/users');
  const user = row('GET', '/user_management/users/{id}');
  const orgs = row('GET', '/organizations');
  const oneOrg = row('GET', '/organizations/{id}');
  const oms = row('GET', '/user_management/organization_memberships');
  const om = row('GET', '/user_management/organization_memberships/{id}');
  const jwks = row('GET', '/sso/jwks/{clientId}');
  const revoke = row('POST', '/user_management/sessions/revoke');
  const logout = row('GET', '/user_management/sessions/logout');
  const roles = row('GET', '/authorization/organizations/{organizationId}/roles');
  const audit = row('POST', '/audit_logs/events');
  const unmatched = (name: string, method: 'GET' | 'POST', url: string): Case => ({
    name,
    route: UNMATCHED,
    status: 404,
    method,
    url,
    closest: CLOSEST.notFound,
  });

  const A = '/user_management/authenticate';
  const client = { client_id: fake.clientId, client_secret: fake.apiKey };
  const password = (email: string, pw = DEMO_PASSWORD) => ({
    body: { grant_type: 'password', ...client, email, password: pw, ip_address: '203.0.113.7', user_agent: 'vitest' },
  });
  const OMS = '/user_management/organization_memberships';
  const LOGOUT = `/user_management/sessions/logout?session_id=${session.id}`;
  const EVENTS = '/audit_logs/events';
  const event = {
    action: 'wordpress.login',
    occurred_at: '2026-01-15T12:00:00.000Z',
    actor: { id: ada.id, type: 'user', name: 'Ada Lovelace' },
    targets: [{ id: '1', type: 'wordpress_user' }],
    context: { location: '203.0.113.7', user_agent: 'vitest' },
    metadata: { profile: 'default', remember: false },
  };

  const cases: Case[] = [
    auth('password: admin with one membership', 200, A, password('ada@example.com')),
    auth('password: user without membership', 200, A, password('linus@example.com')),
    auth('password: form-encoded body', 200, A, { form: password('grace@example.com').body }),
    auth('password: wrong password', 400, A, password('ada@example.com', 'wrong')),
    auth('password: unknown email', 400, A, password('nobody@example.com')),
    auth('wrong client_id', 400, A, { body: { ...password('ada@example.com').body, client_id: 'client_other' } }),
    auth('wrong client_secret', 400, A, { body: { ...password('ada@example.com').body, client_secret: 'sk_test_x' } }),
    auth('unknown grant_type', 400, A, { body: { ...client, grant_type: 'telepathy' } }),
    auth('spec grant_type the fake lacks', 400, A, {
      body: { ...client, grant_type: 'refresh_token', refresh_token: 'x' },
    }),
    auth('password: missing password', 422, A, {
      body: { ...client, grant_type: 'password', email: 'ada@example.com' },
    }),
    auth('missing grant_type', 422, A, { body: client }),
    auth('body is not an object', 422, A, { body: ['password'] }),
    ...NEXT_STEPS.map((step) => auth(`multi-step: ${step}`, STEP_STATUS[step], A, password(stepUserEmail(step)))),

    users('users: all', 200, '/user_management/users'),
    users('users: by email', 200, '/user_management/users?email=ADA@example.com'),
    users('users: by organization, one per page', 200, `/user_management/users?organization_id=${org.id}&limit=1`),
    users('users: limit out of range', 422, '/user_management/users?limit=500'),
    users('users: unknown organization', 422, `/user_management/users?organization_id=org_${NO_ID}`),
    user('user: found', 200, `/user_management/users/${ada.id}`),
    user('user: unknown', 404, `/user_management/users/user_${NO_ID}`),

    orgs('organizations: all', 200, '/organizations?order=asc'),
    orgs('organizations: search and domains', 200, '/organizations?search=sso&domains=sso.example.com'),
    orgs('organizations: bad order', 422, '/organizations?order=sideways'),
    oneOrg('organization: found', 200, `/organizations/${org.id}`),
    oneOrg('organization: unknown', 404, `/organizations/org_${NO_ID}`),

    oms('memberships: by user', 200, `${OMS}?user_id=${ada.id}`),
    oms(
      'memberships: by organization, all statuses',
      200,
      `${OMS}?organization_id=${org.id}&statuses=active,inactive,pending`,
    ),
    oms('memberships: neither user nor organization', 400, OMS),
    oms('memberships: bad status', 400, `${OMS}?user_id=${ada.id}&statuses=gone`),
    oms('memberships: unknown user', 404, `${OMS}?user_id=user_${NO_ID}`),
    oms('memberships: bad limit', 422, `${OMS}?user_id=${ada.id}&limit=0`),
    om('membership: found', 200, `${OMS}/${membership.id}`),
    om('membership: unknown', 404, `${OMS}/om_${NO_ID}`),

    jwks('jwks: our client', 200, `/sso/jwks/${fake.clientId}`, PUBLIC),
    jwks('jwks: other client', 404, '/sso/jwks/client_other', PUBLIC),

    revoke('revoke: active session', 200, '/user_management/sessions/revoke', { body: { session_id: session.id } }),
    revoke('revoke: unknown session', 400, '/user_management/sessions/revoke', {
      body: { session_id: `session_${NO_ID}` },
    }),
    revoke('revoke: no session_id', 400, '/user_management/sessions/revoke', { body: {} }),
    logout(
      'logout: redirect',
      302,
      `${LOGOUT}&return_to=${encodeURIComponent('http://localhost:8881/?loggedout=true')}`,
      {
        ...PUBLIC,
        location: 'http://localhost:8881/?loggedout=true',
      },
    ),
    logout('logout: no return_to', 200, LOGOUT, PUBLIC),
    logout('logout: no session_id', 422, '/user_management/sessions/logout', PUBLIC),
    logout('logout: script return_to', 422, `${LOGOUT}&return_to=javascript:alert(1)`, PUBLIC),

    roles('roles: of an organization', 200, `/authorization/organizations/${org.id}/roles`),
    roles('roles: unknown organization', 404, `/authorization/organizations/org_${NO_ID}/roles`),

    audit('audit event: recorded', 200, EVENTS, { body: { organization_id: org.id, event } }),
    audit('audit event: metadata key too long', 400, EVENTS, {
      body: { organization_id: org.id, event: { ...event, metadata: { ['k'.repeat(41)]: 1 } } },
    }),
    audit('audit event: unknown organization', 404, EVENTS, { body: { organization_id: `org_${NO_ID}`, event } }),
    audit('audit event: no actor', 422, EVENTS, {
      body: { organization_id: org.id, event: { ...event, actor: undefined } },
    }),

    unmatched('unknown path', 'GET', '/user_management/nothing'),
    unmatched('unknown method', 'POST', '/organizations'),
  ];

  // Every API-key route answers a wrong key alike: one row each, derived from the route list.
  for (const r of fake.routes.filter((x) => x.auth === 'api_key')) {
    cases.push({
      name: `wrong API key: ${routeKey(r)}`,
      route: routeKey(r),
      status: 401,
      method: r.method,
      url: r.path.replace(/\{\w+\}/g, `x_${NO_ID}`),
      ...(r.method === 'POST' ? { body: {} } : {}),
      authorization: 'Bearer sk_test_wrong',
      closest: CLOSEST.unauthorized,
    });
  }
  return cases;
}
