import type { components } from '@workos/openapi-spec';
import type { ImpersonatorRecord } from './authorize/records.ts';
import type { FakeContext } from './context.ts';
import type { UserRecord } from './store.ts';
import { signAccessToken } from './tokens.ts';

export type AuthenticateResponse = components['schemas']['UserlandAuthenticateResponse'];
type Method = NonNullable<AuthenticateResponse['authentication_method']>;

export interface SignInInput {
  user: UserRecord;
  method: Method;
  /** Base URL the client called, for the default `iss`. */
  origin: string;
  /** Chosen by a later step (organization selection); otherwise derived below. */
  organizationId?: string;
  ipAddress: string | null;
  userAgent: string | null;
  /** A WorkOS dashboard impersonation: reported on the session and in the answer. */
  impersonator?: ImpersonatorRecord;
}

/**
 * The end of every successful grant: a new session (its id is the token's `sid`),
 * an RS256 access token and a refresh token. With exactly one active membership
 * WorkOS scopes the session to that organization; so does the fake.
 */
export async function completeSignIn(fake: FakeContext, input: SignInInput): Promise<AuthenticateResponse> {
  const { store } = fake;
  const userId = input.user.wire.id;
  const active = store.membershipsOf({ userId, statuses: ['active'] });
  const organizationId = input.organizationId ?? (active.length === 1 ? active[0].organization_id : undefined);
  const membership = active.find((m) => m.organization_id === organizationId);

  const session = store.createSession({
    user_id: userId,
    organization_id: organizationId ?? null,
    authentication_method: input.method,
    ip_address: input.ipAddress,
    user_agent: input.userAgent,
    impersonator: input.impersonator ?? null,
  });
  store.recordSignIn(userId, session.created_at);

  const accessToken = await signAccessToken(fake.key, {
    issuer: fake.issuer ?? `${input.origin}/user_management/${fake.clientId}`,
    userId,
    sessionId: session.id,
    ...(organizationId ? { organizationId } : {}),
    ...(membership ? { role: membership.role } : {}),
  });
  const user = store.users.get(userId)!.wire;
  return {
    user,
    ...(organizationId ? { organization_id: organizationId } : {}),
    access_token: accessToken,
    refresh_token: session.refresh_token,
    authentication_method: input.method,
    ...(input.impersonator ? { impersonator: input.impersonator } : {}),
  };
}
