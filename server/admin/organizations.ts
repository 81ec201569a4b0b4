/**
 * `POST /v1/admin/organizations`: one page of the WorkOS environment's organizations, for the
 * organization picker of wp-admin (WordPress never calls WorkOS itself).
 */
import { UnauthorizedException, type ListOrganizationsOptions, type WorkOS } from '@workos-inc/node';
import type { AdminOrganizationsOutcome, AdminOrganizationsRequest } from '../../protocol/admin.ts';
import type { Logger } from '../log.ts';
import { errorOutcome } from '../steps/errors.ts';

export interface AdminContext {
  workos: WorkOS;
  log: Logger;
}

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
    if (error instanceof UnauthorizedException) {
      ctx.log.error('WorkOS rejected the API key: check WORKOS_API_KEY');
      return errorOutcome('internal_error', 500, 'The login server is misconfigured.');
    }
    ctx.log.warn('listing organizations failed', { error });
    return errorOutcome('workos_unavailable', 503, 'WorkOS could not be reached.');
  }
}
