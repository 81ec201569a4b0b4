import type { components } from '@workos/openapi-spec';
import { oauthError, type OAuthError } from './errors.ts';
import { newId } from './ids.ts';
import type { FakeStore, UserRecord } from './store.ts';

export type InvitationWire = components['schemas']['UserlandUserInvite'];
type State = InvitationWire['state'];

export interface InvitationRecord {
  id: string;
  email: string;
  organization_id: string;
  role_slug: string;
  token: string;
  /** Stored state; `expired` is computed from `expires_at` when read. */
  state: Exclude<State, 'expired'>;
  accepted_at: string | null;
  revoked_at: string | null;
  accepted_user_id: string | null;
  created_at: string;
  updated_at: string;
  expires_at: string;
}

export function invitationState(i: InvitationRecord, now = Date.now()): State {
  return i.state === 'pending' && Date.parse(i.expires_at) < now ? 'expired' : i.state;
}

export function invitationWire(i: InvitationRecord, origin: string): InvitationWire {
  return {
    object: 'invitation',
    id: i.id,
    email: i.email,
    state: invitationState(i),
    accepted_at: i.accepted_at,
    revoked_at: i.revoked_at,
    expires_at: i.expires_at,
    organization_id: i.organization_id,
    inviter_user_id: null,
    accepted_user_id: i.accepted_user_id,
    role_slug: i.role_slug,
    created_at: i.created_at,
    updated_at: i.updated_at,
    token: i.token,
    accept_invitation_url: `${origin}/invite?invitation_token=${encodeURIComponent(i.token)}`,
  };
}

export function findInvitationByToken(store: FakeStore, token: string): InvitationRecord | undefined {
  for (const i of store.invitations.values()) if (i.token === token) return i;
  return undefined;
}

/**
 * An `invitation_token` given to an authenticate grant or to createMagicAuth: a pending invitation
 * for this email, or WorkOS's 400 (`invitation_invalid`, `invitation_cannot_be_used_for_email`).
 */
export function checkInvitation(
  store: FakeStore,
  token: string,
  email: string,
): { ok: true; invitation: InvitationRecord } | { ok: false; body: OAuthError } {
  const invitation = findInvitationByToken(store, token);
  if (!invitation || invitationState(invitation) !== 'pending') {
    return { ok: false, body: oauthError('invitation_invalid', 'The invitation is invalid, expired or already used.') };
  }
  if (invitation.email !== email.trim().toLowerCase()) {
    return {
      ok: false,
      body: oauthError('invitation_cannot_be_used_for_email', 'The invitation was sent to another email address.'),
    };
  }
  return { ok: true, invitation };
}

/**
 * Accepting joins the organization with the invited role (or reactivates a membership) and, since
 * the invitation reached the inbox, verifies the email.
 */
export function acceptInvitation(store: FakeStore, invitation: InvitationRecord, user: UserRecord): void {
  const at = new Date().toISOString();
  const existing = store.membershipsOf({ userId: user.wire.id, organizationId: invitation.organization_id })[0];
  if (existing) Object.assign(existing, { status: 'active', role: invitation.role_slug, updated_at: at });
  else {
    const id = newId('om');
    store.memberships.set(id, {
      id,
      user_id: user.wire.id,
      organization_id: invitation.organization_id,
      role: invitation.role_slug,
      status: 'active',
      created_at: at,
      updated_at: at,
    });
  }
  Object.assign(invitation, { state: 'accepted', accepted_at: at, accepted_user_id: user.wire.id, updated_at: at });
  store.markEmailVerified(user);
}
