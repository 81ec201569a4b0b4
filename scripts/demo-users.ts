import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './stack.ts';

/** Every demo user of the fake's seed signs in with this password (seed.json says so too). */
export const DEMO_PASSWORD = 'Correct-Horse-7';

interface Seed {
  organizations: Array<{ id: string; name: string }>;
  users: Array<{
    id: string;
    email: string;
    email_verified: boolean;
    next_step?: string;
    auth_factors?: Array<{ type: string }>;
  }>;
  memberships: Array<{ user_id: string; organization_id: string; role: string; status: string }>;
}

/** The demo users, described from the fake's seed file so the printout never drifts from it. */
export function demoUsers(): Array<{ email: string; password: string; note: string }> {
  const seed = JSON.parse(readFileSync(join(ROOT, 'server/workos-fake/seed.json'), 'utf8')) as Seed;
  return seed.users.map((user) => {
    const memberships = seed.memberships.filter((m) => m.user_id === user.id);
    const note = memberships.length
      ? memberships
          .map(
            (m) =>
              `${m.role} in ${seed.organizations.find((o) => o.id === m.organization_id)?.name ?? m.organization_id}${m.status === 'active' ? '' : ` (${m.status})`}`,
          )
          .join(', ')
      : 'no organization';
    const extras = [
      user.email_verified ? '' : 'email not verified',
      user.auth_factors?.length ? `MFA: ${user.auth_factors.map((f) => f.type).join(' + ')}` : '',
      user.next_step ? `answers ${user.next_step}` : '',
    ].filter(Boolean);
    return { email: user.email, password: DEMO_PASSWORD, note: [note, ...extras].join(', ') };
  });
}
