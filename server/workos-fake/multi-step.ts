import type { operations } from '@workos/openapi-spec';
import { newId } from './ids.ts';
import type { NextStep } from './seed.ts';
import type { FakeStore, UserRecord } from './store.ts';

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
        authentication_factors: { id: string; type: 'totp' }[];
        user: UserWire;
      };
    }
  | {
      status: 403;
      body: ForbiddenCode<'organization_selection_required'> & {
        pending_authentication_token: string;
        organizations: { id: string; name: string }[];
        user: UserWire;
      };
    }
  | {
      status: 400;
      body: Extract<BadRequest, { error: 'sso_required' }> & { pending_authentication_token: string };
    };

type Builder = (store: FakeStore, user: UserRecord) => MultiStepAnswer;

function pending(store: FakeStore, user: UserRecord, step: NextStep, organizationIds: string[] = []): string {
  return store.createPendingAuthentication({ user_id: user.wire.id, step, organization_ids: organizationIds }).token;
}

/** One builder per step: a new step is one more entry here and one more seed value. */
export const MULTI_STEP_ANSWERS: Record<NextStep, Builder> = {
  email_verification_required: (store, user) => ({
    status: 403,
    body: {
      code: 'email_verification_required',
      message: 'Email ownership must be verified before authentication.',
      pending_authentication_token: pending(store, user, 'email_verification_required'),
      email: user.wire.email,
      email_verification_id: newId('email_verification'),
    },
  }),
  mfa_enrollment: (store, user) => ({
    status: 403,
    body: {
      code: 'mfa_enrollment',
      message: 'The user must enroll in MFA to finish authenticating.',
      pending_authentication_token: pending(store, user, 'mfa_enrollment'),
      user: user.wire,
    },
  }),
  mfa_challenge: (store, user) => ({
    status: 403,
    body: {
      code: 'mfa_challenge',
      message: 'The user must complete an MFA challenge to finish authenticating.',
      pending_authentication_token: pending(store, user, 'mfa_challenge'),
      authentication_factors: [{ id: newId('auth_factor', Date.parse(user.wire.created_at)), type: 'totp' }],
      user: user.wire,
    },
  }),
  organization_selection_required: (store, user) => {
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
        pending_authentication_token: pending(
          store,
          user,
          'organization_selection_required',
          organizations.map((o) => o.id),
        ),
        organizations,
        user: user.wire,
      },
    };
  },
  sso_required: (store, user) => ({
    status: 400,
    body: {
      error: 'sso_required',
      error_description: 'User must authenticate using one of the matching connections.',
      email: user.wire.email,
      connection_ids: user.ssoConnectionIds,
      pending_authentication_token: pending(store, user, 'sso_required'),
    },
  }),
};
