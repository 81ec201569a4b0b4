import { beforeEach, describe, expect, it } from 'vitest';
import { LIMITS, type StepInputs } from '../../protocol/messages.ts';
import seed from '../workos-fake/seed.json' with { type: 'json' };
import { as, integration, PASSWORD } from './test-support.ts';

const IVY = seed.invitations[0];
const DEMO = seed.organizations[0];
const STRONG = 'Violet-Lantern-42';
const form = (email: string, password = STRONG): StepInputs['signup'] => ({
  email,
  password,
  first_name: 'Nia',
  last_name: 'New',
});

let t: ReturnType<typeof integration>;
beforeEach(() => {
  t = integration();
});

async function latest(email: string, kind: string): Promise<string> {
  const found = (await t.emails(email)).find((e) => e.kind === kind);
  expect(found, `${kind} email to ${email}`).toBeDefined();
  return found!.code!;
}

function invitationFlow(email = IVY.email) {
  return t.sealer.seal(
    { email, user_id: null, method: 'password', invitation_token: IVY.token },
    { purpose: 'invitation', profile: 'default' },
    60_000,
  );
}

describe('signup', () => {
  it('creates the user and asks for the emailed verification code, after the floor', async () => {
    const outcome = as(await t.send('signup', form('nia@example.com')), 'step');
    expect(outcome).toMatchObject({ step: 'email_verify', data: { email: 'nia@example.com' } });
    expect(t.clock.sleeps).toEqual([LIMITS.enumerationFloorMs]);
    const code = await latest('nia@example.com', 'email_verification');
    const signedIn = as(await t.send('email_verify', { code }, { flow: outcome.flow }), 'authenticated');
    expect(signedIn.identity).toMatchObject({
      user: { email: 'nia@example.com', email_verified: true, first_name: 'Nia', last_name: 'New' },
      method: 'password',
    });
    expect(t.logLines.join('\n')).not.toContain(STRONG);
  });

  it('answers an existing account with the same step, sending a magic code instead', async () => {
    const created = as(await t.send('signup', form('nia@example.com')), 'step');
    const existing = as(await t.send('signup', form('ada@example.com')), 'step');
    expect({ ...existing, flow: '', data: {} }).toEqual({ ...created, flow: '', data: {} });
    expect(existing.data).toEqual({ email: 'ada@example.com' });
    const code = await latest('ada@example.com', 'magic_auth');
    const signedIn = as(await t.send('email_verify', { code }, { flow: existing.flow }), 'authenticated');
    expect(signedIn.identity).toMatchObject({ user: { email: 'ada@example.com' }, method: 'magic_code' });
    expect(t.clock.sleeps).toEqual([LIMITS.enumerationFloorMs, LIMITS.enumerationFloorMs]);
  });

  it("rejects a password WorkOS's policy refuses, naming the problems", async () => {
    expect(await t.send('signup', form('nia@example.com', 'short'))).toEqual({
      type: 'error',
      code: 'password_rejected',
      message: 'WorkOS refused the password.',
      status: 422,
      problems: expect.arrayContaining(['too_short']),
    });
    expect(await t.send('signup', form('nia@example.com', 'Password123!'))).toMatchObject({
      code: 'password_rejected',
      problems: ['breached'],
    });
  });

  it('is refused where the profile has no sign-up, or needs an invitation the visitor lacks', async () => {
    const closed = { signup: { enabled: false, require_invitation: false } };
    expect(await t.send('signup', form('nia@example.com'), { profile: closed })).toMatchObject({
      code: 'method_disabled',
      status: 403,
    });
    const inviteOnly = { signup: { enabled: true, require_invitation: true } };
    for (const email of ['nia@example.com', 'ada@example.com']) {
      expect(await t.send('signup', form(email), { profile: inviteOnly })).toMatchObject({
        code: 'invitation_required',
        status: 403,
      });
    }
    // An invitation is for its own address only.
    expect(
      await t.send('signup', form('nia@example.com'), { profile: inviteOnly, flow: invitationFlow() }),
    ).toMatchObject({ code: 'invitation_required' });
  });

  it('accepts an invitation: the new user joins the organization with the invited role', async () => {
    const inviteOnly = { signup: { enabled: true, require_invitation: true }, organization_id: DEMO.id };
    const outcome = await t.send('signup', form(IVY.email), { profile: inviteOnly, flow: invitationFlow() });
    // WorkOS verifies the email of an accepted invitation itself: signed in at once, or after the code.
    const identity =
      outcome.type === 'step'
        ? as(
            await t.send(
              'email_verify',
              { code: await latest(IVY.email, 'email_verification') },
              { flow: outcome.flow },
            ),
            'authenticated',
          ).identity
        : as(outcome, 'authenticated').identity;
    expect(identity).toMatchObject({
      user: { email: IVY.email },
      organization_id: DEMO.id,
      membership: { role: IVY.role_slug, status: 'active' },
    });
  });
});

describe('email_verify', () => {
  it('verifies the email WorkOS asked about at password sign-in', async () => {
    const outcome = as(await t.send('password', { email: 'vera@example.com', password: PASSWORD }), 'step');
    expect(outcome).toMatchObject({ step: 'email_verify', data: { email: 'vera@example.com' } });
    const code = await latest('vera@example.com', 'email_verification');
    const signedIn = as(await t.send('email_verify', { code }, { flow: outcome.flow }), 'authenticated');
    expect(signedIn.identity).toMatchObject({ user: { email: 'vera@example.com', email_verified: true } });
  });

  it('answers a wrong code with invalid_code, a spent flow with flow_expired', async () => {
    const outcome = as(await t.send('password', { email: 'vera@example.com', password: PASSWORD }), 'step');
    const code = await latest('vera@example.com', 'email_verification');
    const wrong = code === '000000' ? '111111' : '000000';
    expect(await t.send('email_verify', { code: wrong }, { flow: outcome.flow })).toMatchObject({
      code: 'invalid_code',
      status: 401,
    });
    as(await t.send('email_verify', { code }, { flow: outcome.flow }), 'authenticated');
    expect(await t.send('email_verify', { code }, { flow: outcome.flow })).toMatchObject({
      code: 'flow_expired',
      status: 400,
    });
  });

  it('needs its flow', async () => {
    const bad = await t.send('email_verify', { code: '123456' }, { flow: 'v1.nope' });
    expect(bad).toMatchObject({ code: 'flow_expired' });
  });
});
