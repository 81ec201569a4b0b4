/**
 * `POST /v1/admin/user`: one WorkOS user, by id or by email, and its live membership in an
 * organization — for the Roles screen's dry-run preview and for re-syncing a WordPress user.
 * "No such user" is an answer (`user: null`); WorkOS being unreachable is an error, never a
 * made-up null, so no gate or role decision is taken on missing data.
 */
import { NotFoundException, type User } from '@workos-inc/node';
import type { AdminUserOutcome, AdminUserRequest } from '../../protocol/admin.ts';
import type { Identity, IdentityUser } from '../../protocol/messages.ts';
import { NO_ORGANIZATION, workosFailure, type AdminContext } from './context.ts';

export async function lookUpUser(ctx: AdminContext, input: AdminUserRequest): Promise<AdminUserOutcome> {
  let user: User | null;
  try {
    user = await findUser(ctx, input);
  } catch (error) {
    return workosFailure(ctx, 'user lookup', error);
  }
  if (!user || !input.organization_id) return { type: 'user', user: user && identityUser(user), membership: null };

  let membership: Identity['membership'] = null;
  try {
    const list = await ctx.workos.userManagement.listOrganizationMemberships({
      userId: user.id,
      organizationId: input.organization_id,
      statuses: ['active', 'inactive', 'pending'],
    });
    const found = list.data[0];
    if (found) membership = { role: found.role.slug, status: found.status };
  } catch (error) {
    // The user exists, so a 404 is the organization's: a misconfiguration the admin should see.
    if (error instanceof NotFoundException) return NO_ORGANIZATION;
    return workosFailure(ctx, 'membership lookup', error);
  }
  return { type: 'user', user: identityUser(user), membership };
}

async function findUser(ctx: AdminContext, input: AdminUserRequest): Promise<User | null> {
  if (input.user_id !== undefined) {
    try {
      return await ctx.workos.userManagement.getUser(input.user_id);
    } catch (error) {
      if (error instanceof NotFoundException) return null;
      throw error;
    }
  }
  // The schema guarantees exactly one of user_id and email.
  const page = await ctx.workos.userManagement.listUsers({ email: input.email!, limit: 1 });
  return page.data[0] ?? null;
}

function identityUser(user: User): IdentityUser {
  return {
    id: user.id,
    email: user.email,
    email_verified: user.emailVerified,
    first_name: user.firstName,
    last_name: user.lastName,
  };
}
