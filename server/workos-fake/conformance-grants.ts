import type { WorkOSFake } from './app.ts';
import { row, type Case } from './conformance-cases.ts';
import { MULTI_STEP_ANSWERS, type PendingBase } from './multi-step.ts';
import { createMagicAuth } from './one-time-codes.ts';
import { hashPasswordSync } from './passwords.ts';
import { DEMO_PASSWORD } from './test-seed.ts';

/** Test support: rows for the grants beyond `password` (conformance.test.ts). */
export function buildGrantCases(fake: WorkOSFake): Case[] {
  const { store } = fake;
  const auth = row('POST', '/user_management/authenticate');
  const A = '/user_management/authenticate';
  const client = { client_id: fake.clientId, client_secret: fake.apiKey };
  const grant = (grant_type: string, fields: Record<string, unknown>) => ({
    body: { grant_type, ...client, ...fields },
  });

  const MAGIC = 'urn:workos:oauth:grant-type:magic-auth:code';
  const magic = (email: string) => createMagicAuth(store, email);
  const used = magic('grace@example.com');
  used.used = true;
  const expired = magic('grace@example.com');
  expired.expires_at = new Date(Date.now() - 1000).toISOString();

  const base: PendingBase = { method: 'Password', ip_address: null, user_agent: null };
  const passwordHash = hashPasswordSync(DEMO_PASSWORD);
  const unverified = (email: string) => store.createUser({ email, emailVerified: false, passwordHash });
  /** A pending `email_verification_required` of a fresh user, and the code emailed with it. */
  const verifying = (email: string) => {
    const answer = MULTI_STEP_ANSWERS.email_verification_required(store, unverified(email), base);
    const body = answer.body as { pending_authentication_token: string; email_verification_id: string };
    const code = store.emailVerifications.get(body.email_verification_id)!.code;
    return { pending_authentication_token: body.pending_authentication_token, code };
  };
  const VERIFY = 'urn:workos:oauth:grant-type:email-verification:code';
  const password = (email: string) => ({ body: { grant_type: 'password', ...client, email, password: DEMO_PASSWORD } });
  const expiredVerification = verifying('verify-expired@example.com');
  const expiredPending = store.pending.get(expiredVerification.pending_authentication_token)!;
  store.emailVerifications.get(expiredPending.email_verification_id!)!.expires_at = new Date(0).toISOString();
  unverified('signup-unverified@example.com');
  const SELECT = 'urn:workos:oauth:grant-type:organization-selection';
  const sam = store.findUserByEmail('sam@example.com')!;
  const choosing = () => {
    const answer = MULTI_STEP_ANSWERS.organization_selection_required(store, sam, base);
    const body = answer.body as { pending_authentication_token: string; organizations: Array<{ id: string }> };
    return {
      pending_authentication_token: body.pending_authentication_token,
      organization_id: body.organizations[1].id,
    };
  };
  const ssoOrg = [...store.organizations.values()].find((o) => o.connectionIds.length > 0)!.wire.id;

  return [
    auth('organization selection: offered organization', 200, A, grant(SELECT, choosing())),
    auth(
      'organization selection: organization not offered',
      400,
      A,
      grant(SELECT, { ...choosing(), organization_id: ssoOrg }),
    ),
    auth(
      'organization selection: unknown organization',
      400,
      A,
      grant(SELECT, { ...choosing(), organization_id: 'org_x' }),
    ),
    auth(
      'organization selection: unknown pending token',
      400,
      A,
      grant(SELECT, { ...choosing(), pending_authentication_token: 'x' }),
    ),
    auth('organization selection: no organization', 422, A, grant(SELECT, { pending_authentication_token: 'x' })),
    auth('password: API-created unverified user', 403, A, password('signup-unverified@example.com')),
    auth('email verification: right code', 200, A, grant(VERIFY, verifying('verify-ok@example.com'))),
    auth(
      'email verification: wrong code',
      400,
      A,
      grant(VERIFY, { ...verifying('verify-wrong@example.com'), code: '000000' }),
    ),
    auth('email verification: expired code', 400, A, grant(VERIFY, expiredVerification)),
    auth(
      'email verification: unknown pending token',
      400,
      A,
      grant(VERIFY, { code: '123456', pending_authentication_token: 'nope' }),
    ),
    auth('email verification: no code', 422, A, grant(VERIFY, { pending_authentication_token: 'x' })),
    auth(
      'magic auth: known user',
      200,
      A,
      grant(MAGIC, { email: 'grace@example.com', code: magic('grace@example.com').code }),
    ),
    auth(
      'magic auth: new email signs up',
      200,
      A,
      grant(MAGIC, { email: 'new-magic@example.com', code: magic('new-magic@example.com').code }),
    ),
    auth('magic auth: wrong code', 400, A, grant(MAGIC, { email: 'linus@example.com', code: '000000x' })),
    auth('magic auth: used code', 400, A, grant(MAGIC, { email: 'grace@example.com', code: used.code })),
    auth('magic auth: expired code', 400, A, grant(MAGIC, { email: 'grace@example.com', code: expired.code })),
    auth(
      'magic auth: unknown invitation',
      400,
      A,
      grant(MAGIC, { email: 'ada@example.com', code: magic('ada@example.com').code, invitation_token: 'nope' }),
    ),
    auth(
      'magic auth: SSO domain',
      400,
      A,
      grant(MAGIC, { email: 'eve@sso.example.com', code: magic('eve@sso.example.com').code }),
    ),
    auth(
      'magic auth: MFA user',
      403,
      A,
      grant(MAGIC, { email: 'mia@example.com', code: magic('mia@example.com').code }),
    ),
    auth('magic auth: no code', 422, A, grant(MAGIC, { email: 'ada@example.com' })),
  ];
}
