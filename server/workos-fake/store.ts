import type { components } from '@workos/openapi-spec';
import type { AuthorizationCodeRecord, AuthorizationRequestRecord } from './authorize/records.ts';
import { newId, opaqueToken } from './ids.ts';
import type { InvitationRecord } from './invitations.ts';
import type { ChallengeRecord, FactorRecord } from './mfa/factors.ts';
import type { EmailVerificationRecord, MagicAuthRecord } from './one-time-codes.ts';
import { Outbox } from './outbox.ts';
import type { PasswordResetRecord } from './password-reset.ts';
import type { NextStep, ParsedSeed } from './seed.ts';
import { loadSeedInto } from './store-seed.ts';

export type UserWire = components['schemas']['UserlandUser'];
export type OrganizationWire = components['schemas']['Organization'];
export type RoleWire = components['schemas']['Role'];
export type MembershipStatus = 'active' | 'inactive' | 'pending';

/**
 * A user and what decides its multi-step answers (flow.ts): WorkOS derives them from its
 * environment settings; the fake from these flags, set by the seed or the API.
 */
export interface UserRecord {
  wire: UserWire;
  passwordHash: string | null;
  /** Answer `email_verification_required` until the email is verified (API-created users, `next_step`). */
  requireEmailVerification: boolean;
  /** Answer `mfa_enrollment` while the user has no factor (`next_step: mfa_enrollment`). */
  mfaRequired: boolean;
  /** Answer `organization_selection_required` even with fewer than two memberships (`next_step`). */
  forceOrganizationSelection: boolean;
  /** `next_step: sso_required`: these connections, whatever the email's domain. */
  explicitSsoConnectionIds: string[] | null;
}

export interface OrganizationRecord {
  wire: OrganizationWire;
  /** In priority order, as `GET /authorization/organizations/{id}/roles` lists them. */
  roles: RoleWire[];
  /** SSO connections; users of the organization's domains must sign in through them. */
  connectionIds: string[];
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
  /** A WorkOS dashboard impersonation (`Impersonation`), else null. */
  impersonator: { email: string; reason: string | null } | null;
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
  /** The first factor's method, reported when the sign-in completes. */
  method: string;
  organization_ids: string[];
  /** The code sent with `email_verification_required`. */
  email_verification_id: string | null;
  ip_address: string | null;
  user_agent: string | null;
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
  readonly auditEvents: AuditEventRecord[] = [];
  readonly magicAuths = new Map<string, MagicAuthRecord>();
  readonly emailVerifications = new Map<string, EmailVerificationRecord>();
  readonly passwordResets = new Map<string, PasswordResetRecord>();
  readonly invitations = new Map<string, InvitationRecord>();
  readonly factors = new Map<string, FactorRecord>();
  readonly challenges = new Map<string, ChallengeRecord>();
  readonly authorizationRequests = new Map<string, AuthorizationRequestRecord>();
  readonly authorizationCodes = new Map<string, AuthorizationCodeRecord>();
  readonly outbox = new Outbox();

  constructor(seed: ParsedSeed) {
    loadSeedInto(this, seed);
  }

  /** A user created through the API (or by a redeemed magic code / accepted invitation). */
  createUser(input: {
    id?: string;
    email: string;
    firstName?: string | null;
    lastName?: string | null;
    emailVerified: boolean;
    passwordHash: string | null;
  }): UserRecord {
    const at = new Date().toISOString();
    const user: UserRecord = {
      passwordHash: input.passwordHash,
      requireEmailVerification: !input.emailVerified,
      mfaRequired: false,
      forceOrganizationSelection: false,
      explicitSsoConnectionIds: null,
      wire: {
        object: 'user',
        id: input.id ?? newId('user'),
        first_name: input.firstName ?? null,
        last_name: input.lastName ?? null,
        profile_picture_url: null,
        email: input.email.trim().toLowerCase(),
        email_verified: input.emailVerified,
        external_id: null,
        metadata: {},
        last_sign_in_at: null,
        locale: null,
        created_at: at,
        updated_at: at,
      },
    };
    this.users.set(user.wire.id, user);
    return user;
  }

  markEmailVerified(user: UserRecord): void {
    user.requireEmailVerification = false;
    if (!user.wire.email_verified)
      user.wire = { ...user.wire, email_verified: true, updated_at: new Date().toISOString() };
  }

  /** The SSO connections the user must use: explicit, or those of an organization owning the email's domain. */
  ssoConnectionsFor(user: UserRecord): string[] {
    if (user.explicitSsoConnectionIds) return user.explicitSsoConnectionIds;
    const domain = user.wire.email.split('@')[1] ?? '';
    const organization = this.organizationForDomain(domain);
    return organization?.connectionIds ?? [];
  }

  organizationForDomain(domain: string): OrganizationRecord | undefined {
    const wanted = domain.toLowerCase();
    for (const o of this.organizations.values())
      if (o.connectionIds.length > 0 && o.wire.domains.some((d) => d.domain === wanted)) return o;
    return undefined;
  }

  organizationForConnection(connectionId: string): OrganizationRecord | undefined {
    for (const o of this.organizations.values()) if (o.connectionIds.includes(connectionId)) return o;
    return undefined;
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
    input: Pick<SessionRecord, 'user_id' | 'organization_id' | 'authentication_method' | 'ip_address' | 'user_agent'> &
      Partial<Pick<SessionRecord, 'impersonator'>>,
  ): SessionRecord {
    const session: SessionRecord = {
      impersonator: null,
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

  /** Ends every active session of a user (a password reset does, as at WorkOS). */
  revokeSessionsOf(userId: string): void {
    for (const s of this.sessions.values()) if (s.user_id === userId) this.revokeSession(s.id);
  }

  createPendingAuthentication(
    input: Omit<PendingAuthentication, 'token' | 'created_at' | 'expires_at'>,
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

  /**
   * What every pending-token grant starts from: the live pending authentication at one of `steps`
   * and its user, or undefined (the grant answers `invalid_grant`).
   */
  pendingUser(
    token: string,
    steps: readonly NextStep[],
  ): { pending: PendingAuthentication; user: UserRecord } | undefined {
    const pending = this.pendingAt(token, steps);
    const user = pending && this.users.get(pending.user_id);
    return pending && user ? { pending, user } : undefined;
  }

  /** A live pending authentication at one of `steps`, or undefined (unknown, expired or another step). */
  pendingAt(token: string, steps: readonly NextStep[]): PendingAuthentication | undefined {
    const pending = this.pending.get(token);
    if (!pending || !steps.includes(pending.step)) return undefined;
    if (Date.parse(pending.expires_at) < Date.now()) {
      this.pending.delete(token);
      return undefined;
    }
    return pending;
  }
}
