import { beforeAll, describe, expect, it } from 'vitest';
import { createWorkOSFake } from './app.ts';
import { buildCases, routeKey, UNMATCHED, type Case } from './conformance-cases.ts';
import { buildAuthorizeCases } from './conformance-authorize.ts';
import { buildGrantCases } from './conformance-grants.ts';
import { buildMfaCases } from './conformance-mfa.ts';
import { buildRouteCases } from './conformance-routes.ts';
import { NEXT_STEPS } from './seed.ts';
import { describeErrors, SpecValidator, type SpecTarget } from './spec-validator.ts';
import { testSeed } from './test-seed.ts';

/**
 * Every answer the fake can give, checked against WorkOS's OpenAPI document
 * (rows in conformance-cases.ts). A route or status of the fake without a row fails.
 */

const fake = createWorkOSFake({ seed: testSeed() });
const CASES = [
  ...buildCases(fake),
  ...buildGrantCases(fake),
  ...buildRouteCases(fake),
  ...buildMfaCases(fake),
  ...buildAuthorizeCases(fake),
];

function send(c: Case): Promise<Response> {
  const headers: Record<string, string> = {};
  const authorization = c.authorization ?? `Bearer ${fake.apiKey}`;
  if (authorization) headers.authorization = authorization;
  let body: string | undefined;
  if (c.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(c.form).toString();
  } else if (c.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(c.body);
  }
  return Promise.resolve(
    fake.app.request(c.url, { method: c.method, headers, ...(body !== undefined ? { body } : {}) }),
  );
}

function specTarget(c: Case): SpecTarget {
  if (c.closest) return c.closest;
  const [method, path] = c.route.split(' ') as [string, string];
  return { method, path, status: c.status };
}

let validator: SpecValidator;
beforeAll(() => {
  validator = new SpecValidator();
});

describe('every answer matches the WorkOS OpenAPI spec', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const response = await send(c);
    const text = await response.text();
    expect(response.status, text).toBe(c.status);

    const target = specTarget(c);
    const documented = validator.response(target);
    expect(
      documented,
      `the spec has no ${target.status} for ${target.method} ${target.path}: add closest`,
    ).toBeDefined();

    const validate = validator.bodyValidator(target);
    if (c.html) {
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(text).toMatch(/^<!doctype html>/);
    } else if (validate) {
      const body: unknown = JSON.parse(text);
      expect(validate(body), `${text}\n${describeErrors(validate.errors)}`).toBe(true);
    } else {
      expect(text, 'the spec documents no body for this answer').toBe('');
    }
    for (const name of Object.keys(documented?.headers ?? {})) {
      const value = response.headers.get(name);
      const validateHeader = validator.headerValidator(target, name);
      if (value !== null && validateHeader) expect(validateHeader(value), `${name}: ${value}`).toBe(true);
    }
    if (c.status === 302) {
      const location = response.headers.get('location') ?? '';
      if (typeof c.location === 'string') expect(location).toBe(c.location);
      else expect(location).toMatch(c.location ?? /^$/);
    }
  });
});

describe('the table covers the fake', () => {
  it('has a case for every route and every status it can answer', () => {
    const missing = fake.routes.flatMap((r) =>
      r.statuses
        .filter((s) => !CASES.some((c) => c.route === routeKey(r) && c.status === s))
        .map((s) => `${routeKey(r)} → ${s}`),
    );
    expect(missing).toEqual([]);
  });

  it('names only routes the fake has', () => {
    const known = new Set([...fake.routes.map(routeKey), UNMATCHED]);
    expect(CASES.filter((c) => !known.has(c.route)).map((c) => c.route)).toEqual([]);
  });

  it('serves only operations of the spec', () => {
    expect(fake.routes.filter((r) => !validator.hasOperation(r.method, r.path)).map(routeKey)).toEqual([]);
  });

  it('answers every multi-step code with a pending authentication token', async () => {
    for (const step of NEXT_STEPS) {
      const body = (await (await send(CASES.find((x) => x.name === `multi-step: ${step}`)!)).json()) as Record<
        string,
        unknown
      >;
      expect(body.code ?? body.error).toBe(step);
      expect(body.pending_authentication_token).toMatch(/^[A-Za-z0-9]{25}$/);
    }
  });
});
