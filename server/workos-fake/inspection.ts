import type { Hono } from 'hono';
import { z } from 'zod';
import type { FakeStore, MembershipStatus } from './store.ts';

/**
 * Test-only endpoints under `/_fake/`, outside the WorkOS API (not in the spec, not in the route
 * list the conformance test checks): end-to-end tests look inside the fake through them. No API
 * key: the fake listens on loopback and holds demo data only.
 *
 * - `GET /_fake/sessions?user_id=&email=` → `{ data: [{ id, user_id, status }] }`, oldest first
 * - `GET /_fake/audit-events` → `{ data: [{ organization_id, idempotency_key, event }] }`
 * - `POST /_fake/memberships/status` `{ email, organization_id?, status }` → `{ data: [{ id, organization_id, role, status }] }`
 *   (404 `{ message }` when the user has no such membership)
 * - `GET /_fake/emails?to=` → `{ data: [{ kind, to, code, token, created_at }] }`, newest first: every magic code,
 *   verification code, reset token and invitation token WorkOS would have emailed
 * - `GET /_fake/sms?to=<E.164>` → `{ data: [{ to, code, created_at }] }`, newest first
 * - `POST /_fake/expire` `{ email }` → `{ expired: <count> }`: every magic code, verification code and
 *   reset token sent to that email expires now, so tests see WorkOS's "expired" answers for real
 * - `GET|POST|DELETE /_fake/faults`: injected delays, errors, resets and hangs (faults.ts)
 */
const statusBody = z.strictObject({
  email: z.email(),
  organization_id: z.string().min(1).optional(),
  status: z.enum(['active', 'inactive', 'pending'] satisfies MembershipStatus[]),
});

const expireBody = z.strictObject({ email: z.email() });

/** Moves the expiry of everything "sent" to `email` into the past; answers how many records changed. */
export function expireSentTo(store: FakeStore, email: string): number {
  const normalized = email.trim().toLowerCase();
  const past = new Date(Date.now() - 1000).toISOString();
  const records = [
    ...store.magicAuths.values(),
    ...store.emailVerifications.values(),
    ...store.passwordResets.values(),
  ];
  let count = 0;
  for (const record of records) {
    if (record.email.toLowerCase() !== normalized) continue;
    record.expires_at = past;
    count++;
  }
  return count;
}

export function mountInspection(app: Hono, store: FakeStore): void {
  app.get('/_fake/sessions', (c) => {
    const email = c.req.query('email');
    const userId = email === undefined ? c.req.query('user_id') : (store.findUserByEmail(email)?.wire.id ?? '');
    const data = [...store.sessions.values()]
      .filter((s) => userId === undefined || s.user_id === userId)
      .map(({ id, user_id, status }) => ({ id, user_id, status }));
    return c.json({ data }, 200);
  });

  app.get('/_fake/emails', (c) => c.json({ data: store.outbox.emailsTo(c.req.query('to')) }, 200));
  app.get('/_fake/sms', (c) => c.json({ data: store.outbox.smsTo(c.req.query('to')) }, 200));

  app.post('/_fake/expire', async (c) => {
    const parsed = expireBody.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ message: 'Expected { email }.' }, 422);
    return c.json({ expired: expireSentTo(store, parsed.data.email) }, 200);
  });

  app.get('/_fake/audit-events', (c) => c.json({ data: store.auditEvents }, 200));

  app.post('/_fake/memberships/status', async (c) => {
    const parsed = statusBody.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ message: 'Expected { email, organization_id?, status }.' }, 422);
    const { email, organization_id: organizationId, status } = parsed.data;
    const user = store.findUserByEmail(email);
    const found = user
      ? store.membershipsOf({ userId: user.wire.id, ...(organizationId ? { organizationId } : {}) })
      : [];
    if (found.length === 0) return c.json({ message: 'No such membership.' }, 404);
    const now = new Date().toISOString();
    for (const m of found) Object.assign(m, { status, updated_at: now });
    return c.json({ data: found.map(({ id, organization_id, role }) => ({ id, organization_id, role, status })) }, 200);
  });
}
