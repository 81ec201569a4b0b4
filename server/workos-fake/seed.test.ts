import { describe, expect, it } from 'vitest';
import { verifyPassword } from './passwords.ts';
import { loadSeed, parseSeed } from './seed.ts';

describe('seed.json', () => {
  const seed = loadSeed();

  it('holds the demo organizations and users', () => {
    expect(seed.organizations.map((o) => [o.name, o.roles, o.domains, o.sso_connection_ids.length])).toEqual([
      ['Demo Organization', ['admin', 'member'], [], 0],
      ['Second Organization', ['admin', 'member'], [], 0],
      ['SSO Organization', ['admin', 'member'], ['sso.example.com'], 1],
    ]);
    expect(seed.users.map((u) => [u.email, u.first_name, u.last_name, u.email_verified])).toEqual([
      ['ada@example.com', 'Ada', 'Lovelace', true],
      ['grace@example.com', 'Grace', 'Hopper', true],
      ['linus@example.com', 'Linus', 'Torvalds', true],
      ['ken@example.com', 'Ken', 'Thompson', true],
      ['margaret@example.com', 'Margaret', 'Hamilton', false],
      ['mia@example.com', 'Mia', 'Müller', true],
      ['noah@example.com', 'Noah', 'Nakamura', true],
      ['olivia@example.com', 'Olivia', 'Ortiz', true],
      ['sam@example.com', 'Sam', 'Sato', true],
      ['eve@sso.example.com', 'Eve', 'Evans', true],
      ['vera@example.com', 'Vera', 'Verde', false],
    ]);
    const user = (email: string) => seed.users.find((u) => u.email === email)!;
    expect(user('mia@example.com').auth_factors).toEqual([
      { id: expect.stringMatching(/^auth_factor_/), type: 'totp', secret: 'JBSWY3DPEHPK3PXP' },
    ]);
    expect(user('olivia@example.com').auth_factors?.map((f) => ('secret' in f ? f.secret : f.phone_number))).toEqual([
      'KRSXG5CTMVRXEZLU',
      '+15555550123',
    ]);
    expect(user('noah@example.com').next_step).toBe('mfa_enrollment');
    expect(user('vera@example.com').next_step).toBe('email_verification_required');
    const orgsOf = (email: string) =>
      seed.memberships
        .filter((m) => m.user_id === user(email).id)
        .map((m) => seed.organizations.find((o) => o.id === m.organization_id)!.name);
    expect(orgsOf('sam@example.com')).toEqual(['Demo Organization', 'Second Organization']);
    expect(orgsOf('eve@sso.example.com')).toEqual(['SSO Organization']);
    expect(seed.users.some((u) => u.email === 'ivy@example.com')).toBe(false);
    expect(seed.invitations).toEqual([
      expect.objectContaining({
        email: 'ivy@example.com',
        organization_id: seed.organizations[0].id,
        role_slug: 'member',
        state: 'pending',
      }),
    ]);
    const roleOf = (email: string) =>
      seed.memberships.find((m) => m.user_id === seed.users.find((u) => u.email === email)!.id);
    expect(roleOf('ada@example.com')).toMatchObject({ role: 'admin', status: 'active' });
    expect(roleOf('grace@example.com')).toMatchObject({ role: 'member', status: 'active' });
    expect(roleOf('linus@example.com')).toBeUndefined();
    expect(roleOf('ken@example.com')).toMatchObject({ role: 'member', status: 'inactive' });
    expect(roleOf('margaret@example.com')).toMatchObject({ role: 'member', status: 'active' });
    expect(seed.users.find((u) => u.email === 'margaret@example.com')?.next_step).toBeUndefined();
  });

  it('stores the demo password Correct-Horse-7 as hashes', async () => {
    for (const user of seed.users) {
      expect(await verifyPassword('Correct-Horse-7', user.password_hash!)).toBe(true);
      expect(await verifyPassword('correct-horse-7', user.password_hash!)).toBe(false);
    }
  });

  it('refuses memberships that point nowhere or use a role the organization lacks', () => {
    const broken = structuredClone(seed);
    broken.memberships[0].role = 'owner';
    broken.memberships[1].user_id = 'user_01AAAAAAAAAAAAAAAAAAAAAAAA';
    expect(() => parseSeed(broken)).toThrow(
      /not a role of the organization[\s\S]*unknown user|unknown user[\s\S]*not a role/,
    );
  });
});
