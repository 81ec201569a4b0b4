import type { Context } from 'hono';
import { z } from 'zod';
import type { FakeContext, RouteDef } from '../context.ts';
import { entityNotFound } from '../errors.ts';
import {
  addFactor,
  challengeFactor,
  challengeWire,
  checkChallengeCode,
  DEFAULT_TOTP_ISSUER,
  enrolledFactorWire,
  factorsOf,
  factorWire,
} from '../mfa/factors.ts';
import { newTotpSecret } from '../mfa/totp.ts';
import { isListQuery, paginate, parseListQuery } from '../pagination.ts';

/**
 * `type: 'sms'` with `phone_number` is the fake's extension: WorkOS's user-management endpoint
 * (and SDK 11's createUserAuthFactor) enrol TOTP only; the login server may POST it directly.
 */
const enrollBody = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('totp'),
    totp_issuer: z.string().min(1).max(100).optional(),
    totp_user: z.string().min(1).max(320).optional(),
    totp_secret: z
      .string()
      .regex(/^[A-Z2-7]{16,128}$/)
      .optional(),
  }),
  z.object({ type: z.literal('sms'), phone_number: z.string().regex(/^\+[1-9]\d{6,14}$/) }),
]);
const challengeBody = z.object({ sms_template: z.string().max(500).optional() });
const verifyBody = z.object({ code: z.string().min(1).max(32) });

const json = (c: Context) => c.req.json().catch(() => null);

export function mfaRoutes({ store }: FakeContext): RouteDef[] {
  const FACTORS = '/user_management/users/{userlandUserId}/auth_factors';
  return [
    {
      method: 'POST',
      path: FACTORS,
      auth: 'api_key',
      statuses: [201, 404, 422],
      async handler(c) {
        const id = c.req.param('userlandUserId')!;
        const user = store.users.get(id);
        if (!user) return c.json(entityNotFound('User', id), 404);
        const parsed = enrollBody.safeParse(await json(c));
        if (!parsed.success)
          return c.json({ message: 'Validation failed: type must be totp (or sms with phone_number).' }, 422);
        const body = parsed.data;
        const totp = body.type === 'totp';
        const factor = addFactor(store, {
          user_id: id,
          type: body.type,
          secret: totp ? (body.totp_secret ?? newTotpSecret()) : null,
          issuer: (totp && body.totp_issuer) || DEFAULT_TOTP_ISSUER,
          account: (totp && body.totp_user) || user.wire.email,
          phone_number: totp ? null : body.phone_number,
        });
        const challenge = challengeFactor(store, factor);
        return c.json(
          {
            authentication_factor: await enrolledFactorWire(factor),
            authentication_challenge: challengeWire(challenge),
          },
          201,
        );
      },
    },
    {
      method: 'GET',
      path: FACTORS,
      auth: 'api_key',
      statuses: [200, 404, 422],
      handler(c) {
        const id = c.req.param('userlandUserId')!;
        if (!store.users.has(id)) return c.json(entityNotFound('User', id), 404);
        const query = parseListQuery((name) => c.req.query(name));
        if (!isListQuery(query)) return c.json(query, 422);
        const page = paginate(factorsOf(store, id), query);
        return c.json({ ...page, data: page.data.map(factorWire) }, 200);
      },
    },
    {
      method: 'POST',
      path: '/auth/factors/{id}/challenge',
      auth: 'api_key',
      statuses: [201, 404, 422],
      async handler(c) {
        const id = c.req.param('id')!;
        const factor = store.factors.get(id);
        if (!factor) return c.json(entityNotFound('Authentication factor', id), 404);
        if (!challengeBody.safeParse((await json(c)) ?? {}).success) {
          return c.json({ message: 'Validation failed: sms_template must be a string.' }, 422);
        }
        return c.json(challengeWire(challengeFactor(store, factor)), 201);
      },
    },
    {
      method: 'POST',
      path: '/auth/challenges/{id}/verify',
      auth: 'api_key',
      statuses: [201, 400, 404, 422],
      async handler(c) {
        const id = c.req.param('id')!;
        const challenge = store.challenges.get(id);
        if (!challenge) return c.json(entityNotFound('Authentication challenge', id), 404);
        const parsed = verifyBody.safeParse(await json(c));
        if (!parsed.success) return c.json({ message: 'Validation failed: code is required.' }, 422);
        const checked = checkChallengeCode(store, challenge, parsed.data.code);
        switch (checked) {
          case 'valid':
          case 'invalid':
            return c.json({ challenge: challengeWire(challenge), valid: checked === 'valid' }, 201);
          case 'too_many_attempts':
            return c.json(
              { code: 'one_time_code_too_many_attempts', message: 'Too many attempts: challenge again.' },
              400,
            );
          case 'expired':
            return c.json({ code: 'authentication_challenge_expired', message: 'The challenge has expired.' }, 422);
          case 'already_verified':
            return c.json(
              { code: 'authentication_challenge_previously_verified', message: 'The challenge was already verified.' },
              422,
            );
        }
      },
    },
  ];
}
