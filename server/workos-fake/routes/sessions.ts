import { z } from 'zod';
import type { FakeContext, RouteDef } from '../context.ts';
import { entityNotFound } from '../errors.ts';

const revokeBody = z.object({ session_id: z.string().min(1).max(100) });

function httpUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

export function sessionRoutes({ store }: FakeContext): RouteDef[] {
  return [
    {
      method: 'POST',
      path: '/user_management/sessions/revoke',
      auth: 'api_key',
      statuses: [200, 400],
      async handler(c) {
        const parsed = revokeBody.safeParse(await c.req.json().catch(() => null));
        if (!parsed.success) return c.json({ message: 'session_id is required.' }, 400);
        const id = parsed.data.session_id;
        if (!store.revokeSession(id)) return c.json(entityNotFound('Session', id), 400);
        // The spec documents 200 with no body; the SDK reads a body only when it is JSON.
        return c.body(null, 200);
      },
    },
    {
      // Visited by browsers (the SDK's getLogoutUrl builds it): no API key, as in the spec.
      method: 'GET',
      path: '/user_management/sessions/logout',
      auth: 'none',
      statuses: [200, 302, 422],
      handler(c) {
        const sessionId = c.req.query('session_id');
        const returnTo = c.req.query('return_to');
        if (!sessionId) return c.json({ message: 'session_id is required.' }, 422);
        const target = returnTo === undefined ? null : httpUrl(returnTo);
        if (returnTo !== undefined && !target) return c.json({ message: 'return_to must be an http(s) URL.' }, 422);
        // Logging out is idempotent: an unknown or ended session still lands on return_to.
        store.revokeSession(sessionId);
        return target ? c.redirect(target.href, 302) : c.body(null, 200);
      },
    },
  ];
}
