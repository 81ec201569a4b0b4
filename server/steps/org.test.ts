import { beforeEach, describe, expect, it } from 'vitest';
import seed from '../workos-fake/seed.json' with { type: 'json' };
import { as, integration, PASSWORD } from './test-support.ts';

const DEMO = seed.organizations.find((o) => o.name === 'Demo Organization')!;
const SECOND = seed.organizations.find((o) => o.name === 'Second Organization')!;
const SSO = seed.organizations.find((o) => o.name === 'SSO Organization')!;
const SAM = { email: 'sam@example.com', password: PASSWORD };

let t: ReturnType<typeof integration>;
beforeEach(() => {
  t = integration();
});

describe('organization choice', () => {
  it('lets the visitor pick among the organizations WorkOS listed', async () => {
    const outcome = as(await t.send('password', SAM), 'step');
    expect(outcome).toMatchObject({ step: 'org_select' });
    const listed = (outcome.data as { organizations: Array<{ id: string; name: string }> }).organizations;
    expect(listed.map((o) => o.id).sort()).toEqual([DEMO.id, SECOND.id].sort());
    const signedIn = await t.send('org_select', { organization_id: SECOND.id }, { flow: outcome.flow });
    expect(as(signedIn, 'authenticated').identity).toMatchObject({ user: { email: SAM.email }, method: 'password' });
  });

  it('refuses an organization that was not offered', async () => {
    const outcome = as(await t.send('password', SAM), 'step');
    expect(await t.send('org_select', { organization_id: SSO.id }, { flow: outcome.flow })).toMatchObject({
      code: 'organization_refused',
      status: 403,
    });
  });

  it('resolves by itself when the profile pins an organization the user belongs to', async () => {
    const profile = { organization_id: SECOND.id, organization_pinned: true };
    const outcome = as(await t.send('password', SAM, { profile }), 'authenticated');
    expect(outcome.identity).toMatchObject({ organization_id: SECOND.id, membership: { status: 'active' } });
  });

  it('refuses a user outside the pinned organization', async () => {
    const profile = { organization_id: SSO.id, organization_pinned: true };
    expect(await t.send('password', SAM, { profile })).toEqual({
      type: 'error',
      code: 'organization_refused',
      message: "The user does not belong to this profile's organization.",
      status: 403,
    });
  });

  it('does not redeem a spent flow twice', async () => {
    const outcome = as(await t.send('password', SAM), 'step');
    as(await t.send('org_select', { organization_id: DEMO.id }, { flow: outcome.flow }), 'authenticated');
    expect(await t.send('org_select', { organization_id: DEMO.id }, { flow: outcome.flow })).toMatchObject({
      code: 'flow_expired',
    });
  });
});
