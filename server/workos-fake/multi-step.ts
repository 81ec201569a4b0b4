import type { operations } from '@workos/openapi-spec';
import { factorsOf } from './mfa/factors.ts';
import { createEmailVerification } from './one-time-codes.ts';
import type { NextStep } from './seed.ts';
import type { FakeStore, PendingAuthentication, UserRecord } from './store.ts';

type Responses = operations['UserlandSessionsController_authenticate']['responses'];
type Forbidden = Responses[403]['content']['application/json'];
type BadRequest = Responses[400]['content']['application/json'];
type ForbiddenCode<C extends string> = Extract<Forbidden, { code: C }>;
type UserWire = UserRecord['wire'];

/**
 * Multi-step answers of POST /user_management/authenticate. The spec lists their
 * `code`/`message` (403) or `error`/`error_description` (400, `sso_required`);
 * the extra fields and messages follow WorkOS's "Authentication errors" reference.
 * Each carries a pending authentication token the client redeems with a later grant.
 */
export type MultiStepAnswer =
  | {
      status: 403;
      body: ForbiddenCode<'email_verification_required'> & {
        pending_authentication_token: string;
        email: string;
        email_verification_id: string;
      };
    }
  | { status: 403; body: ForbiddenCode<'mfa_enrollment'> & { pending_authentication_token: string; user: UserWire } }
  | {
      status: 403;
      body: ForbiddenCode<'mfa_challenge'> & {
        pending_authentication_token: string;
        authentication_factors: Array<{ id: string; type: 'totp' | 'sms' }>;
        user: UserWire;
      };
    }
  | {
      status: 403;
      body: ForbiddenCode<'organization_selection_required'> & {
        pending_authentication_token: string;
        organizations: Array<{ id: string; name: string }>;
        user: UserWire;
      };
    }
  | {
      status: 400;
      body: Extract<BadRequest, { error: 'sso_required' }> & { pending_authentication_token: string };
    };

/** What the pending token remembers of the sign-in so far (the first factor's method, client details). */
export type PendingBase = Pick<PendingAuthentication, 'method' | 'ip_address' | 'user_agent'>;

type Builder = (store: FakeStore, user: UserRecord, base: PendingBase) => MultiStepAnswer;

function pending(
  store: FakeStore,
  user: UserRecord,
  base: PendingBase,
  step: NextStep,
  extra: Partial<Pick<PendingAuthentication, 'organization_ids' | 'email_verification_id'>> = {},
): string {
  return store.createPendingAuthentication({
    ...base,
    user_id: user.wire.id,
    step,
    organization_ids: extra.organization_ids ?? [],
    email_verification_id: extra.email_verification_id ?? null,
  }).token;
}

/** One builder per step; flow.ts decides which applies. */
export const MULTI_STEP_ANSWERS: Record<NextStep, Builder> = {
  email_verification_required: (store, user, base) => {
    // WorkOS emails a code with this answer; the grant email-verification:code redeems it.
    const verification = createEmailVerification(store, user);
    return {
      status: 403,
      body: {
        code: 'email_verification_required',
        message: 'Email ownership must be verified before authentication.',
        pending_authentication_token: pending(store, user, base, 'email_verification_required', {
          email_verification_id: verification.id,
        }),
        email: user.wire.email,
        email_verification_id: verification.id,
      },
    };
  },
  mfa_enrollment: (store, user, base) => ({
    status: 403,
    body: {
      code: 'mfa_enrollment',
      message: 'The user must enroll in MFA to finish authenticating.',
      pending_authentication_token: pending(store, user, base, 'mfa_enrollment'),
      user: user.wire,
    },
  }),
  mfa_challenge: (store, user, base) => ({
    status: 403,
    body: {
      code: 'mfa_challenge',
      message: 'The user must complete an MFA challenge to finish authenticating.',
      pending_authentication_token: pending(store, user, base, 'mfa_challenge'),
      authentication_factors: factorsOf(store, user.wire.id).map(({ id, type }) => ({ id, type })),
      user: user.wire,
    },
  }),
  organization_selection_required: (store, user, base) => {
    const organizations = store
      .membershipsOf({ userId: user.wire.id, statuses: ['active'] })
      .map((m) => store.organizations.get(m.organization_id))
      .filter((o) => o !== undefined)
      .map((o) => ({ id: o.wire.id, name: o.wire.name }));
    return {
      status: 403,
      body: {
        code: 'organization_selection_required',
        message: 'The user must choose an organization to finish their authentication.',
        pending_authentication_token: pending(store, user, base, 'organization_selection_required', {
          organization_ids: organizations.map((o) => o.id),
        }),
        organizations,
        user: user.wire,
      },
    };
  },
  sso_required: (store, user, base) => ({
    status: 400,
    body: {
      error: 'sso_required',
      error_description: 'User must authenticate using one of the matching connections.',
      email: user.wire.email,
      connection_ids: store.ssoConnectionsFor(user),
      pending_authentication_token: pending(store, user, base, 'sso_required'),
    },
  }),
};
