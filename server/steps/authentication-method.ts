/**
 * WorkOS's `authentication_method` (the enum of `UserlandAuthenticateResponse` in WorkOS's OpenAPI
 * document) → the method both sides name (`IdentityMethod`), and the impersonator WorkOS reports.
 * A value the document does not list is `unknown` — never another method — with WorkOS's name kept
 * (stripped, bounded) for the audit log, and logged here. authentication-method.test.ts derives the
 * enum from the document itself, so a value WorkOS adds fails until it is mapped.
 */
import type { AuthenticationResponse } from '@workos-inc/node';
import { IDENTITY_LIMITS, type Identity, type IdentityMethod, type Impersonator } from '../../protocol/messages.ts';
import type { Logger } from '../log.ts';

export const METHOD_OF: Readonly<Record<string, IdentityMethod>> = {
  SSO: 'sso',
  Password: 'password',
  Passkey: 'passkey',
  AppleOAuth: 'oauth_apple',
  BitbucketOAuth: 'oauth_bitbucket',
  CrossAppAuth: 'cross_app',
  DiscordOAuth: 'oauth_discord',
  ExternalAuth: 'external',
  GitHubOAuth: 'oauth_github',
  GitLabOAuth: 'oauth_gitlab',
  GoogleOAuth: 'oauth_google',
  IntuitOAuth: 'oauth_intuit',
  LinkedInOAuth: 'oauth_linkedin',
  MicrosoftOAuth: 'oauth_microsoft',
  SalesforceOAuth: 'oauth_salesforce',
  SlackOAuth: 'oauth_slack',
  VercelMarketplaceOAuth: 'oauth_vercel_marketplace',
  VercelOAuth: 'oauth_vercel',
  XeroOAuth: 'oauth_xero',
  MagicAuth: 'magic_code',
  Impersonation: 'impersonation',
  MigratedSession: 'migrated_session',
};

/** The method fields of an identity: `method`, and `workos_method` when WorkOS's name is unknown here. */
export type MethodFields = Pick<Identity, 'method' | 'workos_method'>;

/**
 * The method WorkOS named, or `fallback` when it named none (the method the flow started with).
 * An unknown name is `unknown`, logged with its stripped name (never a secret: an enum value).
 */
export function methodFields(log: Logger, named: unknown, fallback: IdentityMethod): MethodFields {
  if (named === undefined || named === null) return { method: fallback };
  if (typeof named === 'string' && Object.hasOwn(METHOD_OF, named)) return { method: METHOD_OF[named] };
  const stripped = typeof named === 'string' ? named.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 64) : '';
  log.warn('WorkOS named an authentication method this version does not know; recorded as unknown', {
    authentication_method: stripped,
  });
  return stripped !== '' ? { method: 'unknown', workos_method: stripped } : { method: 'unknown' };
}

/** Control characters out, at most `max` characters (whole code points). */
function clean(value: string, max: number): string {
  return Array.from(value.replace(/\p{Cc}/gu, ''))
    .slice(0, max)
    .join('');
}

/**
 * The impersonator of a grant, bounded for the contract. Whatever its shape, an `impersonator`
 * WorkOS sent is never dropped: login completion must see that this was an impersonation.
 */
export function impersonatorOf(auth: Pick<AuthenticationResponse, 'impersonator'>): Impersonator | null {
  const raw: unknown = auth.impersonator;
  if (raw === undefined || raw === null) return null;
  const { email, reason } = (typeof raw === 'object' ? raw : {}) as { email?: unknown; reason?: unknown };
  const cleanReason = typeof reason === 'string' ? clean(reason, IDENTITY_LIMITS.impersonatorReasonMax) : '';
  return {
    email: typeof email === 'string' ? clean(email, IDENTITY_LIMITS.impersonatorEmailMax) : '',
    reason: cleanReason !== '' ? cleanReason : null,
  };
}
