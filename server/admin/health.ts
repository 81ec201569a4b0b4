/**
 * `POST /v1/admin/health`: what WordPress's Site Health and Diagnostics screen need from this
 * side — the server's clock, whether WorkOS accepts the API key (a real authenticated call, not a
 * URL built locally), and whether the site organization exists. WorkOS being down is reported in
 * the fields, never as an error: diagnostics must work best when things are broken.
 */
import { NotFoundException, UnauthorizedException } from '@workos-inc/node';
import type { AdminHealthRequest, HealthOutcome } from '../../protocol/admin.ts';
import { workosStatus, type AdminContext } from './context.ts';

type WorkOSCheck = Pick<HealthOutcome['workos'], 'ok' | 'error'>;
type OrganizationCheck = HealthOutcome['organization'];

export async function checkHealth(ctx: AdminContext, input: AdminHealthRequest): Promise<HealthOutcome> {
  const serverTime = (ctx.now ?? Date.now)();
  const id = input.organization_id;
  const [workos, organization] = await Promise.all([checkApiKey(ctx), id ? checkOrganization(ctx, id) : null]);
  return {
    type: 'health',
    server_time: serverTime,
    workos: {
      ...workos,
      api_host: new URL(ctx.workos.baseURL).host,
      api_key_last4: last4(ctx.workos.key),
      client_id: ctx.clientId || null,
    },
    // An organization looked up with a key WorkOS refuses proves nothing either way.
    organization: workos.ok && organization ? organization : { status: 'unchecked', id, name: null },
  };
}

/** The cheapest call that needs a valid key: one organization. */
async function checkApiKey(ctx: AdminContext): Promise<WorkOSCheck> {
  try {
    await ctx.workos.organizations.listOrganizations({ limit: 1 });
    return { ok: true, error: null };
  } catch (error) {
    const status = workosStatus(error);
    ctx.log.warn('health: WorkOS check failed', { status });
    if (error instanceof UnauthorizedException || status === 401 || status === 403) {
      return { ok: false, error: 'WorkOS rejected the API key' };
    }
    if (status === 429) return { ok: false, error: 'WorkOS rate limit reached' };
    if (status === null || status === 408 || status >= 500) return { ok: false, error: 'WorkOS could not be reached' };
    return { ok: false, error: `WorkOS answered HTTP ${status}` };
  }
}

async function checkOrganization(ctx: AdminContext, id: string): Promise<OrganizationCheck> {
  try {
    const organization = await ctx.workos.organizations.getOrganization(id);
    return { status: 'found', id, name: organization.name };
  } catch (error) {
    if (error instanceof NotFoundException) return { status: 'missing', id, name: null };
    return { status: 'unchecked', id, name: null };
  }
}

/** Enough to tell two keys apart on a screen; a key too short to hide anything shows nothing. */
function last4(key: string | undefined): string | null {
  return key && key.length >= 12 ? key.slice(-4) : null;
}
