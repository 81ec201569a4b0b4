import type { components } from '@workos/openapi-spec';
import { newId } from './ids.ts';
import { addFactor, DEFAULT_TOTP_ISSUER } from './mfa/factors.ts';
import { newTotpSecret } from './mfa/totp.ts';
import { hashPasswordSync } from './passwords.ts';
import type { ParsedSeed } from './seed.ts';
import type { FakeStore } from './store.ts';

type RoleWire = components['schemas']['Role'];

/** Role ids are the same for a slug in every organization, as environment roles' are at WorkOS. */
const roleIds = new Map<string, string>();

/**
 * Seeded roles are environment roles (WorkOS's own `admin` and `member` are), named after their
 * slug: `billing-admin` → "Billing Admin".
 */
function environmentRole(slug: string, createdAt: string): RoleWire {
  let id = roleIds.get(slug);
  if (!id) roleIds.set(slug, (id = newId('role', Date.parse(createdAt))));
  const name = slug
    .split(/[-_]+/)
    .filter(Boolean)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join(' ');
  return {
    object: 'role',
    id,
    slug,
    name,
    description: null,
    type: 'EnvironmentRole',
    resource_type_slug: 'organization',
    permissions: [],
    created_at: createdAt,
    updated_at: createdAt,
  };
}

/** Fills an empty store from a validated seed. */
export function loadSeedInto(store: FakeStore, seed: ParsedSeed): void {
  for (const o of seed.organizations) {
    store.organizations.set(o.id, {
      roles: o.roles.map((slug) => environmentRole(slug, o.created_at)),
      connectionIds: o.sso_connection_ids,
      wire: {
        object: 'organization',
        id: o.id,
        name: o.name,
        domains: o.domains.map((domain) => ({
          object: 'organization_domain',
          id: newId('org_domain', Date.parse(o.created_at)),
          organization_id: o.id,
          domain,
          state: 'verified',
          verification_strategy: 'manual',
          created_at: o.created_at,
          updated_at: o.created_at,
        })),
        metadata: {},
        external_id: null,
        created_at: o.created_at,
        updated_at: o.created_at,
      },
    });
  }
  for (const u of seed.users) {
    const passwordHash = u.password_hash ?? (u.password ? hashPasswordSync(u.password) : null);
    const step = u.next_step;
    store.users.set(u.id, {
      passwordHash,
      requireEmailVerification: step === 'email_verification_required',
      mfaRequired: step === 'mfa_enrollment' || step === 'mfa_challenge',
      forceOrganizationSelection: step === 'organization_selection_required',
      explicitSsoConnectionIds: step === 'sso_required' ? (u.sso_connection_ids ?? [newId('conn')]) : null,
      wire: {
        object: 'user',
        id: u.id,
        first_name: u.first_name,
        last_name: u.last_name,
        profile_picture_url: null,
        email: u.email.toLowerCase(),
        email_verified: u.email_verified,
        external_id: null,
        metadata: {},
        last_sign_in_at: null,
        locale: null,
        created_at: u.created_at,
        updated_at: u.created_at,
      },
    });
  }
  for (const m of seed.memberships) store.memberships.set(m.id, { ...m, updated_at: m.created_at });
  for (const u of seed.users) {
    const factors = u.auth_factors ?? [];
    // `next_step: mfa_challenge` without factors gets one, with a secret nobody knows.
    if (u.next_step === 'mfa_challenge' && factors.length === 0)
      factors.push({ id: newId('auth_factor'), type: 'totp', secret: newTotpSecret() });
    for (const f of factors) {
      const totp = f.type === 'totp';
      addFactor(
        store,
        {
          id: f.id,
          user_id: u.id,
          type: f.type,
          secret: totp ? f.secret : null,
          issuer: DEFAULT_TOTP_ISSUER,
          account: u.email.toLowerCase(),
          phone_number: totp ? null : f.phone_number,
        },
        u.created_at,
      );
    }
  }
  for (const i of seed.invitations) {
    const email = i.email.toLowerCase();
    store.invitations.set(i.id, {
      ...i,
      email,
      accepted_at: null,
      revoked_at: null,
      accepted_user_id: null,
      updated_at: i.created_at,
    });
    if (i.state === 'pending') store.outbox.email('invitation', email, { token: i.token }, i.created_at);
  }
}
