import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { WORKOS_ID } from './ids.ts';
import { isPasswordHash } from './passwords.ts';

/**
 * The multi-step answers WorkOS gives instead of tokens ("AuthKit → Authentication errors").
 * A seeded user's `next_step` makes password sign-in answer that step (see multi-step.ts).
 */
export const NEXT_STEPS = [
  'email_verification_required',
  'mfa_enrollment',
  'mfa_challenge',
  'organization_selection_required',
  'sso_required',
] as const;
export type NextStep = (typeof NEXT_STEPS)[number];

const id = (prefix: string) =>
  z
    .string()
    .regex(WORKOS_ID)
    .refine((value) => value.startsWith(`${prefix}_`), `must start with ${prefix}_`);
const timestamp = z.iso.datetime();

/** RFC 4648 base32 (what authenticator apps take), at least 80 bits. */
const base32Secret = z.string().regex(/^[A-Z2-7]{16,}$/, 'must be a base32 secret of 16+ characters');

const seedFactor = z.discriminatedUnion('type', [
  z.strictObject({ id: id('auth_factor'), type: z.literal('totp'), secret: base32Secret }),
  z.strictObject({
    id: id('auth_factor'),
    type: z.literal('sms'),
    phone_number: z.string().regex(/^\+[1-9]\d{6,14}$/),
  }),
]);

const seedUser = z
  .object({
    id: id('user'),
    email: z.email(),
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    email_verified: z.boolean(),
    created_at: timestamp,
    /** `scrypt$N$r$p$salt$hash` (see passwords.ts). */
    password_hash: z.string().refine(isPasswordHash, 'must be a scrypt$… hash').optional(),
    /** Plaintext, hashed at load: handy in test seeds; seed.json keeps hashes. */
    password: z.string().min(1).optional(),
    next_step: z.enum(NEXT_STEPS).optional(),
    /** For `next_step: "sso_required"`: the connections WorkOS would name. */
    sso_connection_ids: z.array(id('conn')).optional(),
    /** Enrolled MFA factors: a user with any answers `mfa_challenge` after the first factor. */
    auth_factors: z.array(seedFactor).optional(),
  })
  .strict();

const seedOrganization = z
  .object({
    id: id('org'),
    name: z.string().min(1),
    /** Role slugs the organization offers; memberships must use one of them. */
    roles: z.array(z.string().regex(/^[a-z0-9_-]+$/)).min(1),
    domains: z.array(z.string()).default([]),
    /** SSO connections: users of the organization's domains answer `sso_required` naming them. */
    sso_connection_ids: z.array(id('conn')).default([]),
    created_at: timestamp,
  })
  .strict();

const seedMembership = z
  .object({
    id: id('om'),
    user_id: id('user'),
    organization_id: id('org'),
    role: z.string(),
    status: z.enum(['active', 'inactive', 'pending']),
    created_at: timestamp,
  })
  .strict();

const seedInvitation = z.strictObject({
  id: id('invitation'),
  email: z.email(),
  organization_id: id('org'),
  role_slug: z.string(),
  /** Fixed in the seed so tests can use it; also readable through `GET /_fake/emails`. */
  token: z.string().regex(/^[A-Za-z0-9]{20,64}$/),
  state: z.enum(['pending', 'accepted', 'revoked']).default('pending'),
  created_at: timestamp,
  expires_at: timestamp,
});

export const seedSchema = z
  .object({
    _readme: z.string().optional(),
    organizations: z.array(seedOrganization),
    users: z.array(seedUser),
    memberships: z.array(seedMembership),
    invitations: z.array(seedInvitation).default([]),
  })
  .strict()
  .superRefine((seed, ctx) => {
    const users = new Set(seed.users.map((u) => u.id));
    const orgs = new Map(seed.organizations.map((o) => [o.id, o]));
    seed.memberships.forEach((m, index) => {
      const org = orgs.get(m.organization_id);
      if (!users.has(m.user_id))
        ctx.addIssue({ code: 'custom', path: ['memberships', index, 'user_id'], message: 'unknown user' });
      if (!org)
        ctx.addIssue({
          code: 'custom',
          path: ['memberships', index, 'organization_id'],
          message: 'unknown organization',
        });
      else if (!org.roles.includes(m.role))
        ctx.addIssue({
          code: 'custom',
          path: ['memberships', index, 'role'],
          message: 'not a role of the organization',
        });
    });
    seed.invitations.forEach((invitation, index) => {
      const org = orgs.get(invitation.organization_id);
      if (!org?.roles.includes(invitation.role_slug))
        ctx.addIssue({
          code: 'custom',
          path: ['invitations', index],
          message: 'unknown organization or not a role of it',
        });
    });
    const emails = seed.users.map((u) => u.email.toLowerCase());
    if (new Set(emails).size !== emails.length)
      ctx.addIssue({ code: 'custom', path: ['users'], message: 'duplicate email' });
  });

export type Seed = z.input<typeof seedSchema>;
export type ParsedSeed = z.output<typeof seedSchema>;

export const DEFAULT_SEED_PATH = new URL('./seed.json', import.meta.url);

/** Reads and validates a seed file; throws with every problem listed. */
export function loadSeed(path: string | URL = DEFAULT_SEED_PATH): ParsedSeed {
  return parseSeed(JSON.parse(readFileSync(path, 'utf8')));
}

export function parseSeed(input: unknown): ParsedSeed {
  const result = seedSchema.safeParse(input);
  if (!result.success) throw new Error(`Invalid WorkOS fake seed:\n${z.prettifyError(result.error)}`);
  return result.data;
}
