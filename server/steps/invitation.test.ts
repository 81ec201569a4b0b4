import { beforeEach, describe, expect, it } from 'vitest';
import seed from '../workos-fake/seed.json' with { type: 'json' };
import { as, integration } from './test-support.ts';

const IVY = seed.invitations[0];
const DEMO = seed.organizations[0];

let t: ReturnType<typeof integration>;
beforeEach(() => {
  t = integration();
});

describe('invitation', () => {
  it('reads a pending invitation: its email and organization, the token sealed in the flow', async () => {
    const outcome = as(await t.send('invitation', { invitation_token: IVY.token }), 'step');
    expect(outcome).toMatchObject({
      step: 'invitation',
      data: { email: IVY.email, organization_name: DEMO.name },
    });
    expect(JSON.stringify(outcome)).not.toContain(IVY.token);
    const { data } = t.sealer.unseal<{ invitation_token: string; email: string }>(outcome.flow, {
      purpose: 'invitation',
      profile: 'default',
    });
    expect(data).toMatchObject({ invitation_token: IVY.token, email: IVY.email });
  });

  it('answers an unknown token with invitation_invalid (410)', async () => {
    expect(await t.send('invitation', { invitation_token: 'NoSuchInvitationToken0000' })).toEqual({
      type: 'error',
      code: 'invitation_invalid',
      message: 'The invitation is unknown, expired, revoked or accepted.',
      status: 410,
    });
  });

  it('answers an expired or revoked invitation the same way', async () => {
    for (const change of [{ expires_at: '2020-01-01T00:00:00.000Z' }, { state: 'revoked' }]) {
      const custom = structuredClone(seed);
      Object.assign(custom.invitations[0], change);
      const other = integration({ seed: custom as never });
      expect(await other.send('invitation', { invitation_token: IVY.token })).toMatchObject({
        code: 'invitation_invalid',
        status: 410,
      });
    }
  });

  it('is refused where the profile takes no invitations', async () => {
    expect(
      await t.send('invitation', { invitation_token: IVY.token }, { profile: { invitations: false } }),
    ).toMatchObject({ code: 'method_disabled', status: 403 });
  });

  it('is accepted by a magic code: the invitee joins the organization with the invited role', async () => {
    const invitation = as(await t.send('invitation', { invitation_token: IVY.token }), 'step');
    const profile = { organization_id: DEMO.id, signup: { enabled: true, require_invitation: true } };
    const sent = as(await t.send('magic_code_send', { email: IVY.email }, { profile, flow: invitation.flow }), 'step');
    const code = (await t.emails(IVY.email)).find((e) => e.kind === 'magic_auth')!.code!;
    const signedIn = as(await t.send('magic_code_verify', { code }, { profile, flow: sent.flow }), 'authenticated');
    expect(signedIn.identity).toMatchObject({
      user: { email: IVY.email },
      organization_id: DEMO.id,
      membership: { role: IVY.role_slug, status: 'active' },
      method: 'magic_code',
    });
    // Accepted now: the link no longer works.
    expect(await t.send('invitation', { invitation_token: IVY.token })).toMatchObject({ code: 'invitation_invalid' });
  });
});
