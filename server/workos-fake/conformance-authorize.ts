import { createHash } from 'node:crypto';
import type { WorkOSFake } from './app.ts';
import { AUTHORIZATION_TTL_MS } from './authorize/records.ts';
import { PUBLIC, row, type Case } from './conformance-cases.ts';
import { opaqueToken } from './ids.ts';

/** Test support: rows for the authorize page and the authorization_code grant (conformance.test.ts). */
export function buildAuthorizeCases(fake: WorkOSFake): Case[] {
  const { store } = fake;
  const page = row('GET', '/user_management/authorize');
  const auth = row('POST', '/user_management/authenticate');
  const CALLBACK = 'http://localhost:8891/workos/callback';
  const sso = [...store.organizations.values()].find((o) => o.connectionIds.length > 0)!;
  const query = (params: Record<string, string>) =>
    `/user_management/authorize?${new URLSearchParams({
      client_id: fake.clientId,
      redirect_uri: CALLBACK,
      response_type: 'code',
      state: 'default:v1.abc',
      ...params,
    }).toString()}`;
  const verifier = opaqueToken(50);
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const html = { ...PUBLIC, html: true };
  const closestHtml = {
    method: 'GET',
    path: '/user_management/authorize',
    status: 200,
    why: 'error page, like the page',
  };

  const code = (
    fields: {
      challenge?: string;
      user?: string;
      organizationId?: string;
      method?: string;
      impersonator?: { email: string; reason: string | null };
    } = {},
  ) => {
    const value = opaqueToken(32);
    store.authorizationCodes.set(value, {
      code: value,
      user_id: store.findUserByEmail(fields.user ?? 'linus@example.com')!.wire.id,
      method: fields.method ?? (fields.organizationId ? 'SSO' : 'GoogleOAuth'),
      impersonator: fields.impersonator ?? null,
      organization_id: fields.organizationId ?? null,
      code_challenge: fields.challenge ?? null,
      invitation_token: null,
      used: false,
      expires_at: new Date(Date.now() + AUTHORIZATION_TTL_MS).toISOString(),
    });
    return value;
  };
  const A = '/user_management/authenticate';
  const exchange = (fields: Record<string, unknown>, secret = true) => ({
    body: {
      grant_type: 'authorization_code',
      client_id: fake.clientId,
      ...(secret ? { client_secret: fake.apiKey } : {}),
      ...fields,
    },
  });
  const usedCode = code();
  store.authorizationCodes.get(usedCode)!.used = true;

  return [
    page(
      'authorize: Google with PKCE',
      200,
      query({ provider: 'GoogleOAuth', code_challenge: challenge, code_challenge_method: 'S256' }),
      html,
    ),
    page('authorize: AuthKit', 200, query({ provider: 'authkit', screen_hint: 'sign-up' }), html),
    page('authorize: SSO organization', 200, query({ organization_id: sso.wire.id }), html),
    page('authorize: SSO connection', 200, query({ connection_id: sso.connectionIds[0] }), html),
    page('authorize: two targets', 302, query({ provider: 'GoogleOAuth', organization_id: sso.wire.id }), {
      ...PUBLIC,
      location:
        /^http:\/\/localhost:8891\/workos\/callback\?error=invalid_request&error_description=.+&state=default%3Av1\.abc$/,
    }),
    page(
      'authorize: plain PKCE',
      302,
      query({ provider: 'GoogleOAuth', code_challenge: challenge, code_challenge_method: 'plain' }),
      {
        ...PUBLIC,
        location: /error=invalid_request/,
      },
    ),
    page('authorize: token response type', 302, query({ provider: 'GoogleOAuth', response_type: 'token' }), {
      ...PUBLIC,
      location: /error=unsupported_response_type/,
    }),
    page('authorize: unknown client', 400, query({ provider: 'GoogleOAuth', client_id: 'client_other' }), {
      ...html,
      closest: closestHtml,
    }),
    page(
      'authorize: script redirect_uri',
      400,
      query({ provider: 'GoogleOAuth', redirect_uri: 'javascript:alert(1)' }),
      {
        ...html,
        closest: closestHtml,
      },
    ),

    auth('code: PKCE verifier matches', 200, A, exchange({ code: code({ challenge }), code_verifier: verifier })),
    auth(
      'code: PKCE public client (no secret)',
      200,
      A,
      exchange({ code: code({ challenge }), code_verifier: verifier }, false),
    ),
    auth('code: SSO', 200, A, exchange({ code: code({ user: 'eve@sso.example.com', organizationId: sso.wire.id }) })),
    auth('code: AuthKit, LinkedIn', 200, A, exchange({ code: code({ method: 'LinkedInOAuth' }) })),
    auth(
      'code: AuthKit, dashboard impersonation',
      200,
      A,
      exchange({
        code: code({
          user: 'mia@example.com',
          method: 'Impersonation',
          impersonator: { email: 'support@workos.example', reason: 'Ticket 42' },
        }),
      }),
    ),
    auth(
      'code: impersonation without a reason',
      200,
      A,
      exchange({
        code: code({ method: 'Impersonation', impersonator: { email: 'support@workos.example', reason: null } }),
      }),
    ),
    auth('code: wrong verifier', 400, A, exchange({ code: code({ challenge }), code_verifier: opaqueToken(50) })),
    auth('code: missing verifier', 400, A, exchange({ code: code({ challenge }) })),
    auth('code: verifier without challenge', 400, A, exchange({ code: code(), code_verifier: verifier })),
    auth('code: used', 400, A, exchange({ code: usedCode })),
    auth('code: no secret, no PKCE', 400, A, exchange({ code: code() }, false)),
    auth('code: MFA user', 403, A, exchange({ code: code({ user: 'mia@example.com' }) })),
    auth('code: no code', 422, A, exchange({})),
  ];
}
