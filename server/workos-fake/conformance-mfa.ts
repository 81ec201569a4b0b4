import type { WorkOSFake } from './app.ts';
import { NO_ID, row, type Case } from './conformance-cases.ts';
import { addFactor, challengeFactor, MAX_CHALLENGE_ATTEMPTS } from './mfa/factors.ts';
import { currentStep, newTotpSecret, totpCode } from './mfa/totp.ts';
import { MULTI_STEP_ANSWERS, type PendingBase } from './multi-step.ts';

/** Test support: rows for MFA routes and the mfa-totp grant (conformance.test.ts). */
export function buildMfaCases(fake: WorkOSFake): Case[] {
  const { store } = fake;
  const enroll = row('POST', '/user_management/users/{userlandUserId}/auth_factors');
  const list = row('GET', '/user_management/users/{userlandUserId}/auth_factors');
  const challenge = row('POST', '/auth/factors/{id}/challenge');
  const verify = row('POST', '/auth/challenges/{id}/verify');
  const auth = row('POST', '/user_management/authenticate');
  const notFound = { method: 'GET', path: '/user_management/users/{id}', status: 404, why: 'no 404 documented' };

  let n = 0;
  const user = () => store.createUser({ email: `mfa-${++n}@example.com`, emailVerified: true, passwordHash: null });
  const totpFactor = (userId: string) =>
    addFactor(store, {
      user_id: userId,
      type: 'totp',
      secret: newTotpSecret(),
      issuer: 'Test',
      account: 'x',
      phone_number: null,
    });
  const smsFactor = (userId: string) =>
    addFactor(store, {
      user_id: userId,
      type: 'sms',
      secret: null,
      issuer: '',
      account: '',
      phone_number: '+15555550100',
    });
  const codeOf = (secret: string | null) => totpCode(secret!, currentStep());
  const factorsPath = (id: string) => `/user_management/users/${id}/auth_factors`;

  const owner = user();
  const totp = totpFactor(owner.wire.id);
  const sms = smsFactor(owner.wire.id);
  const spent = challengeFactor(store, totp);
  spent.failed_attempts = MAX_CHALLENGE_ATTEMPTS;
  const expired = challengeFactor(store, sms);
  expired.expires_at = new Date(0).toISOString();

  const client = { client_id: fake.clientId, client_secret: fake.apiKey };
  const base: PendingBase = { method: 'Password', ip_address: null, user_agent: null };
  const TOTP = 'urn:workos:oauth:grant-type:mfa-totp';
  /** A pending mfa_challenge of a fresh user with a TOTP factor, a challenge of it and the current code. */
  const challenged = () => {
    const u = user();
    const factor = totpFactor(u.wire.id);
    const answer = MULTI_STEP_ANSWERS.mfa_challenge(store, u, base);
    const token = (answer.body as { pending_authentication_token: string }).pending_authentication_token;
    const ch = challengeFactor(store, factor);
    return { pending_authentication_token: token, authentication_challenge_id: ch.id, code: codeOf(factor.secret) };
  };
  const grant = (fields: Record<string, unknown>) => ({ body: { grant_type: TOTP, ...client, ...fields } });
  const A = '/user_management/authenticate';

  return [
    enroll('factors: enroll TOTP', 201, factorsPath(user().wire.id), { body: { type: 'totp', totp_issuer: 'Demo' } }),
    enroll('factors: enroll SMS (fake extension)', 201, factorsPath(user().wire.id), {
      body: { type: 'sms', phone_number: '+15555550199' },
    }),
    enroll('factors: enroll for an unknown user', 404, factorsPath(`user_${NO_ID}`), {
      body: { type: 'totp' },
      closest: notFound,
    }),
    enroll('factors: enroll an unknown type', 422, factorsPath(owner.wire.id), { body: { type: 'webauthn' } }),
    list('factors: list', 200, factorsPath(owner.wire.id)),
    list('factors: list for an unknown user', 404, factorsPath(`user_${NO_ID}`), { closest: notFound }),
    list('factors: bad limit', 422, `${factorsPath(owner.wire.id)}?limit=0`),
    challenge('challenge: TOTP', 201, `/auth/factors/${totp.id}/challenge`, { body: {} }),
    challenge('challenge: SMS', 201, `/auth/factors/${sms.id}/challenge`, { body: { sms_template: 'Code {{code}}' } }),
    challenge('challenge: unknown factor', 404, `/auth/factors/auth_factor_${NO_ID}/challenge`, { body: {} }),
    challenge('challenge: bad template', 422, `/auth/factors/${totp.id}/challenge`, { body: { sms_template: 5 } }),
    verify('verify: right code', 201, `/auth/challenges/${challengeFactor(store, totp).id}/verify`, {
      body: { code: codeOf(totp.secret) },
    }),
    verify('verify: wrong code', 201, `/auth/challenges/${challengeFactor(store, sms).id}/verify`, {
      body: { code: '000000' },
    }),
    verify('verify: too many attempts', 400, `/auth/challenges/${spent.id}/verify`, { body: { code: '000000' } }),
    verify('verify: unknown challenge', 404, `/auth/challenges/auth_challenge_${NO_ID}/verify`, {
      body: { code: '000000' },
    }),
    verify('verify: no code', 422, `/auth/challenges/${spent.id}/verify`, { body: {} }),
    verify('verify: expired SMS challenge', 422, `/auth/challenges/${expired.id}/verify`, { body: { code: '1' } }),

    auth('mfa-totp: right code', 200, A, grant(challenged())),
    auth('mfa-totp: wrong code', 400, A, grant({ ...challenged(), code: '000000' })),
    auth(
      'mfa-totp: another user’s challenge',
      400,
      A,
      grant({ ...challenged(), authentication_challenge_id: spent.id }),
    ),
    auth('mfa-totp: unknown pending token', 400, A, grant({ ...challenged(), pending_authentication_token: 'nope' })),
    auth('mfa-totp: no challenge id', 422, A, grant({ code: '123456', pending_authentication_token: 'x' })),
  ];
}
