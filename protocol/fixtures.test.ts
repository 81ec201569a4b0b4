/**
 * Every JSON fixture of the contract parses with the schema of its message, and the schemas are
 * typed against `messages.ts`, so the fixtures, the types and the runtime checks agree. The PHP
 * side is checked against the same fixtures by tests/e2e/contract.spec.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  adminHealthOutcomeSchema,
  adminRolesOutcomeSchema,
  adminUserOutcomeSchema,
  auditForwardOutcomeSchema,
  sessionRevokeOutcomeSchema,
} from '../server/admin/identity-schemas.ts';
import { adminOrganizationsOutcomeSchema } from '../server/admin/schemas.ts';
import { authResponseSchema, envelopeSchema, outcomeSchema, passwordRequestSchema } from '../server/schemas.ts';

const dir = join(import.meta.dirname, 'fixtures');
const SCHEMAS: Record<string, z.ZodType> = {
  'browser-password-request.json': passwordRequestSchema,
  'browser-signed-in-response.json': authResponseSchema,
  'browser-error-response.json': authResponseSchema,
  'browser-rate-limited-response.json': authResponseSchema,
  'browser-step-response.json': authResponseSchema,
  'server-password-envelope.json': envelopeSchema('password'),
  'server-authenticated-outcome.json': outcomeSchema,
  'server-error-outcome.json': outcomeSchema,
  'server-step-outcome.json': outcomeSchema,
  'server-redirect-outcome.json': outcomeSchema,
  'server-organizations-outcome.json': adminOrganizationsOutcomeSchema,
  'server-admin-user-outcome.json': adminUserOutcomeSchema,
  'server-roles-outcome.json': adminRolesOutcomeSchema,
  'server-health-outcome.json': adminHealthOutcomeSchema,
  'server-session-revoked-outcome.json': sessionRevokeOutcomeSchema,
  'server-audit-forwarded-outcome.json': auditForwardOutcomeSchema,
};

describe('contract fixtures', () => {
  it('has a schema for every fixture file', () => {
    expect(
      readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort(),
    ).toEqual(Object.keys(SCHEMAS).sort());
  });

  it.each(Object.entries(SCHEMAS))('%s matches its message schema', (file, schema) => {
    const result = schema.safeParse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('rejects what the contract forbids', () => {
    expect(outcomeSchema.safeParse({ type: 'authenticated', identity: {} }).success).toBe(false);
    expect(authResponseSchema.safeParse({ type: 'authenticated', identity: {} }).success).toBe(false);
    expect(passwordRequestSchema.safeParse({ profile: 'Default!', email: 'a@b.co', password: 'x' }).success).toBe(
      false,
    );
    expect(passwordRequestSchema.safeParse({ profile: 'default', email: 'a@b.co', password: '' }).success).toBe(false);
    expect(envelopeSchema('password').safeParse({}).success).toBe(false);
    // The admin outcome is not an auth outcome, and the other way round.
    const organizations = JSON.parse(readFileSync(join(dir, 'server-organizations-outcome.json'), 'utf8'));
    expect(outcomeSchema.safeParse(organizations).success).toBe(false);
    expect(adminOrganizationsOutcomeSchema.safeParse({ type: 'redirect', url: 'https://x.test' }).success).toBe(false);
    // Each identity administration outcome is its own message: none passes for another.
    const identity = [
      ['server-admin-user-outcome.json', adminUserOutcomeSchema],
      ['server-roles-outcome.json', adminRolesOutcomeSchema],
      ['server-health-outcome.json', adminHealthOutcomeSchema],
      ['server-session-revoked-outcome.json', sessionRevokeOutcomeSchema],
      ['server-audit-forwarded-outcome.json', auditForwardOutcomeSchema],
    ] as const;
    for (const [file] of identity) {
      const fixture: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      for (const [other, schema] of identity)
        if (other !== file) expect(schema.safeParse(fixture).success, other).toBe(false);
    }
    expect(adminHealthOutcomeSchema.safeParse({ type: 'health', server_time: 1 }).success).toBe(false);
  });
});
