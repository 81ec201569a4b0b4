import type { components } from '@workos/openapi-spec';
import { newId, opaqueToken } from './ids.ts';
import { hashPasswordSync } from './passwords.ts';
import type { NextStep, ParsedSeed } from './seed.ts';

export type UserWire = components['schemas']['UserlandUser'];
export type OrganizationWire = components['schemas']['Organization'];
export type MembershipStatus = 'active' | 'inactive' | 'pending';

export interface UserRecord {
  wire: UserWire;
  passwordHash: string | null;
  nextStep?: NextStep;
  ssoConnectionIds: string[];
}

export interface OrganizationRecord {
  wire: OrganizationWire;
  roles: string[];
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

/** Everything the fake knows, in memory; a restart goes back to the seed. */
export class FakeStore {
  readonly users = new Map<string, UserRecord>();
  readonly organizations = new Map<string, OrganizationRecord>();
  readonly memberships = new Map<string, MembershipRecord>();
  readonly sessions = new Map<string, SessionRecord>();
  readonly pending = new Map<string, PendingAuthentication>();

  constructor(seed: ParsedSeed) {
    for (const o of seed.organizations) {
      this.organizations.set(o.id, {
        roles: o.roles,
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
