import type { components } from '@workos/openapi-spec';
import { newId, opaqueToken } from './ids.ts';
import { hashPasswordSync } from './passwords.ts';
import type { NextStep, ParsedSeed } from './seed.ts';

export type UserWire = components['schemas']['UserlandUser'];
export type OrganizationWire = components['schemas']['Organization'];
export type RoleWire = components['schemas']['Role'];
export type MembershipStatus = 'active' | 'inactive' | 'pending';

export interface UserRecord {
  wire: UserWire;
  passwordHash: string | null;
  nextStep?: NextStep;
  ssoConnectionIds: string[];
}

export interface OrganizationRecord {
  wire: OrganizationWire;
  /** In priority order, as `GET /authorization/organizations/{id}/roles` lists them. */
  roles: RoleWire[];
}

export interface MembershipRecord {
  id: string;
  user_id: string;
  organization_id: string;
  role: string;
  status: MembershipStatus;
  created_at: string;
  updated_at: string;
}

export interface SessionRecord {
  id: string;
  user_id: string;
  organization_id: string | null;
  status: 'active' | 'revoked';
  authentication_method: string;
  refresh_token: string;
  ip_address: string | null;
  user_agent: string | null;
  created_at: string;
  ended_at: string | null;
}

/** One `POST /audit_logs/events` the fake accepted, as sent (for `GET /_fake/audit-events`). */
export interface AuditEventRecord {
  organization_id: string;
  idempotency_key: string | null;
  event: Record<string, unknown>;
}

/** What a multi-step answer promised; a later grant (e.g. organization-selection) redeems it. */
export interface PendingAuthentication {
  token: string;
  user_id: string;
  step: NextStep;
  organization_ids: string[];
  created_at: string;
  expires_at: string;
}

const PENDING_TTL_MS = 10 * 60 * 1000;

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
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
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

/** Everything the fake knows, in memory; a restart goes back to the seed. */
export class FakeStore {
  readonly users = new Map<string, UserRecord>();
  readonly organizations = new Map<string, OrganizationRecord>();
  readonly memberships = new Map<string, MembershipRecord>();
  readonly sessions = new Map<string, SessionRecord>();
  readonly pending = new Map<string, PendingAuthentication>();
  readonly auditEvents: AuditEventRecord[] = [];

  constructor(seed: ParsedSeed) {
    for (const o of seed.organizations) {
      this.organizations.set(o.id, {
        roles: o.roles.map((slug) => environmentRole(slug, o.created_at)),
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
      this.users.set(u.id, {
        passwordHash,
        ...(u.next_step ? { nextStep: u.next_step } : {}),
        ssoConnectionIds: u.sso_connection_ids ?? [newId('conn')],
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
    for (const m of seed.memberships) this.memberships.set(m.id, { ...m, updated_at: m.created_at });
  }

  /** Idempotent like WorkOS: a repeated `Idempotency-Key` records nothing new. */
  recordAuditEvent(record: AuditEventRecord): void {
    const key = record.idempotency_key;
    if (key !== null && this.auditEvents.some((e) => e.idempotency_key === key)) return;
    this.auditEvents.push(record);
  }

  findUserByEmail(email: string): UserRecord | undefined {
    const wanted = email.trim().toLowerCase();
    for (const user of this.users.values()) if (user.wire.email === wanted) return user;
    return undefined;
  }

  membershipsOf(filter: {
    userId?: string;
    organizationId?: string;
    statuses?: readonly MembershipStatus[];
  }): MembershipRecord[] {
    return [...this.memberships.values()].filter(
      (m) =>
        (!filter.userId || m.user_id === filter.userId) &&
        (!filter.organizationId || m.organization_id === filter.organizationId) &&
        (!filter.statuses || filter.statuses.includes(m.status)),
    );
  }

  recordSignIn(userId: string, at: string): void {
    const user = this.users.get(userId);
    if (user) user.wire = { ...user.wire, last_sign_in_at: at, updated_at: at };
  }

  createSession(
    input: Pick<SessionRecord, 'user_id' | 'organization_id' | 'authentication_method' | 'ip_address' | 'user_agent'>,
  ): SessionRecord {
    const session: SessionRecord = {
      ...input,
      id: newId('session'),
      status: 'active',
      refresh_token: opaqueToken(),
      created_at: new Date().toISOString(),
      ended_at: null,
    };
    this.sessions.set(session.id, session);
    return session;
  }

  /** Idempotent: revoking an ended session changes nothing. False when unknown. */
  revokeSession(id: string): boolean {
    const session = this.sessions.get(id);
    if (!session) return false;
    if (session.status === 'active') {
      session.status = 'revoked';
      session.ended_at = new Date().toISOString();
    }
    return true;
  }

  createPendingAuthentication(
    input: Pick<PendingAuthentication, 'user_id' | 'step' | 'organization_ids'>,
  ): PendingAuthentication {
    const now = Date.now();
    const pending: PendingAuthentication = {
      ...input,
      token: opaqueToken(),
      created_at: new Date(now).toISOString(),
      expires_at: new Date(now + PENDING_TTL_MS).toISOString(),
    };
    this.pending.set(pending.token, pending);
    return pending;
  }
}
