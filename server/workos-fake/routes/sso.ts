import type { FakeContext, RouteDef } from '../context.ts';

/** The public key set that verifies access tokens. Public, as at WorkOS: jose fetches it without credentials. */
export function ssoRoutes({ key, clientId }: FakeContext): RouteDef[] {
  return [
    {
      method: 'GET',
      path: '/sso/jwks/{clientId}',
      auth: 'none',
      statuses: [200, 404],
      handler(c) {
        if (c.req.param('clientId') !== clientId) return c.json({ message: 'Client not found.' }, 404);
        return c.json(key.jwks, 200);
      },
    },
  ];
}
