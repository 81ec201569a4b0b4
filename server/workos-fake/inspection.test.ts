import { describe, expect, it } from 'vitest';
import { createWorkOSFake } from './app.ts';
import { DEMO_PASSWORD } from './test-seed.ts';

/** The test-only `/_fake/` endpoints: outside the WorkOS API, no API key. */
const fake = createWorkOSFake();
const ORG = [...fake.store.organizations.values()][0].wire.id;

async function json(path: string, init?: RequestInit): Promise<{ status: number; body: unknown }> {
  const response = await fake.app.request(path, init);
  return { status: response.status, body: await response.json() };
}

async function signIn(email: string): Promise<void> {
  const body = {
    grant_type: 'password',
    client_id: fake.clientId,
    client_secret: fake.apiKey,
    email,
    password: DEMO_PASSWORD,
  };
  const response = await fake.app.request('/user_management/authenticate', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

describe('/_fake/sessions', () => {
  it('lists sessions of one user, revoked ones kept with their status', async () => {
    await signIn('grace@example.com');
    await signIn('grace@example.com');
    await signIn('ada@example.com');
    const grace = fake.store.findUserByEmail('grace@example.com')!.wire.id;
    const [first] = [...fake.store.sessions.values()];
    fake.store.revokeSession(first.id);

    const byId = await json(`/_fake/sessions?user_id=${grace}`);
    expect(byId).toEqual({
      status: 200,
      body: {
        data: [
          { id: first.id, user_id: grace, status: 'revoked' },
          { id: expect.stringMatching(/^session_/), user_id: grace, status: 'active' },
        ],
      },
    });
    expect(await json('/_fake/sessions?email=GRACE@example.com')).toEqual(byId);
    expect((await json('/_fake/sessions')).body).toMatchObject({ data: { length: 3 } });
    expect(await json('/_fake/sessions?email=nobody@example.com')).toEqual({ status: 200, body: { data: [] } });
  });
});

describe('/_fake/audit-events', () => {
  it('lists what WorkOS Audit Logs received', async () => {
    fake.store.recordAuditEvent({ organization_id: ORG, idempotency_key: 'k1', event: { action: 'wordpress.logout' } });
    expect(await json('/_fake/audit-events')).toEqual({
      status: 200,
      body: { data: [{ organization_id: ORG, idempotency_key: 'k1', event: { action: 'wordpress.logout' } }] },
    });
  });
});

describe('POST /_fake/memberships/status', () => {
  const post = (body: unknown) =>
    json('/_fake/memberships/status', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('changes a membership status, as an administrator would at WorkOS', async () => {
    const result = await post({ email: 'grace@example.com', organization_id: ORG, status: 'inactive' });
    expect(result).toEqual({
      status: 200,
      body: { data: [{ id: expect.stringMatching(/^om_/), organization_id: ORG, role: 'member', status: 'inactive' }] },
    });
    const grace = fake.store.findUserByEmail('grace@example.com')!.wire.id;
    expect(fake.store.membershipsOf({ userId: grace })[0]?.status).toBe('inactive');
  });

  it('404s a user without membership and 422s a bad body', async () => {
    expect((await post({ email: 'linus@example.com', status: 'active' })).status).toBe(404);
    expect((await post({ email: 'nobody@example.com', status: 'active' })).status).toBe(404);
    expect((await post({ email: 'grace@example.com', status: 'gone' })).status).toBe(422);
  });
});

describe('/_fake/emails and /_fake/sms', () => {
  const post = (path: string, body: unknown) =>
    fake.app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${fake.apiKey}` },
      body: JSON.stringify(body),
    });

  it('lists what WorkOS would have emailed, newest first, by recipient', async () => {
    const invitation = await json('/_fake/emails?to=ivy@example.com');
    expect(invitation).toEqual({
      status: 200,
      body: {
        data: [
          {
            kind: 'invitation',
            to: 'ivy@example.com',
            code: null,
            token: 'RgXuYtYOAU1yQcXwMUt28JRWI',
            created_at: '2025-06-02T09:39:00.000Z',
          },
        ],
      },
    });
    await post('/user_management/magic_auth', { email: 'Grace@example.com' });
    await post('/user_management/password_reset', { email: 'grace@example.com' });
    const { body } = (await json('/_fake/emails?to=GRACE@example.com')) as {
      body: { data: Array<{ kind: string; code: string | null; token: string | null }> };
    };
    expect(body.data.map((e) => e.kind)).toEqual(['password_reset', 'magic_auth']);
    expect(body.data[0]).toMatchObject({ code: null, token: expect.any(String) });
    expect(body.data[1]).toMatchObject({ code: expect.stringMatching(/^\d{6}$/), token: null });
    expect(await json('/_fake/emails?to=nobody@example.com')).toEqual({ status: 200, body: { data: [] } });
  });

  it('lists SMS codes by phone number', async () => {
    const olivia = fake.store.findUserByEmail('olivia@example.com')!.wire.id;
    const sms = [...fake.store.factors.values()].find((f) => f.user_id === olivia && f.type === 'sms')!;
    await post(`/auth/factors/${sms.id}/challenge`, {});
    await post(`/auth/factors/${sms.id}/challenge`, {});
    const { body } = (await json('/_fake/sms?to=%2B15555550123')) as {
      body: { data: Array<{ to: string; code: string }> };
    };
    expect(body.data).toHaveLength(2);
    expect(body.data[0]).toMatchObject({ to: '+15555550123', code: expect.stringMatching(/^\d{6}$/) });
    expect(await json('/_fake/sms?to=%2B10000000000')).toEqual({ status: 200, body: { data: [] } });
  });
});

describe('/_fake/expire', () => {
  it('expires every code sent to an email, so the next grant answers WorkOS’s expired error', async () => {
    const created = await fake.app.request('/user_management/magic_auth', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${fake.apiKey}` },
      body: JSON.stringify({ email: 'linus@example.com' }),
    });
    const { code } = (await created.json()) as { code: string };
    expect(
      await json('/_fake/expire', { method: 'POST', body: JSON.stringify({ email: 'Linus@example.com' }) }),
    ).toEqual({ status: 200, body: { expired: 1 } });
    const grant = await fake.app.request('/user_management/authenticate', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'urn:workos:oauth:grant-type:magic-auth:code',
        client_id: fake.clientId,
        client_secret: fake.apiKey,
        email: 'linus@example.com',
        code,
      }),
    });
    expect(grant.status).toBe(400);
    expect(await grant.json()).toMatchObject({ code: 'one_time_code_expired' });
    expect((await json('/_fake/expire', { method: 'POST', body: '{}' })).status).toBe(422);
  });
});
