import { describe, expect, it } from 'vitest';
import { verifyPassword } from './passwords.ts';
import { loadSeed, parseSeed } from './seed.ts';

describe('seed.json', () => {
  const seed = loadSeed();

  it('holds the demo organization and its five users', () => {
    expect(seed.organizations.map((o) => [o.name, o.roles])).toEqual([['Demo Organization', ['admin', 'member']]]);
    expect(seed.users.map((u) => [u.email, u.first_name, u.last_name, u.email_verified])).toEqual([
      ['ada@example.com', 'Ada', 'Lovelace', true],
      ['grace@example.com', 'Grace', 'Hopper', true],
      ['linus@example.com', 'Linus', 'Torvalds', true],
      ['ken@example.com', 'Ken', 'Thompson', true],
      ['margaret@example.com', 'Margaret', 'Hamilton', false],
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
    broken.memberships[0]!.role = 'owner';
    broken.memberships[1]!.user_id = 'user_01AAAAAAAAAAAAAAAAAAAAAAAA';
    expect(() => parseSeed(broken)).toThrow(
      /not a role of the organization[\s\S]*unknown user|unknown user[\s\S]*not a role/,
    );
  });
});
