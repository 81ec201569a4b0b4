/**
 * `POST /v1/admin/roles`: the roles an organization's members can have (the environment's and its
 * own, in WorkOS's priority order), for the role-mapping screen.
 */
import { NotFoundException } from '@workos-inc/node';
import type { AdminRolesOutcome, AdminRolesRequest } from '../../protocol/admin.ts';
import { NO_ORGANIZATION, workosFailure, type AdminContext } from './context.ts';

export async function listRoles(ctx: AdminContext, input: AdminRolesRequest): Promise<AdminRolesOutcome> {
  try {
    const list = await ctx.workos.authorization.listOrganizationRoles(input.organization_id);
    return { type: 'roles', roles: list.data.map(({ slug, name }) => ({ slug, name })) };
  } catch (error) {
    if (error instanceof NotFoundException) {
      return NO_ORGANIZATION;
    }
    return workosFailure(ctx, 'listing roles', error);
  }
}
