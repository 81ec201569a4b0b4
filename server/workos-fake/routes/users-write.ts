import type { Context } from 'hono';
import { z } from 'zod';
import type { FakeContext, RouteDef } from '../context.ts';
import { entityNotFound, invalidParameters } from '../errors.ts';
import { PASSWORD_STRENGTH_MESSAGE, passwordProblems } from '../password-policy.ts';
import { hashPassword } from '../passwords.ts';
import type { FakeStore } from '../store.ts';

const name = z.string().max(256).nullable().optional();
const createBody = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(1024).nullable().optional(),
  first_name: name,
  last_name: name,
  email_verified: z.boolean().nullable().optional(),
});
const updateBody = z.object({
  email: z.email().max(320).optional(),
  password: z.string().min(1).max(1024).optional(),
  first_name: z.string().max(256).optional(),
  last_name: z.string().max(256).optional(),
  email_verified: z.boolean().optional(),
  locale: z.string().max(35).nullable().optional(),
});

async function read<T>(c: Context, schema: z.ZodType<T>): Promise<T | null> {
  const parsed = schema.safeParse(await c.req.json().catch(() => null));
  return parsed.success ? parsed.data : null;
}

/** A refused password: WorkOS's 400 with one `errors` entry per broken rule (password-policy.ts). */
function strengthError(password: string) {
  const errors = passwordProblems(password);
  return errors.length ? { code: 'password_strength_error', message: PASSWORD_STRENGTH_MESSAGE, errors } : null;
}

function emailTaken(store: FakeStore, email: string, except?: string): boolean {
  const owner = store.findUserByEmail(email);
  return owner !== undefined && owner.wire.id !== except;
}

const NOT_AVAILABLE = { code: 'email_not_available', message: 'This email is not available.' };

/**
 * Creating and updating users. A user created without `email_verified: true` answers
 * `email_verification_required` when signing in, until verified (flow.ts).
 */
export function userWriteRoutes({ store }: FakeContext): RouteDef[] {
  return [
    {
      method: 'POST',
      path: '/user_management/users',
      auth: 'api_key',
      statuses: [201, 400, 422],
      async handler(c) {
        const body = await read(c, createBody);
        if (!body) return c.json(invalidParameters('Validation failed: email must be a valid email address.'), 422);
        if (emailTaken(store, body.email)) {
          return c.json(
            { code: 'user_creation_error', message: 'Could not create the user.', errors: [NOT_AVAILABLE] },
            400,
          );
        }
        const refused = body.password ? strengthError(body.password) : null;
        if (refused) return c.json(refused, 400);
        const user = store.createUser({
          email: body.email,
          firstName: body.first_name ?? null,
          lastName: body.last_name ?? null,
          emailVerified: body.email_verified === true,
          passwordHash: body.password ? await hashPassword(body.password) : null,
        });
        return c.json(user.wire, 201);
      },
    },
    {
      method: 'PUT',
      path: '/user_management/users/{id}',
      auth: 'api_key',
      statuses: [200, 400, 404, 422],
      async handler(c) {
        const id = c.req.param('id')!;
        const user = store.users.get(id);
        if (!user) return c.json(entityNotFound('User', id), 404);
        const body = await read(c, updateBody);
        if (!body) return c.json(invalidParameters('Validation failed: check the fields’ types.'), 422);
        if (body.email !== undefined && emailTaken(store, body.email, id)) return c.json(NOT_AVAILABLE, 400);
        const refused = body.password !== undefined ? strengthError(body.password) : null;
        if (refused) return c.json(refused, 400);

        if (body.password !== undefined) user.passwordHash = await hashPassword(body.password);
        const { password: _password, email, ...fields } = body;
        user.wire = {
          ...user.wire,
          ...fields,
          ...(email !== undefined ? { email: email.toLowerCase() } : {}),
          updated_at: new Date().toISOString(),
        };
        if (body.email_verified === true) store.markEmailVerified(user);
        return c.json(user.wire, 200);
      },
    },
  ];
}
