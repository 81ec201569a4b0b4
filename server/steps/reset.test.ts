import { beforeEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../protocol/messages.ts';
import { as, integration, PASSWORD } from './test-support.ts';

const NEW_PASSWORD = 'Violet-Lantern-42';
let t: ReturnType<typeof integration>;
beforeEach(() => {
  t = integration();
});

async function tokenFor(email: string): Promise<string> {
  const outcome = as(await t.send('reset_request', { email }), 'reset_token');
  expect(outcome.token).toBeTruthy();
  return outcome.token!;
}

describe('reset_request', () => {
  it('answers a reset token for WordPress to email, after the floor', async () => {
    const outcome = as(await t.send('reset_request', { email: 'ada@example.com' }), 'reset_token');
    expect(outcome.email).toBe('ada@example.com');
    expect(outcome.token).toMatch(/^\S{8,}$/);
    expect(Date.parse(outcome.expires_at!)).toBeGreaterThan(Date.now());
    expect(t.clock.sleeps).toEqual([LIMITS.enumerationFloorMs]);
    expect(t.logLines.join('\n')).not.toContain(outcome.token!);
  });

  it('answers an unknown email with a null token, after the same floor', async () => {
    expect(await t.send('reset_request', { email: 'nobody@example.com' })).toEqual({
      type: 'reset_token',
      email: 'nobody@example.com',
      token: null,
      expires_at: null,
    });
    expect(t.clock.sleeps).toEqual([LIMITS.enumerationFloorMs]);
  });

  it('is refused where the profile offers no reset', async () => {
    expect(
      await t.send('reset_request', { email: 'ada@example.com' }, { profile: { password_reset: false } }),
    ).toMatchObject({
      code: 'method_disabled',
      status: 403,
    });
  });
});

describe('reset_confirm', () => {
  it('sets the new password and answers the reset_done notice (flow-less)', async () => {
    const token = await tokenFor('grace@example.com');
    expect(await t.send('reset_confirm', { token, password: NEW_PASSWORD })).toEqual({
      type: 'step',
      step: 'reset_done',
      flow: '',
      data: {},
    });
    as(await t.send('password', { email: 'grace@example.com', password: NEW_PASSWORD }), 'authenticated');
    expect(await t.send('password', { email: 'grace@example.com', password: PASSWORD })).toMatchObject({
      code: 'invalid_credentials',
    });
    expect(t.logLines.join('\n')).not.toContain(NEW_PASSWORD);
  });

  it('signs in at once where the profile says so', async () => {
    const token = await tokenFor('grace@example.com');
    const outcome = await t.send(
      'reset_confirm',
      { token, password: NEW_PASSWORD },
      { profile: { auto_sign_in_after_reset: true } },
    );
    expect(as(outcome, 'authenticated').identity).toMatchObject({
      user: { email: 'grace@example.com' },
      method: 'password',
    });
  });

  it('refuses an unknown or used token with reset_invalid', async () => {
    const expected = {
      type: 'error',
      code: 'reset_invalid',
      message: 'The reset link is unknown, expired or used.',
      status: 400,
    };
    expect(await t.send('reset_confirm', { token: 'NoSuchResetToken00000', password: NEW_PASSWORD })).toEqual(expected);
    const token = await tokenFor('grace@example.com');
    as(await t.send('reset_confirm', { token, password: NEW_PASSWORD }), 'step');
    expect(await t.send('reset_confirm', { token, password: `${NEW_PASSWORD}!` })).toEqual(expected);
  });

  it("rejects a password WorkOS's policy refuses, and the token still works after", async () => {
    const token = await tokenFor('grace@example.com');
    expect(await t.send('reset_confirm', { token, password: 'Password123!' })).toMatchObject({
      code: 'password_rejected',
      status: 422,
      problems: ['breached'],
    });
    as(await t.send('reset_confirm', { token, password: NEW_PASSWORD }), 'step');
  });
});
