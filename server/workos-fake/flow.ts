import type { ImpersonatorRecord } from './authorize/records.ts';
import type { FakeContext } from './context.ts';
import type { GrantResult } from './grants/grant.ts';
import { factorsOf } from './mfa/factors.ts';
import { MULTI_STEP_ANSWERS, type MultiStepAnswer, type PendingBase } from './multi-step.ts';
import { completeSignIn, type AuthenticateResponse } from './sign-in.ts';
import type { UserRecord } from './store.ts';

/**
 * What happens after a first factor succeeded, for every grant: the checks WorkOS makes, in
 * order, each answering a multi-step error with a pending token, or tokens when none applies.
 * A grant that redeems a pending token continues after that token's stage.
 */
export type Stage = 'sso' | 'email_verification' | 'mfa' | 'organization';
const STAGES: readonly Stage[] = ['sso', 'email_verification', 'mfa', 'organization'];

export type Method = NonNullable<AuthenticateResponse['authentication_method']>;

/**
 * SSO skips every check (the identity provider did them; MFA does not apply to SSO users).
 * A magic code proves the email; OAuth providers vouch for it and do not take SSO's place.
 */
function stagesFor(method: Method): readonly Stage[] {
  // An impersonation starts in WorkOS's dashboard, which picks the organization itself.
  if (method === 'SSO' || method === 'Impersonation') return [];
  if (method === 'Password') return STAGES;
  if (method === 'MagicAuth') return ['sso', 'mfa', 'organization'];
  return ['mfa', 'organization'];
}

export interface SignInProgress {
  user: UserRecord;
  method: Method;
  /** Base URL the client called (for the token's default `iss`). */
  origin: string;
  ipAddress: string | null;
  userAgent: string | null;
  /** The stage a redeemed pending token stood at. */
  after?: Stage;
  /** Chosen already (SSO, organization selection): no selection step. */
  organizationId?: string;
  /** A WorkOS dashboard impersonation (`Impersonation` only). */
  impersonator?: ImpersonatorRecord | null;
}

function stageAnswer(fake: FakeContext, stage: Stage, p: SignInProgress, base: PendingBase): MultiStepAnswer | null {
  const { store } = fake;
  const { user } = p;
  switch (stage) {
    case 'sso':
      return store.ssoConnectionsFor(user).length > 0 ? MULTI_STEP_ANSWERS.sso_required(store, user, base) : null;
    case 'email_verification':
      return user.requireEmailVerification ? MULTI_STEP_ANSWERS.email_verification_required(store, user, base) : null;
    case 'mfa':
      if (factorsOf(store, user.wire.id).length > 0) return MULTI_STEP_ANSWERS.mfa_challenge(store, user, base);
      return user.mfaRequired ? MULTI_STEP_ANSWERS.mfa_enrollment(store, user, base) : null;
    case 'organization': {
      if (p.organizationId) return null;
      const active = store.membershipsOf({ userId: user.wire.id, statuses: ['active'] });
      const choose = active.length > 1 || (user.forceOrganizationSelection && active.length > 0);
      return choose ? MULTI_STEP_ANSWERS.organization_selection_required(store, user, base) : null;
    }
  }
}

export async function proceed(fake: FakeContext, p: SignInProgress): Promise<GrantResult> {
  const base: PendingBase = { method: p.method, ip_address: p.ipAddress, user_agent: p.userAgent };
  const applicable = stagesFor(p.method);
  const start = p.after ? STAGES.indexOf(p.after) + 1 : 0;
  for (const stage of STAGES.slice(start)) {
    if (!applicable.includes(stage)) continue;
    const answer = stageAnswer(fake, stage, p, base);
    if (answer) return answer;
  }
  const body = await completeSignIn(fake, {
    user: p.user,
    method: p.method,
    origin: p.origin,
    ipAddress: p.ipAddress,
    userAgent: p.userAgent,
    ...(p.organizationId ? { organizationId: p.organizationId } : {}),
    ...(p.impersonator ? { impersonator: p.impersonator } : {}),
  });
  return { status: 200, body };
}
