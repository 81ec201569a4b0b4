import { newId } from './ids.ts';
import { loadSeed, NEXT_STEPS, type NextStep, type Seed } from './seed.ts';

/**
 * Test support: the demo seed plus one user per multi-step answer (`<step>@example.com`, forced by
 * `next_step`), the organization chooser a member of Demo and Second Organization.
 */
export const DEMO_PASSWORD = 'Correct-Horse-7';
export const stepUserEmail = (step: NextStep) => `${step.replaceAll('_', '-')}@example.com`;

export function testSeed(): Seed {
  const seed = loadSeed();
  const demoOrg = seed.organizations[0];
  const seeded = seed.organizations.find((o) => o.name === 'Second Organization');
  const second = seeded ?? {
    id: newId('org'),
    name: 'Second Organization',
    roles: ['member'],
    domains: [],
    sso_connection_ids: [],
    created_at: new Date().toISOString(),
  };
  const stepUsers = NEXT_STEPS.map((step) => ({
    id: newId('user'),
    email: stepUserEmail(step),
    first_name: 'Step',
    last_name: step,
    email_verified: step !== 'email_verification_required',
    password: DEMO_PASSWORD,
    next_step: step,
    created_at: new Date().toISOString(),
  }));
  const chooser = stepUsers.find((u) => u.next_step === 'organization_selection_required')!;
  const now = new Date().toISOString();
  return {
    ...seed,
    organizations: seeded ? seed.organizations : [...seed.organizations, second],
    users: [...seed.users, ...stepUsers],
    memberships: [
      ...seed.memberships,
      {
        id: newId('om'),
        user_id: chooser.id,
        organization_id: demoOrg.id,
        role: 'member',
        status: 'active',
        created_at: now,
      },
      {
        id: newId('om'),
        user_id: chooser.id,
        organization_id: second.id,
        role: 'member',
        status: 'active',
        created_at: now,
      },
    ],
  };
}
