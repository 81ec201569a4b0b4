import { describe, expect, it } from 'vitest';
import { adminRolesOutcomeSchema } from './identity-schemas.ts';
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

const PATH = '/v1/admin/roles';

describe('POST /v1/admin/roles', () => {
  it("lists the organization's roles in WorkOS's order", async () => {
    const { post, org, requests } = setup();
    expect(await outcomeOf(await post(PATH, { organization_id: org.id }), adminRolesOutcomeSchema)).toEqual({
      type: 'roles',
      roles: [
        { slug: 'admin', name: 'Admin' },
        { slug: 'member', name: 'Member' },
      ],
    });
    expect(new URL(requests.at(-1)!.url).pathname).toBe(`/authorization/organizations/${org.id}/roles`);
  });

  it('says so when the organization does not exist', async () => {
    const { post } = setup();
    expect(await outcomeOf(await post(PATH, { organization_id: NO_ORG }), adminRolesOutcomeSchema)).toEqual({
      type: 'error',
      code: 'invalid_request',
      message: 'WorkOS has no such organization.',
      status: 404,
    });
  });

  it('says WorkOS is unavailable when it is down or failing', async () => {
    for (const fetchFn of [unreachable, serverError]) {
      const { post, logLines } = setup({ fetchFn });
      expect(await outcomeOf(await post(PATH, { organization_id: NO_ORG }), adminRolesOutcomeSchema)).toEqual(
        UNAVAILABLE,
      );
      expect(logLines.join('\n')).toContain('listing roles failed');
    }
  });

  it('reports a wrong API key as a misconfigured server', async () => {
    const { post, org } = setup({ apiKey: WRONG_KEY });
    expect(await outcomeOf(await post(PATH, { organization_id: org.id }), adminRolesOutcomeSchema)).toEqual(
      MISCONFIGURED,
    );
  });

  it('refuses a malformed organization id', async () => {
    const { post } = setup();
    for (const input of [
      {},
      { organization_id: null },
      { organization_id: '../users' },
      { organization_id: 'org_x', x: 1 },
    ]) {
      expect(await outcomeOf(await post(PATH, input), adminRolesOutcomeSchema)).toMatchObject({
        code: 'invalid_request',
        status: 400,
      });
    }
  });
});
