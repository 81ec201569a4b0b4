/**
 * WorkOS authorize URLs for social, SSO and hosted AuthKit sign-in, with PKCE (S256, verifier made
 * here) and an OAuth state bound to the browser: `<profile slug>:<sealed>`, sealed for purpose
 * `oauth_state` + profile, holding the hash of the browser's cookie, the verifier, the method and
 * the visitor's choices. WordPress reads the slug to load the profile; nothing else is readable.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type {
  AuthorizeTarget,
  ErrorOutcome,
  Method,
  OAuthProvider,
  Outcome,
  Passthrough,
  RequestContext,
  ResolvedProfile,
} from '../../protocol/messages.ts';
import { FlowTokenError } from '../seal.ts';
import { FLOW_TTL_MS, type StepContext } from './context.ts';
import { errorOutcome, FLOW_EXPIRED } from './outcomes.ts';

export const STATE_PURPOSE = 'oauth_state';

/** What the OAuth state seals. */
export interface OAuthState extends Passthrough {
  /** Hex SHA-256 of the browser's cookie (`RequestContext.browser`). */
  browser: string;
  code_verifier: string;
  /** The method to report when WorkOS names none we know (AuthKit: null, WorkOS always names it). */
  method: Method | null;
  invitation_token?: string;
}

const PROVIDERS: Record<OAuthProvider, string> = {
  google: 'GoogleOAuth',
  microsoft: 'MicrosoftOAuth',
  github: 'GitHubOAuth',
  apple: 'AppleOAuth',
};

const BROWSER_MISSING = errorOutcome('invalid_request', 400, 'The browser binding (context.browser) is missing.');

/** PKCE pair: 32 random bytes as the verifier, its S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** Where the target sends the browser; `organizationId` is resolved by the caller for `sso`. */
type Destination = { provider: string } | { connectionId: string } | { organizationId: string };

export function authorizeRedirect(
  ctx: StepContext,
  profile: ResolvedProfile,
  context: RequestContext,
  target: Exclude<AuthorizeTarget, { kind: 'sso' }> | { kind: 'sso_domain'; organization_id: string; email: string },
  choices: Passthrough,
  invitationToken?: string,
): Outcome {
  if (!/^[0-9a-f]{64}$/.test(context.browser)) return BROWSER_MISSING;
  let destination: Destination;
  let method: Method | null = 'sso';
  let extra: { screenHint?: 'sign-in' | 'sign-up'; loginHint?: string } = {};
  switch (target.kind) {
    case 'oauth':
      destination = { provider: PROVIDERS[target.provider] };
      method = `oauth_${target.provider}`;
      break;
    case 'sso_domain':
      destination = { organizationId: target.organization_id };
      extra = { loginHint: target.email };
      break;
    case 'sso_organization':
      if (!profile.organization_pinned || !profile.organization_id) {
        return errorOutcome('sso_unavailable', 400, 'This profile pins no organization.');
      }
      destination = { organizationId: profile.organization_id };
      break;
    case 'sso_connection':
      destination = { connectionId: target.connection_id };
      break;
    case 'authkit':
      destination = { provider: 'authkit' };
      method = null;
      if (target.screen_hint) extra = { screenHint: target.screen_hint };
      break;
  }
  const { verifier, challenge } = pkcePair();
  const sealed: OAuthState = {
    browser: context.browser,
    code_verifier: verifier,
    method,
    redirect_to: choices.redirect_to,
    remember: choices.remember,
    ...(invitationToken ? { invitation_token: invitationToken } : {}),
  };
  const state = `${profile.slug}:${ctx.sealer.seal(sealed, { purpose: STATE_PURPOSE, profile: profile.slug }, FLOW_TTL_MS)}`;
  const url = ctx.workos.userManagement.getAuthorizationUrl({
    clientId: ctx.clientId,
    redirectUri: context.redirect_uri,
    state,
    codeChallenge: challenge,
    codeChallengeMethod: 'S256',
    ...destination,
    ...extra,
    ...(invitationToken ? { invitationToken } : {}),
  });
  return { type: 'redirect', url };
}

/**
 * Opens an OAuth state for this profile and checks the browser presenting it is the one that
 * started: `flow_expired` for anything tampered, expired, foreign or unbound.
 */
export function openState(
  ctx: StepContext,
  profile: ResolvedProfile,
  state: string,
  browser: string,
): OAuthState | ErrorOutcome {
  const colon = state.indexOf(':');
  if (colon < 1 || state.slice(0, colon) !== profile.slug) return FLOW_EXPIRED;
  let sealed: OAuthState;
  try {
    sealed = ctx.sealer.unseal<OAuthState>(state.slice(colon + 1), {
      purpose: STATE_PURPOSE,
      profile: profile.slug,
    }).data;
  } catch (error) {
    if (!(error instanceof FlowTokenError)) throw error;
    ctx.log.info('oauth state refused', { reason: error.reason });
    return FLOW_EXPIRED;
  }
  if (!sameBrowser(sealed.browser, browser)) {
    ctx.log.info('oauth state refused', { reason: 'browser' });
    return { ...FLOW_EXPIRED, passthrough: { redirect_to: sealed.redirect_to, remember: sealed.remember } };
  }
  return sealed;
}

/** Constant-time comparison of two cookie hashes; an empty one never matches. */
export function sameBrowser(sealed: string, presented: string): boolean {
  const a = Buffer.from(sealed, 'utf8');
  const b = Buffer.from(presented, 'utf8');
  return a.length > 0 && a.length === b.length && timingSafeEqual(a, b);
}
