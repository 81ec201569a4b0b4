/**
 * `POST /v1/admin/organizations`: one page of the WorkOS environment's organizations, for the
 * organization picker of wp-admin (WordPress never calls WorkOS itself).
 */
import type { ListOrganizationsOptions } from '@workos-inc/node';
import type { AdminOrganizationsOutcome, AdminOrganizationsRequest } from '../../protocol/admin.ts';
import { workosFailure, type AdminContext } from './context.ts';

/**
 * WorkOS's `GET /organizations` takes `search` (matched against names, see the OpenAPI spec),
 * but the SDK's options type does not name it yet; the SDK sends every option as a query
 * parameter, so it is passed through here rather than filtered page by page, which would break
 * the cursors.
 */
type ListOptions = ListOrganizationsOptions & { search?: string };

export async function listOrganizations(
  ctx: AdminContext,
  input: AdminOrganizationsRequest,
): Promise<AdminOrganizationsOutcome> {
  const options: ListOptions = { limit: input.limit ?? 100, order: 'asc' };
  if (input.after) options.after = input.after;
  const search = input.search?.trim();
  if (search) options.search = search;

  try {
    const page = await ctx.workos.organizations.listOrganizations(options);
    return {
      type: 'organizations',
      organizations: page.data.map(({ id, name }) => ({ id, name })),
      after: page.listMetadata.after ?? null,
    };
  } catch (error) {
    return workosFailure(ctx, 'listing organizations', error);
  }
}
