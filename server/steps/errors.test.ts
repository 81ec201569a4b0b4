import {
  AuthenticationException,
  GenericServerException,
  NotFoundException,
  OauthException,
  RateLimitExceededException,
  UnauthorizedException,
} from '@workos-inc/node';
import { describe, expect, it } from 'vitest';
import { mapWorkOSError } from './errors.ts';
import type { Continuation } from './flow.ts';
import { INVALID_CODE, INVALID_CREDENTIALS } from './outcomes.ts';
import { CONTEXT, PROFILE, profileWith, stepContext, stubWorkOS } from './test-support.ts';

const user = { object: 'user', id: 'user_1', email: 'sam@example.com' };
const multi = (code: string, extra: Record<string, unknown> = {}) =>
  new AuthenticationException(
    403,
    { code, message: 'x', pending_authentication_token: 'pat_secret', user, ...extra } as never,
    'r',
  );

function cont(overrides: Partial<Continuation> = {}): Continuation {
  return {
    profile: PROFILE,
    context: CONTEXT,
    state: { email: 'sam@example.com', user_id: null, method: 'password' },
    refusal: INVALID_CREDENTIALS,
    ...overrides,
  };
}

describe('mapWorkOSError', () => {
  it('turns email_verification_required into email_verify, the pending token sealed', async () => {
    const ctx = stepContext(stubWorkOS({}));
    const outcome = await mapWorkOSError(
      ctx,
      cont(),
      multi('email_verification_required', { email: 'sam@example.com' }),
    );
    expect(outcome).toMatchObject({ type: 'step', step: 'email_verify', data: { email: 'sam@example.com' } });
    if (outcome.type !== 'step') throw new Error('unreachable');
    expect(JSON.stringify(outcome)).not.toContain('pat_secret');
    const { data } = ctx.sealer.unseal<Record<string, unknown>>(outcome.flow, {
      purpose: 'email_verify',
      profile: 'default',
    });
    expect(data).toMatchObject({ pending_authentication_token: 'pat_secret', user_id: 'user_1', method: 'password' });
  });

  it('takes the email from WorkOS when the step had none (callback)', async () => {
    const ctx = stepContext(stubWorkOS({}));
    const empty = cont({ state: { email: '', user_id: null, method: 'oauth_google' } });
    expect(await mapWorkOSError(ctx, empty, multi('email_verification_required'))).toMatchObject({
      data: { email: 'sam@example.com' },
    });
  });

  it('turns mfa_enrollment into mfa_enroll with the allowed types', async () => {
    const ctx = stepContext(stubWorkOS({}));
    expect(await mapWorkOSError(ctx, cont(), multi('mfa_enrollment'))).toMatchObject({
      step: 'mfa_enroll',
      data: { types: ['totp', 'sms'] },
    });
  });

  it('turns mfa_challenge with several factors into the picker', async () => {
    const ctx = stepContext(stubWorkOS({}));
    const factors = [
      { id: 'auth_factor_T', type: 'totp' },
      { id: 'auth_factor_S', type: 'sms', sms: { phone_number: '+15555550123' } },
    ];
    expect(
      await mapWorkOSError(ctx, cont(), multi('mfa_challenge', { authentication_factors: factors })),
    ).toMatchObject({
      step: 'mfa_challenge',
      data: {
        factors: [
          { id: 'auth_factor_T', type: 'totp', label: null },
          { id: 'auth_factor_S', type: 'sms', label: '0123' },
        ],
      },
    });
  });

  it('turns organization_selection_required into org_select, or refuses outside a pinned organization', async () => {
    const ctx = stepContext(stubWorkOS({}));
    const organizations = [
      { id: 'org_A', name: 'A' },
      { id: 'org_B', name: 'B' },
    ];
    const error = multi('organization_selection_required', { organizations });
    expect(await mapWorkOSError(ctx, cont(), error)).toMatchObject({ step: 'org_select', data: { organizations } });
    const pinned = profileWith({ organization_id: 'org_C', organization_pinned: true });
    expect(await mapWorkOSError(ctx, cont({ profile: pinned }), error)).toMatchObject({
      code: 'organization_refused',
      status: 403,
    });
  });

  it('sends sso_required to the first connection, with the browser bound', async () => {
    const ctx = stepContext(stubWorkOS({}));
    const sso = new AuthenticationException(
      400,
      { error: 'sso_required', error_description: 'x', connection_ids: ['conn_1', 'conn_2'] } as never,
      'r',
    );
    const outcome = await mapWorkOSError(ctx, cont(), sso);
    expect(outcome.type).toBe('redirect');
    if (outcome.type !== 'redirect') throw new Error('unreachable');
    expect(new URL(outcome.url).searchParams.get('connection_id')).toBe('conn_1');
    const unbound = cont({ context: { ...CONTEXT, browser: '' } });
    expect(await mapWorkOSError(ctx, unbound, sso)).toMatchObject({ code: 'invalid_request' });
  });

  it('refuses multi-step answers it cannot continue', async () => {
    const ctx = stepContext(stubWorkOS({}));
    const radar = multi('radar_sms_challenge');
    expect(await mapWorkOSError(ctx, cont(), radar)).toMatchObject({ code: 'sign_in_refused', status: 403 });
  });

  it('collapses every refusal into the step’s one answer', async () => {
    const ctx = stepContext(stubWorkOS({}));
    const refusals = [
      new GenericServerException(400, 'Invalid credentials', { code: 'invalid_credentials' }, 'r'),
      new OauthException(400, 'r', 'invalid_grant', 'The code is invalid', {}),
      new NotFoundException({ path: '/x', requestID: 'r' }),
    ];
    for (const error of refusals) {
      expect(await mapWorkOSError(ctx, cont(), error)).toEqual(INVALID_CREDENTIALS);
      expect(await mapWorkOSError(ctx, cont({ refusal: INVALID_CODE }), error)).toEqual(INVALID_CODE);
    }
  });

  it('maps the rest: used pending token, rate limit, bad API key, outage', async () => {
    const ctx = stepContext(stubWorkOS({}));
    const used = new GenericServerException(400, 'x', { code: 'invalid_pending_authentication_token' }, 'r');
    expect(await mapWorkOSError(ctx, cont(), used)).toMatchObject({ code: 'flow_expired', status: 400 });
    expect(await mapWorkOSError(ctx, cont(), new RateLimitExceededException('x', 'r', 1))).toMatchObject({
      code: 'rate_limited',
      status: 429,
    });
    expect(await mapWorkOSError(ctx, cont(), new UnauthorizedException('r'))).toMatchObject({
      code: 'internal_error',
      status: 500,
    });
    expect(await mapWorkOSError(ctx, cont(), new TypeError('fetch failed'))).toMatchObject({
      code: 'workos_unavailable',
      status: 503,
      retry_after: 30,
    });
  });

  it('never blames the visitor for a slow or failing WorkOS', async () => {
    const lines: string[] = [];
    const ctx = stepContext(stubWorkOS({}), lines);
    const outages = [
      // The SDK's own timeout: a 4xx status, yet nobody's wrong password.
      new OauthException(408, 'r', 'Request timeout', undefined, {}),
      new GenericServerException(502, 'Bad Gateway', {}, 'r'),
    ];
    for (const error of outages) {
      expect(await mapWorkOSError(ctx, cont(), error)).toEqual({
        type: 'error',
        code: 'workos_unavailable',
        message: 'WorkOS could not be reached.',
        status: 503,
        retry_after: 30,
      });
    }
    expect(await mapWorkOSError(ctx, cont(), new RateLimitExceededException('x', 'r', null))).toMatchObject({
      code: 'rate_limited',
      retry_after: 60,
    });
    expect(lines.filter((line) => line.includes('"level":"warn"'))).toHaveLength(3);
    expect(lines.join('\n')).not.toContain('sam@example.com');
  });
});
