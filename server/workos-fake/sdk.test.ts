import { X509Certificate, createPublicKey } from 'node:crypto';
import {
  AuthenticationException,
  GenericServerException,
  NotFoundException,
  UnauthorizedException,
  WorkOS,
} from '@workos-inc/node';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { describe, expect, it } from 'vitest';
import { createWorkOSFake } from './app.ts';
import { NEXT_STEPS } from './seed.ts';
import { DEMO_PASSWORD, stepUserEmail, testSeed } from './test-seed.ts';

/** The real SDK against the fake, in process: `fetchFn` instead of a port. */
const fake = createWorkOSFake({ seed: testSeed() });
const API_HOST = 'api.workos.test';
const workos = new WorkOS(fake.apiKey, {
  clientId: fake.clientId,
  apiHostname: API_HOST,
  fetchFn: fake.fetch,
  maxRetries: 0,
});
const um = workos.userManagement;
const signIn = (email: string, password = DEMO_PASSWORD) =>
  um.authenticateWithPassword({ email, password, ipAddress: '203.0.113.7', userAgent: 'vitest' });

async function verify(accessToken: string) {
  // jose's remote JWKS uses the global fetch, so read the fake's JWKS through fetchFn.
  const jwks = (await (await fake.fetch(um.getJwksUrl(fake.clientId))).json()) as JSONWebKeySet;
  return jwtVerify(accessToken, createLocalJWKSet(jwks), {
    issuer: `https://${API_HOST}/user_management/${fake.clientId}`,
    algorithms: ['RS256'],
  });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected a rejection'),
    (error: unknown) => error,
  );
}

describe('authenticateWithPassword', () => {
  it('signs Ada in to her one organization with a verifiable RS256 token', async () => {
    const result = await signIn('ada@example.com');
    const org = [...fake.store.organizations.values()][0].wire;
    expect(result.user).toMatchObject({
      email: 'ada@example.com',
      firstName: 'Ada',
      lastName: 'Lovelace',
      emailVerified: true,
    });
    expect(result.organizationId).toBe(org.id);
    expect(result.authenticationMethod).toBe('Password');
    expect(result.refreshToken).toMatch(/^[A-Za-z0-9]{25}$/);

    const { payload, protectedHeader } = await verify(result.accessToken);
    expect(protectedHeader).toMatchObject({ alg: 'RS256', kid: fake.jwks.keys[0].kid });
    expect(payload).toMatchObject({ sub: result.user.id, org_id: org.id, role: 'admin' });
    expect(payload.sid).toMatch(/^session_[0-9A-Z]{26}$/);
    expect(payload.jti).toEqual(expect.any(String));
    expect(payload.exp! - payload.iat!).toBe(300);
    const session = fake.store.sessions.get(String(payload.sid))!;
    expect(session).toMatchObject({
      user_id: result.user.id,
      status: 'active',
      ip_address: '203.0.113.7',
      user_agent: 'vitest',
    });
  });

  it('gives a member the member role and a new session per sign-in', async () => {
    const first = await verify((await signIn('grace@example.com')).accessToken);
    const second = await verify((await signIn('GRACE@example.com')).accessToken);
    expect(first.payload.role).toBe('member');
    expect(first.payload.sid).not.toBe(second.payload.sid);
  });

  it('leaves the organization out for a user without membership', async () => {
    const result = await signIn('linus@example.com');
    expect(result.organizationId).toBeUndefined();
    const { payload } = await verify(result.accessToken);
    expect(payload.org_id).toBeUndefined();
    expect(payload.role).toBeUndefined();
  });

  it('answers a wrong password and an unknown email identically', async () => {
    const wrong = await rejection(signIn('ada@example.com', 'Wrong-Horse-7'));
    const unknown = await rejection(signIn('nobody@example.com'));
    for (const error of [wrong, unknown]) {
      expect(error).toBeInstanceOf(GenericServerException);
      expect(error).toMatchObject({ status: 400, code: 'invalid_credentials', message: 'Invalid credentials.' });
    }
    const shape = (e: unknown) => {
      const { name, status, code, message, rawData } = e as GenericServerException;
      return { name, status, code, message, rawData };
    };
    expect(shape(wrong)).toEqual(shape(unknown));
  });

  it.each(NEXT_STEPS)('raises AuthenticationException for a seeded %s', async (step) => {
    const error = await rejection(signIn(stepUserEmail(step)));
    expect(error).toBeInstanceOf(AuthenticationException);
    const e = error as AuthenticationException;
    expect(e.code).toBe(step);
    expect(e.status).toBe(step === 'sso_required' ? 400 : 403);
    expect(e.pendingAuthenticationToken).toMatch(/^[A-Za-z0-9]{25}$/);
    expect(fake.store.pending.get(e.pendingAuthenticationToken!)).toMatchObject({ step });
    if (step === 'organization_selection_required') expect(e.rawData.organizations).toHaveLength(2);
    if (step === 'sso_required') expect(e.rawData.connection_ids?.[0]).toMatch(/^conn_/);
  });
});

