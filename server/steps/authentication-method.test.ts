/**
 * Every `authentication_method` WorkOS's OpenAPI document lists has a name both sides know, read
 * from the document itself: a value WorkOS adds fails here until it is mapped. Anything else is
 * `unknown`, never another method, and logged.
 */
import { describe, expect, it } from 'vitest';
import { HOSTED_METHODS, IDENTITY_METHODS, METHODS } from '../../protocol/messages.ts';
import { createLogger } from '../log.ts';
import { loadSpec } from '../workos-fake/spec-validator.ts';
import { impersonatorOf, METHOD_OF, methodFields } from './authentication-method.ts';

interface Schema {
  properties?: Record<string, { enum?: string[] }>;
}
const spec = loadSpec() as unknown as { components: { schemas: Record<string, Schema> } };
const SPEC_ENUM = spec.components.schemas.UserlandAuthenticateResponse.properties!.authentication_method.enum!;

function logged() {
  const lines: Array<Record<string, unknown>> = [];
  return { log: createLogger('debug', (line) => lines.push(JSON.parse(line) as Record<string, unknown>)), lines };
}

describe('authentication_method → method', () => {
  it('maps every value of the spec’s enum, and nothing the spec does not list', () => {
    expect(SPEC_ENUM.length).toBeGreaterThanOrEqual(22);
    expect(Object.keys(METHOD_OF).sort()).toEqual([...SPEC_ENUM].sort());
  });

  it('gives each value its own name, and every name of the contract comes from one value', () => {
    const names = SPEC_ENUM.map((value) => METHOD_OF[value]);
    expect(new Set(names).size).toBe(SPEC_ENUM.length);
    // The contract's list is exactly the mapped names plus `unknown`: none is unreachable.
    expect([...names, 'unknown'].sort()).toEqual([...IDENTITY_METHODS].sort());
    // The profile methods keep their names; the others are reported, never offered.
    for (const method of METHODS) expect(names).toContain(method);
    expect(HOSTED_METHODS.every((m) => !(METHODS as readonly string[]).includes(m))).toBe(true);
  });

  it('names the hosted methods the issue found reported as password', () => {
    const { log, lines } = logged();
    const cases: Array<[string, string]> = [
      ['LinkedInOAuth', 'oauth_linkedin'],
      ['SlackOAuth', 'oauth_slack'],
      ['GitLabOAuth', 'oauth_gitlab'],
      ['Impersonation', 'impersonation'],
      ['MigratedSession', 'migrated_session'],
    ];
    for (const [value, method] of cases) expect(methodFields(log, value, 'password')).toEqual({ method });
    expect(lines).toEqual([]);
  });

  it('keeps the flow’s method only when WorkOS names none', () => {
    const { log } = logged();
    expect(methodFields(log, undefined, 'sso')).toEqual({ method: 'sso' });
    expect(methodFields(log, null, 'magic_code')).toEqual({ method: 'magic_code' });
  });

  it('records a value outside the spec as unknown with its name stripped, and logs it', () => {
    const { log, lines } = logged();
    // SDK 11 knows these two, the spec does not: still `unknown`, never the flow's method.
    expect(methodFields(log, 'XOAuth', 'oauth_google')).toEqual({ method: 'unknown', workos_method: 'XOAuth' });
    expect(methodFields(log, 'constructor', 'password')).toEqual({ method: 'unknown', workos_method: 'constructor' });
    expect(methodFields(log, '<img src=x onerror=alert(1)>' + 'A'.repeat(100), 'password')).toEqual({
      method: 'unknown',
      workos_method: 'imgsrcxonerroralert1' + 'A'.repeat(44),
    });
    expect(methodFields(log, '<>', 'password')).toEqual({ method: 'unknown' });
    expect(methodFields(log, 42, 'password')).toEqual({ method: 'unknown' });
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatchObject({ level: 'warn', authentication_method: 'XOAuth' });
  });
});

describe('impersonator', () => {
  it('is null when WorkOS reports none', () => {
    expect(impersonatorOf({})).toBeNull();
    expect(impersonatorOf({ impersonator: undefined })).toBeNull();
  });

  it('keeps the email and reason, bounded and without control characters', () => {
    expect(impersonatorOf({ impersonator: { email: 'support@workos.example', reason: 'Ticket 42' } })).toEqual({
      email: 'support@workos.example',
      reason: 'Ticket 42',
    });
    const long = impersonatorOf({ impersonator: { email: 'a@b.example', reason: `x\u0000y\n${'é'.repeat(600)}` } });
    expect(long!.reason).toBe(`xy${'é'.repeat(498)}`);
    expect(impersonatorOf({ impersonator: { email: 'a@b.example', reason: '' } })!.reason).toBeNull();
  });

  it('never drops an impersonation whose shape is odd', () => {
    const odd = { impersonator: { email: 7, reason: ['?'] } } as unknown as Parameters<typeof impersonatorOf>[0];
    expect(impersonatorOf(odd)).toEqual({ email: '', reason: null });
  });
});
