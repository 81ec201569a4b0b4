import { NotFoundException, UnprocessableEntityException, WorkOS } from '@workos-inc/node';
import { describe, expect, it } from 'vitest';
import { createWorkOSFake } from './app.ts';
import { DEMO_PASSWORD, testSeed } from './test-seed.ts';

/** The real SDK against the fake for what wp-admin needs: roles, audit events, odd demo users. */
const fake = createWorkOSFake({ seed: testSeed() });
const workos = new WorkOS(fake.apiKey, { clientId: fake.clientId, fetchFn: fake.fetch, maxRetries: 0 });
const um = workos.userManagement;
const org = () => [...fake.store.organizations.values()][0].wire;
const NO_ORG = 'org_01AAAAAAAAAAAAAAAAAAAAAAAA';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected a rejection'),
    (error: unknown) => error,
  );
}

describe('organization roles', () => {
  it('lists admin and member for the demo organization', async () => {
    const roles = await workos.authorization.listOrganizationRoles(org().id);
    expect(roles.data.map((r) => [r.slug, r.name, r.type])).toEqual([
      ['admin', 'Admin', 'EnvironmentRole'],
      ['member', 'Member', 'EnvironmentRole'],
    ]);
  });

  it('404s an unknown organization', async () => {
    expect(await rejection(workos.authorization.listOrganizationRoles(NO_ORG))).toBeInstanceOf(NotFoundException);
  });
});

describe('audit log events', () => {
  const event = {
    action: 'wordpress.login',
    occurredAt: new Date('2026-01-15T12:00:00.000Z'),
    actor: { id: 'user_1', type: 'user', name: 'Ada Lovelace' },
    targets: [{ id: '7', type: 'wordpress_user' }],
    context: { location: '203.0.113.7', userAgent: 'vitest' },
    metadata: { profile: 'default' },
  };

  it('records an event once per idempotency key', async () => {
    const before = fake.store.auditEvents.length;
    await workos.auditLogs.createEvent(org().id, event, { idempotencyKey: 'wp-audit-1' });
    await workos.auditLogs.createEvent(org().id, event, { idempotencyKey: 'wp-audit-1' });
    expect(fake.store.auditEvents.slice(before)).toEqual([
      {
        organization_id: org().id,
        idempotency_key: 'wp-audit-1',
        event: {
          action: 'wordpress.login',
          occurred_at: '2026-01-15T12:00:00.000Z',
          actor: event.actor,
          targets: event.targets,
          context: { location: '203.0.113.7', user_agent: 'vitest' },
          metadata: { profile: 'default' },
        },
      },
    ]);
  });

  it('refuses an unknown organization and a missing field', async () => {
    expect(await rejection(workos.auditLogs.createEvent(NO_ORG, event))).toBeInstanceOf(NotFoundException);
    const noLocation = { ...event, context: {} as typeof event.context };
    expect(await rejection(workos.auditLogs.createEvent(org().id, noLocation))).toBeInstanceOf(
      UnprocessableEntityException,
    );
  });
});

describe('demo users beyond the gate', () => {
  it('signs Margaret in with a password although her email is unverified', async () => {
    const result = await um.authenticateWithPassword({ email: 'margaret@example.com', password: DEMO_PASSWORD });
    expect(result.user).toMatchObject({ email: 'margaret@example.com', emailVerified: false });
    expect(result.organizationId).toBe(org().id);
  });

  it('signs Ken in without an organization: his only membership is inactive', async () => {
    const result = await um.authenticateWithPassword({ email: 'ken@example.com', password: DEMO_PASSWORD });
    expect(result.organizationId).toBeUndefined();
    const list = await um.listOrganizationMemberships({
      userId: result.user.id,
      organizationId: org().id,
      statuses: ['active', 'inactive', 'pending'],
    });
    expect(list.data.map((m) => [m.role.slug, m.status])).toEqual([['member', 'inactive']]);
  });
});