describe('directory reads', () => {
  const ada = () => fake.store.findUserByEmail('ada@example.com')!.wire;
  const org = () => [...fake.store.organizations.values()][0].wire;

  it('lists memberships with their role', async () => {
    const mine = await um.listOrganizationMemberships({ userId: ada().id });
    expect(mine.data).toHaveLength(1);
    expect(mine.data[0]).toMatchObject({
      organizationId: org().id,
      organizationName: 'Demo Organization',
      status: 'active',
      role: { slug: 'admin' },
    });
    const members = await um.listOrganizationMemberships({ organizationId: org().id, statuses: ['active'] });
    // Ada (admin), Grace, Margaret, Mia, Noah, Olivia, Sam, Vera and the test seed's organization
    // chooser; Ken's membership is inactive.
    expect(members.data.map((m) => m.role.slug).sort()).toEqual(['admin', ...Array(8).fill('member')]);
    const linus = fake.store.findUserByEmail('linus@example.com')!.wire;
    expect((await um.listOrganizationMemberships({ userId: linus.id })).data).toEqual([]);
  });

  it('gets users and organizations, and 404s unknown ids', async () => {
    expect(await um.getUser(ada().id)).toMatchObject({ id: ada().id, email: 'ada@example.com' });
    expect(await workos.organizations.getOrganization(org().id)).toMatchObject({
      id: org().id,
      name: 'Demo Organization',
    });
    expect(await rejection(um.getUser('user_01AAAAAAAAAAAAAAAAAAAAAAAA'))).toBeInstanceOf(NotFoundException);
    const users = await um.listUsers({ email: 'ada@example.com' });
    expect(users.data.map((u) => u.id)).toEqual([ada().id]);
  });

  it('refuses a wrong API key', async () => {
    const intruder = new WorkOS('sk_test_wrong', {
      clientId: fake.clientId,
      apiHostname: API_HOST,
      fetchFn: fake.fetch,
      maxRetries: 0,
    });
    expect(await rejection(intruder.organizations.listOrganizations())).toBeInstanceOf(UnauthorizedException);
  });
});

describe('sessions', () => {
  it('revokes a session by its sid', async () => {
    const { payload } = await verify((await signIn('ada@example.com')).accessToken);
    await um.revokeSession({ sessionId: String(payload.sid) });
    expect(fake.store.sessions.get(String(payload.sid))).toMatchObject({
      status: 'revoked',
      ended_at: expect.any(String),
    });
  });

  it('logs out through the URL the SDK builds', async () => {
    const { payload } = await verify((await signIn('grace@example.com')).accessToken);
    const url = um.getLogoutUrl({ sessionId: String(payload.sid), returnTo: 'http://localhost:8881/' });
    const response = await fake.fetch(url, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('http://localhost:8881/');
    expect(fake.store.sessions.get(String(payload.sid))?.status).toBe('revoked');
  });
});

describe('JWKS', () => {
  it('publishes the signing key with a matching self-signed certificate', async () => {
    const key = fake.jwks.keys[0];
    const certificate = new X509Certificate(Buffer.from(key.x5c[0], 'base64'));
    const jwk = createPublicKey({ key: { kty: 'RSA', n: key.n, e: key.e }, format: 'jwk' });
    expect(certificate.publicKey.equals(jwk)).toBe(true);
    expect(certificate.verify(jwk)).toBe(true);
    expect(certificate.fingerprint256.replaceAll(':', '')).toBe(
      Buffer.from(key['x5t#S256'], 'base64url').toString('hex').toUpperCase(),
    );
    const { accessToken } = await signIn('ada@example.com');
    expect(decodeProtectedHeader(accessToken).kid).toBe(key.kid);
  });
});
