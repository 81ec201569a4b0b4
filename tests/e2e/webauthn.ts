/**
 * Chromium's virtual authenticator (DevTools protocol `WebAuthn` domain) for the passkey journeys.
 *
 * An authenticator belongs to one page (its CDP session): add it before the page calls WebAuthn.
 * A "fresh browser holding the credential" is a new context whose page gets its own authenticator
 * and a copy of the credential ({@link VirtualAuthenticator.add}). Credential ids from
 * `getCredentials` are standard base64 (padded); WordPress and the login server use base64url:
 * {@link base64url} converts.
 */
import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';
import type { Stack } from '../../scripts/stack.ts';

/** A credential as the DevTools protocol describes it (binary fields in standard base64). */
export interface VirtualCredential {
  credentialId: string;
  isResidentCredential: boolean;
  rpId?: string;
  privateKey: string;
  userHandle?: string;
  signCount: number;
  userName?: string;
  userDisplayName?: string;
  backupEligibility?: boolean;
  backupState?: boolean;
}

export interface AuthenticatorOptions {
  hasResidentKey?: boolean;
  hasUserVerification?: boolean;
  isUserVerified?: boolean;
  automaticPresenceSimulation?: boolean;
}

export interface VirtualAuthenticator {
  readonly id: string;
  readonly session: CDPSession;
  /** Every credential the authenticator holds now. */
  credentials(): Promise<VirtualCredential[]>;
  /** Puts a credential (e.g. one exported from another authenticator) into this one. */
  add(credential: VirtualCredential): Promise<void>;
  /** `false`: the "person" fails the fingerprint / PIN check, so every ceremony is refused. */
  setUserVerified(verified: boolean): Promise<void>;
  /** Removes every credential. */
  clear(): Promise<void>;
  /** Removes the authenticator from the page. */
  remove(): Promise<void>;
}

/**
 * Adds a platform authenticator (CTAP2, internal, resident keys, user verification that succeeds,
 * presence answered automatically) to `page`.
 */
export async function addVirtualAuthenticator(
  page: Page,
  options: AuthenticatorOptions = {},
): Promise<VirtualAuthenticator> {
  const session = await page.context().newCDPSession(page);
  await session.send('WebAuthn.enable', { enableUI: false });
  const { authenticatorId: id } = await session.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      ctap2Version: 'ctap2_1',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
      ...options,
    },
  });
  return {
    id,
    session,
    async credentials() {
      const { credentials } = await session.send('WebAuthn.getCredentials', { authenticatorId: id });
      return credentials;
    },
    async add(credential) {
      await session.send('WebAuthn.addCredential', { authenticatorId: id, credential });
    },
    async setUserVerified(isUserVerified) {
      await session.send('WebAuthn.setUserVerified', { authenticatorId: id, isUserVerified });
    },
    async clear() {
      await session.send('WebAuthn.clearCredentials', { authenticatorId: id });
    },
    async remove() {
      await session.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId: id });
    },
  };
}

/** Standard base64 (CDP) → base64url without padding (WebAuthn JSON, WordPress, the server). */
export const base64url = (base64: string): string => base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** A page in a new browser context (no cookies) whose authenticator holds `credentials`. */
export async function freshBrowserWith(
  browser: Browser,
  stack: Stack,
  credentials: VirtualCredential[],
  options: { bypassCSP?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; authenticator: VirtualAuthenticator }> {
  const context = await browser.newContext({ baseURL: stack.wordpressUrl, ...options });
  const page = await context.newPage();
  const authenticator = await addVirtualAuthenticator(page);
  for (const credential of credentials) await authenticator.add(credential);
  return { context, page, authenticator };
}

/** The only credential of `authenticator` (fails the test when there is none or several). */
export async function onlyCredential(authenticator: VirtualAuthenticator): Promise<VirtualCredential> {
  const credentials = await authenticator.credentials();
  if (credentials.length !== 1) throw new Error(`expected one credential, found ${credentials.length}`);
  return credentials[0];
}
