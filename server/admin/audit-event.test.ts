import { describe, expect, it } from 'vitest';
import type { AuditForwardRequest } from '../../protocol/admin.ts';
import { auditForwardOutcomeSchema } from './identity-schemas.ts';
import {
  MISCONFIGURED,
  NO_ORG,
  outcomeOf,
  serverError,
  setup,
  UNAVAILABLE,
  unreachable,
  WRONG_KEY,
} from './test-support.ts';

const PATH = '/v1/audit/event';

function request(organizationId: string, key = 'wp-audit-42'): AuditForwardRequest {
  return {
    organization_id: organizationId,
    idempotency_key: key,
    event: {
      action: 'wordpress.login',
      occurred_at: '2026-01-15T12:00:00.000Z',
      actor: { id: 'user_01JWQY64K0NDSM9WRQSCC1WKYG', type: 'user', name: 'Ada Lovelace' },
      targets: [{ id: '7', type: 'wordpress_user', name: 'ada' }],
      context: { location: '203.0.113.7', user_agent: 'Mozilla/5.0' },
      metadata: { profile: 'default', method: 'password', remember: false, attempt: 1 },
    },
  };
}

describe('POST /v1/audit/event', () => {
  it('forwards the event to WorkOS Audit Logs once per idempotency key', async () => {
    const { post, org, fake, requests } = setup();
    const input = request(org.id);
    for (let i = 0; i < 2; i++) {
      expect(await outcomeOf(await post(PATH, input), auditForwardOutcomeSchema)).toEqual({ type: 'audit_forwarded' });
    }
    expect(requests.at(-1)?.headers.get('idempotency-key')).toBe('wp-audit-42');
    expect(fake.store.auditEvents).toEqual([
      { organization_id: org.id, idempotency_key: 'wp-audit-42', event: input.event },
    ]);
  });

  it('sends no user_agent when WordPress gave none', async () => {
    const { post, org, fake } = setup();
    const input = request(org.id);
    input.event.context = { location: '203.0.113.7' };
    delete input.event.metadata;
    expect(await outcomeOf(await post(PATH, input), auditForwardOutcomeSchema)).toEqual({ type: 'audit_forwarded' });
    expect(fake.store.auditEvents[0]?.event).toEqual(input.event);
  });

  it('answers an error WordPress retries later: refused (4xx), down, or a wrong key', async () => {
    const refused = setup();
    expect(await outcomeOf(await refused.post(PATH, request(NO_ORG)), auditForwardOutcomeSchema)).toEqual({
      type: 'error',
      code: 'invalid_request',
      message: 'WorkOS refused the request (HTTP 404).',
      status: 404,
    });
    for (const fetchFn of [unreachable, serverError]) {
      const { post, org } = setup({ fetchFn });
      expect(await outcomeOf(await post(PATH, request(org.id)), auditForwardOutcomeSchema)).toEqual(UNAVAILABLE);
    }
    const { post, org } = setup({ apiKey: WRONG_KEY });
    expect(await outcomeOf(await post(PATH, request(org.id)), auditForwardOutcomeSchema)).toEqual(MISCONFIGURED);
  });

  it('refuses events WorkOS would refuse, naming the field', async () => {
    const { post, org } = setup();
    const base = request(org.id);
    const cases: Array<[unknown, string]> = [
      [{ ...base, idempotency_key: 'has space' }, 'input.idempotency_key'],
      [{ ...base, idempotency_key: '' }, 'input.idempotency_key'],
      [{ ...base, organization_id: 'acme' }, 'input.organization_id'],
      [{ ...base, event: { ...base.event, action: 'Login!' } }, 'input.event.action'],
      [{ ...base, event: { ...base.event, occurred_at: 'yesterday' } }, 'input.event.occurred_at'],
      [{ ...base, event: { ...base.event, actor: { id: '1', type: 'robot' } } }, 'input.event.actor.type'],
      [{ ...base, event: { ...base.event, context: {} } }, 'input.event.context.location'],
      [{ ...base, event: { ...base.event, metadata: { 'bad key': 1 } } }, 'input.event.metadata'],
      [{ ...base, event: { ...base.event, metadata: { nested: { a: 1 } } } }, 'input.event.metadata.nested'],
      [
        {
          ...base,
          event: { ...base.event, metadata: Object.fromEntries([...Array(51).keys()].map((k) => [`k${k}`, k])) },
        },
        'input.event.metadata',
      ],
      [
        { ...base, event: { ...base.event, targets: [{ id: '1', type: 'x', name: 'n'.repeat(501) }] } },
        'input.event.targets.0.name',
      ],
    ];
    for (const [input, field] of cases) {
      const outcome = await outcomeOf(await post(PATH, input), auditForwardOutcomeSchema);
      expect(outcome, JSON.stringify(input).slice(0, 200)).toMatchObject({ code: 'invalid_request', status: 400 });
      if (outcome.type === 'error') expect(outcome.message).toContain(field);
    }
  });
});
