import {
  GenericServerException,
  NotFoundException,
  OauthException,
  RateLimitExceededException,
  UnauthorizedException,
} from '@workos-inc/node';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Outcome } from '../protocol/messages.ts';
import { DeadlineExceededError } from './deadline.ts';
import { integration, PASSWORD } from './steps/test-support.ts';
import type { FaultRule } from './workos-fake/faults.ts';
import { classifyWorkOSError } from './workos-failure.ts';
import seed from './workos-fake/seed.json' with { type: 'json' };

/** How WorkOS failures reach WordPress: the real SDK against the fake's injected faults. */
const DEMO = seed.organizations[0].id;
const GRACE = { email: 'grace@example.com', password: PASSWORD };
const unavailable = (retry_after: number) => ({ type: 'error', code: 'workos_unavailable', status: 503, retry_after });
const limited = (retry_after: number) => ({ type: 'error', code: 'rate_limited', status: 429, retry_after });

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

/**
 * The password step's outcome with `rules` in force. Only rules that hold WorkOS's answer back
 * move the fake clock (to the deadline): the fake checks passwords with real (threaded) scrypt,
 * which a clock jumping ahead would overtake.
 */
async function passwordWith(rules: FaultRule[], opts: { profile?: { organization_id: string } } = {}) {
  const t = integration();
  t.fake.faults.set(rules);
  const sent = t.send('password', GRACE, { ...opts, budget: '10000' });
  if (rules.some((rule) => rule.action === 'hang' || rule.action === 'delay')) await vi.advanceTimersByTimeAsync(8000);
  const outcome: Outcome = await sent;
  t.fake.faults.set([]);
  return { outcome, lines: t.logLines.join('\n') };
}

describe('WorkOS failures, as the password step answers them', () => {
  const outages: Array<[string, FaultRule[], number]> = [
    ['408', [{ action: 'status', status: 408 }], 30],
    ['500', [{ action: 'status', status: 500 }], 30],
    ['502', [{ action: 'status', status: 502 }], 30],
    ['503 with Retry-After', [{ action: 'status', status: 503, retry_after: 120 }], 120],
    ['503 with a huge Retry-After', [{ action: 'status', status: 503, retry_after: 86_400 }], 3600],
    ['503 with Retry-After 0', [{ action: 'status', status: 503, retry_after: 0 }], 1],
    ['a reset connection', [{ action: 'reset' }], 30],
    ['no answer before the deadline', [{ action: 'hang' }], 30],
    ['a slow answer', [{ action: 'delay', delay_ms: 20_000 }], 30],
  ];
  for (const [name, rules, retryAfter] of outages) {
    it(`${name} → workos_unavailable, retry_after ${retryAfter}, never invalid_credentials`, async () => {
      const { outcome, lines } = await passwordWith(rules);
      expect(outcome).toMatchObject(unavailable(retryAfter));
      expect(lines).toMatch(/"level":"warn"/);
    });
  }

  it('429 → rate_limited with WorkOS’s Retry-After, else 60', async () => {
    expect((await passwordWith([{ action: 'status', status: 429, retry_after: 17 }])).outcome).toMatchObject(
      limited(17),
    );
    expect((await passwordWith([{ action: 'status', status: 429 }])).outcome).toMatchObject(limited(60));
  });

  it('404 is an answer, not an outage: the step’s refusal, or sign_in_refused for a membership', async () => {
    expect((await passwordWith([{ action: 'status', status: 404 }])).outcome).toMatchObject({
      code: 'invalid_credentials',
      status: 401,
    });
    const memberships: FaultRule[] = [
      { match: '/user_management/organization_memberships', action: 'status', status: 404 },
    ];
    expect((await passwordWith(memberships, { profile: { organization_id: DEMO } })).outcome).toMatchObject({
      code: 'sign_in_refused',
      status: 403,
    });
  });

  it('a failing membership lookup after the grant is an outage too', async () => {
    const rules: FaultRule[] = [{ match: '/user_management/organization_memberships', action: 'status', status: 503 }];
    expect((await passwordWith(rules, { profile: { organization_id: DEMO } })).outcome).toMatchObject(unavailable(30));
  });
});

describe('classifyWorkOSError', () => {
  const wrap = (cause: unknown) => new Error(`Unexpected error: ${String(cause)}`, { cause });
  const headers = new Headers({ 'Retry-After': '90' });

  it('knows what the SDK raises', () => {
    const table: Array<[unknown, object]> = [
      [new OauthException(408, 'r', 'Request timeout', undefined, {}), { kind: 'outage', reason: 'timeout' }],
      [wrap(new DeadlineExceededError(8000)), { kind: 'outage', reason: 'deadline', retryAfter: 30 }],
      [wrap(new TypeError('fetch failed')), { kind: 'outage', reason: 'network' }],
      [wrap(Object.assign(new Error('x'), { code: 'ECONNREFUSED' })), { kind: 'outage', reason: 'network' }],
      [wrap(new DOMException('aborted', 'AbortError')), { kind: 'outage', reason: 'timeout' }],
      [
        wrap(
          Object.assign(new Error('<html>'), { name: 'ParseError', status: 500, rawStatus: 502, rawHeaders: headers }),
        ),
        { kind: 'outage', reason: 'unreadable', status: 502, retryAfter: 90 },
      ],
      [new GenericServerException(503, 'down', {}, 'r'), { kind: 'outage', status: 503, retryAfter: 30 }],
      [new RateLimitExceededException('slow', 'r', 17), { kind: 'rate_limited', retryAfter: 17 }],
      [new RateLimitExceededException('slow', 'r', Number.NaN), { kind: 'rate_limited', retryAfter: 60 }],
      [new UnauthorizedException('r'), { kind: 'unauthorized' }],
      [new NotFoundException({ path: '/users/x', requestID: 'r' }), { kind: 'not_found', status: 404 }],
      [
        new GenericServerException(400, 'x', { code: 'invalid_credentials' }, 'r'),
        { kind: 'refused', status: 400, code: 'invalid_credentials' },
      ],
      [new Error('something else'), { kind: 'outage', reason: 'unexpected' }],
    ];
    for (const [error, expected] of table) expect(classifyWorkOSError(error), String(error)).toMatchObject(expected);
  });
});
