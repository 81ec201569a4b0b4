import type { Hono } from 'hono';
import { opaqueToken } from '../ids.ts';
import type { FakeStore } from '../store.ts';
import { hostedChoice } from './methods.ts';
import { errorPage } from './page.ts';
import { AUTHORIZATION_TTL_MS } from './records.ts';
import { DECISION_PATH, redirectWith } from './route.ts';

/**
 * The consent page's form (not a WorkOS endpoint): approve → 302 `redirect_uri?code&state`,
 * deny → 302 `redirect_uri?error=access_denied&error_description&state`. Each page answers once.
 * On AuthKit's page the form also says how the visitor signed in, or who impersonates them.
 */
export function mountAuthorizeDecision(app: Hono, store: FakeStore): void {
  app.post(DECISION_PATH, async (c) => {
    const form = await c.req.parseBody().catch((): Record<string, unknown> => ({}));
    const requestId = typeof form.request === 'string' ? form.request : '';
    const request = store.authorizationRequests.get(requestId);
    if (!request || Date.parse(request.expires_at) < Date.now()) {
      return c.html(errorPage('This sign-in page has expired or was already used. Start again.'), 400);
    }
    store.authorizationRequests.delete(requestId);
    if (form.deny !== undefined) {
      const url = redirectWith(request.redirect_uri, {
        error: 'access_denied',
        error_description: 'The user denied the request.',
        state: request.state,
      });
      return c.redirect(url, 302);
    }
    const userId = typeof form.user_id === 'string' ? form.user_id : '';
    if (!request.eligible.includes(userId)) return c.html(errorPage('That account cannot sign in here.'), 400);
    const choice = request.authkit
      ? hostedChoice(form, request.method)
      : { method: request.method, impersonator: null };
    if ('error' in choice) return c.html(errorPage(choice.error), 400);
    const code = opaqueToken(32);
    store.authorizationCodes.set(code, {
      code,
      user_id: userId,
      method: choice.method,
      impersonator: choice.impersonator,
      organization_id: request.organization_id,
      code_challenge: request.code_challenge,
      invitation_token: request.invitation_token,
      used: false,
      expires_at: new Date(Date.now() + AUTHORIZATION_TTL_MS).toISOString(),
    });
    return c.redirect(redirectWith(request.redirect_uri, { code, state: request.state }), 302);
  });
}
