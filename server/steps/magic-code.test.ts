import { beforeEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../protocol/messages.ts';
import seed from '../workos-fake/seed.json' with { type: 'json' };
import { as, integration, PROFILE } from './test-support.ts';

const IVY = seed.invitations[0];

let t: ReturnType<typeof integration>;
beforeEach(() => {
  t = integration();
});

const noSignup = { signup: { enabled: false, require_invitation: false } };
const inviteOnly = { signup: { enabled: true, require_invitation: true } };

async function codeFor(email: string): Promise<string> {
  const [latest] = await t.emails(email);
  expect(latest?.kind).toBe('magic_auth');
  return latest.code!;
}

function invitationFlow(email: string, token = IVY.token) {
  return t.sealer.seal(
    { email, user_id: null, method: 'password', invitation_token: token },
    { purpose: 'invitation', profile: 'default' },
    60_000,
  );
}

describe('magic_code_send', () => {
  it('sends a code to an existing account and answers code_sent after the floor', async () => {
    const outcome = as(await t.send('magic_code_send', { email: 'ada@example.com' }), 'step');
    expect(outcome).toMatchObject({
      step: 'code_sent',
      data: { email: 'ada@example.com', resend_after: LIMITS.resendAfter },
    });
    expect(await codeFor('ada@example.com')).toMatch(/^[0-9]{6}$/);
    expect(t.clock.sleeps).toEqual([LIMITS.enumerationFloorMs]);
    expect(t.logLines.join('\n')).not.toContain(await codeFor('ada@example.com'));
  });

  it('answers an unknown email the same way, sending nothing when the profile has no sign-up', async () => {
    const known = as(await t.send('magic_code_send', { email: 'ada@example.com' }, { profile: noSignup }), 'step');
    // Same length as ada@example.com: the sealed flows must not differ in length either.
    const unknown = as(await t.send('magic_code_send', { email: 'bob@example.com' }, { profile: noSignup }), 'step');
    expect({ ...unknown, flow: '', data: { ...unknown.data, email: '' } }).toEqual({
      ...known,
      flow: '',
      data: { ...known.data, email: '' },
    });
    expect(unknown.flow.length).toBe(known.flow.length);
    expect(await t.emails('bob@example.com')).toEqual([]);
    expect(t.clock.sleeps).toEqual([LIMITS.enumerationFloorMs, LIMITS.enumerationFloorMs]);
  });

  it('sends to an unknown email where the profile lets it sign up (by invitation only with one)', async () => {
    await t.send('magic_code_send', { email: 'new@example.com' });
    expect(await t.emails('new@example.com')).toHaveLength(1);
    const magic = async (to: string) => (await t.emails(to)).filter((e) => e.kind === 'magic_auth');
    await t.send('magic_code_send', { email: IVY.email }, { profile: inviteOnly });
    expect(await magic(IVY.email)).toEqual([]);
    await t.send('magic_code_send', { email: IVY.email }, { profile: inviteOnly, flow: invitationFlow(IVY.email) });
    expect(await magic(IVY.email)).toHaveLength(1);
  });

  it('ignores an invitation made out to another email', async () => {
    await t.send(
      'magic_code_send',
      { email: 'other@example.com' },
      { profile: inviteOnly, flow: invitationFlow('ivy@example.com') },
    );
    expect(await t.emails('other@example.com')).toEqual([]);
  });

  it('refuses a flow that is no invitation', async () => {
    const flow = t.sealer.seal({}, { purpose: 'code_sent', profile: 'default' }, 60_000);
    expect(await t.send('magic_code_send', { email: 'ada@example.com' }, { flow })).toMatchObject({
      code: 'flow_expired',
      status: 400,
    });
  });
});

describe('magic_code_verify', () => {
  async function sent(email: string, profile = {}) {
    return as(await t.send('magic_code_send', { email }, { profile }), 'step').flow;
  }

  it('signs in with the code: identity with method magic_code and live membership', async () => {
    const flow = await sent('ada@example.com');
    const outcome = as(
      await t.send('magic_code_verify', { code: await codeFor('ada@example.com') }, { flow }),
      'authenticated',
    );
    expect(outcome.identity).toMatchObject({
      user: { email: 'ada@example.com' },
      method: 'magic_code',
    });
    expect(outcome.identity.session_id).toMatch(/^session_/);
  });

  it('answers a wrong code, and any code for an email that got none, with invalid_code', async () => {
    const flow = await sent('ada@example.com');
    const code = await codeFor('ada@example.com');
    const wrong = code === '000000' ? '111111' : '000000';
    const expected = { type: 'error', code: 'invalid_code', message: 'The code is wrong or expired.', status: 401 };
    expect(await t.send('magic_code_verify', { code: wrong }, { flow })).toEqual(expected);
    const none = await sent('nobody@example.com', noSignup);
    expect(await t.send('magic_code_verify', { code: '123456' }, { flow: none })).toEqual(expected);
    expect(t.logLines.join('\n')).not.toContain(code);
  });

  it('refuses a used code', async () => {
    const flow = await sent('ada@example.com');
    const code = await codeFor('ada@example.com');
    as(await t.send('magic_code_verify', { code }, { flow }), 'authenticated');
    expect(await t.send('magic_code_verify', { code }, { flow })).toMatchObject({ code: 'invalid_code' });
  });

  it('refuses a flow of another step or profile', async () => {
    const flow = await sent('ada@example.com');
    const code = await codeFor('ada@example.com');
    const other = { ...PROFILE, slug: 'members' };
    expect(await t.send('magic_code_verify', { code }, { flow, profile: other })).toMatchObject({
      code: 'flow_expired',
    });
    const wrong = t.sealer.seal({ email: 'ada@example.com' }, { purpose: 'email_verify', profile: 'default' }, 60_000);
    expect(await t.send('magic_code_verify', { code }, { flow: wrong })).toMatchObject({ code: 'flow_expired' });
  });

  it('moves an SSO user to the SSO connection', async () => {
    const flow = await sent('eve@sso.example.com');
    const code = await codeFor('eve@sso.example.com');
    const outcome = as(await t.send('magic_code_verify', { code }, { flow }), 'redirect');
    expect(new URL(outcome.url).searchParams.get('connection_id')).toMatch(/^conn_/);
  });
});
