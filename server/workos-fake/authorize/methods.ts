import type { AuthenticateResponse } from '../sign-in.ts';
import type { ImpersonatorRecord } from './records.ts';

type SpecMethod = NonNullable<AuthenticateResponse['authentication_method']>;

/** Every `authentication_method` of the spec, in its order (tsc fails when the spec adds one). */
export const SPEC_METHODS = [
  'SSO',
  'Password',
  'Passkey',
  'AppleOAuth',
  'BitbucketOAuth',
  'CrossAppAuth',
  'DiscordOAuth',
  'ExternalAuth',
  'GitHubOAuth',
  'GitLabOAuth',
  'GoogleOAuth',
  'IntuitOAuth',
  'LinkedInOAuth',
  'MicrosoftOAuth',
  'SalesforceOAuth',
  'SlackOAuth',
  'VercelMarketplaceOAuth',
  'VercelOAuth',
  'XeroOAuth',
  'MagicAuth',
  'Impersonation',
  'MigratedSession',
] as const satisfies readonly SpecMethod[];
const everyOne: Exclude<SpecMethod, (typeof SPEC_METHODS)[number]> extends never ? true : never = true;
void everyOne;

/** A name WorkOS might send: the spec's, or one it does not list yet (sent as is, on purpose). */
const NAME = /^[A-Za-z][A-Za-z0-9]{0,63}$/;
const EMAIL = /^[^\s@<>]{1,64}@[^\s@<>]{1,189}$/;

export type HostedChoice = { method: string; impersonator: ImpersonatorRecord | null } | { error: string };

/**
 * What AuthKit's page says about how the visitor signed in: `authentication_method` (default:
 * the request's), and a WorkOS dashboard impersonation (`impersonator_email`, `impersonator_reason`),
 * which only goes with `Impersonation` — as at WorkOS, where the dashboard starts those.
 */
export function hostedChoice(form: Record<string, unknown>, fallback: string): HostedChoice {
  const text = (name: string) => (typeof form[name] === 'string' ? form[name].trim() : '');
  const email = text('impersonator_email');
  const method = text('authentication_method') || (email ? 'Impersonation' : fallback);
  if (!NAME.test(method)) return { error: 'authentication_method must be a name such as LinkedInOAuth.' };
  if ((method === 'Impersonation') !== (email !== '')) {
    return { error: 'An impersonation needs the impersonator’s email, and only an impersonation has one.' };
  }
  if (email && !EMAIL.test(email)) return { error: 'impersonator_email must be an email address.' };
  const reason = text('impersonator_reason').slice(0, 1000);
  return { method, impersonator: email ? { email, reason: reason || null } : null };
}
