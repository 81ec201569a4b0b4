import type { Hono } from 'hono';
import { z } from 'zod';
import { opaqueToken } from '../ids.ts';
import type { FakeStore } from '../store.ts';
import { AUTHORIZATION_TTL_MS } from './records.ts';
import { httpUrl, redirectWith } from './route.ts';

export const IMPERSONATE_PATH = '/_fake/impersonate';

const body = z.strictObject({
  user_id: z.string().min(1),
  impersonator_email: z.email(),
  reason: z.string().min(1).max(500).nullable().optional(),
  /** The application's redirect URI (WorkOS uses the one configured in its dashboard). */
  redirect_uri: z.string(),
});

/**
 * A WorkOS dashboard impersonation, started the way WorkOS starts it (not a WorkOS endpoint): a
 * team member picks a user in the dashboard and WorkOS sends their browser to the application's
 * redirect URI with a code and no `state` (the application started nothing). The code carries no
 * PKCE challenge, so only a confidential client (client_secret) redeems it, and its authenticate
 * answer says `authentication_method: "Impersonation"` with the `impersonator`.
 *
 * `POST /_fake/impersonate { user_id, impersonator_email, reason?, redirect_uri }` → `{ url }`
 * (422 `{ message }` for a bad body or an unknown user).
 */
export function mountImpersonate(app: Hono, store: FakeStore): void {
  app.post(IMPERSONATE_PATH, async (c) => {
    const parsed = body.safeParse(await c.req.json().catch(() => null));
    const redirectUri = parsed.success ? httpUrl(parsed.data.redirect_uri) : null;
    if (!parsed.success || !redirectUri) {
      return c.json({ message: 'Expected { user_id, impersonator_email, reason?, redirect_uri }.' }, 422);
    }
    if (!store.users.has(parsed.data.user_id)) return c.json({ message: 'No such user.' }, 422);
    const code = opaqueToken(32);
    store.authorizationCodes.set(code, {
      code,
      user_id: parsed.data.user_id,
      method: 'Impersonation',
      impersonator: { email: parsed.data.impersonator_email, reason: parsed.data.reason ?? null },
      organization_id: null,
      code_challenge: null,
      invitation_token: null,
      used: false,
      expires_at: new Date(Date.now() + AUTHORIZATION_TTL_MS).toISOString(),
    });
    return c.json({ url: redirectWith(redirectUri.href, { code }) }, 200);
  });
}
