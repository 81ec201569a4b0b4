import { describe, expect, it } from 'vitest';
import { adminUserOutcomeSchema } from './identity-schemas.ts';
import {
  MISCONFIGURED,
  NO_ORG,
  outcomeOf,
  serverError,
  setup,
  UNAVAILABLE,
  unreachable,
  WRONG_KEY,
} from './test-support.ts';

const PATH = '/v1/admin/user';

describe('POST /v1/admin/user', () => {
  it('finds a user by email with its live membership', async () => {
    const { post, org, userId } = setup();
    const outcome = await outcomeOf(
      await post(PATH, { email: 'GRACE@example.com', organization_id: org.id }),
      adminUserOutcomeSchema,
    );
    expect(outcome).toEqual({
      type: 'user',
      user: {
        id: userId('grace@example.com'),
        email: 'grace@example.com',
        email_verified: true,
        first_name: 'Grace',
        last_name: 'Hopper',
      },
      membership: { role: 'member', status: 'active' },
    });
  });

  it('finds a user by id, and reports inactive memberships and unverified emails as they are', async () => {
    const { post, org, userId } = setup();
    const ken = await outcomeOf(
      await post(PATH, { user_id: userId('ken@example.com'), organization_id: org.id }),
      adminUserOutcomeSchema,
    );
    expect(ken).toMatchObject({
      user: { email: 'ken@example.com' },
      membership: { role: 'member', status: 'inactive' },
    });
    const margaret = await outcomeOf(
      await post(PATH, { email: 'margaret@example.com', organization_id: org.id }),
      adminUserOutcomeSchema,
    );
    expect(margaret).toMatchObject({ user: { email_verified: false }, membership: { status: 'active' } });
  });

  it('answers no membership for a non-member, and does not look one up without an organization', async () => {
    const { post, org, requests } = setup();
    const linus = await outcomeOf(
      await post(PATH, { email: 'linus@example.com', organization_id: org.id }),
      adminUserOutcomeSchema,
    );
    expect(linus).toMatchObject({ type: 'user', user: { email: 'linus@example.com' }, membership: null });
    requests.length = 0;
    const ada = await outcomeOf(
      await post(PATH, { email: 'ada@example.com', organization_id: null }),
      adminUserOutcomeSchema,
    );
    expect(ada).toMatchObject({ user: { email: 'ada@example.com' }, membership: null });
    expect(requests.map((r) => new URL(r.url).pathname)).toEqual(['/user_management/users']);
  });

  it('answers user null for an unknown id or email', async () => {
    const { post, org } = setup();
    for (const input of [
      { user_id: 'user_01AAAAAAAAAAAAAAAAAAAAAAAA', organization_id: org.id },
      { email: 'nobody@example.com', organization_id: org.id },
    ]) {
      expect(await outcomeOf(await post(PATH, input), adminUserOutcomeSchema)).toEqual({
        type: 'user',
        user: null,
        membership: null,
      });
    }
  });

  it('says so when the organization does not exist', async () => {
    const { post } = setup();
    expect(
      await outcomeOf(await post(PATH, { email: 'ada@example.com', organization_id: NO_ORG }), adminUserOutcomeSchema),
    ).toEqual({ type: 'error', code: 'invalid_request', message: 'WorkOS has no such organization.', status: 404 });
  });

  it('refuses to guess when WorkOS is down or failing', async () => {
    for (const fetchFn of [unreachable, serverError]) {
      const { post, logLines } = setup({ fetchFn });
      const outcome = await outcomeOf(
        await post(PATH, { email: 'ada@example.com', organization_id: NO_ORG }),
        adminUserOutcomeSchema,
      );
      expect(outcome).toEqual(UNAVAILABLE);
      expect(logLines.join('\n')).toContain('user lookup failed');
      expect(logLines.join('\n')).not.toContain('ada@example.com');
    }
  });

  it('reports a wrong API key as a misconfigured server', async () => {
    const { post } = setup({ apiKey: WRONG_KEY });
    const outcome = await outcomeOf(
      await post(PATH, { email: 'ada@example.com', organization_id: null }),
      adminUserOutcomeSchema,
    );
    expect(outcome).toEqual(MISCONFIGURED);
  });

  it('wants exactly one of user_id and email, and well-formed ids', async () => {
    const { post, org } = setup();
    const cases = [
      [{ organization_id: org.id }, 'input.user_id, input.email'],
      [{ user_id: 'user_01X', email: 'ada@example.com', organization_id: org.id }, 'input.user_id, input.email'],
      [{ email: 'not an email', organization_id: org.id }, 'input.email'],
      [{ user_id: 'org_01X', organization_id: org.id }, 'input.user_id'],
      [{ email: 'ada@example.com' }, 'input.organization_id'],
      [{ email: 'ada@example.com', organization_id: 'x' }, 'input.organization_id'],
      [{ email: 'ada@example.com', organization_id: null, extra: 1 }, 'input'],
    ] as const;
    for (const [input, fields] of cases) {
      const outcome = await outcomeOf(await post(PATH, input), adminUserOutcomeSchema);
      expect(outcome, JSON.stringify(input)).toMatchObject({ type: 'error', code: 'invalid_request', status: 400 });
      if (outcome.type === 'error') expect(outcome.message).toContain(fields);
    }
  });
});
