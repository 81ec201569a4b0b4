/**
 * `POST /v1/admin/health`: what WordPress's Site Health and Diagnostics screen need from this
 * side — the server's clock, whether WorkOS accepts the API key (a real authenticated call, not a
 * URL built locally), and whether the site organization exists. WorkOS being down, failing or too
 * slow for the request's budget is reported in the fields, never as an error: diagnostics must
 * work best when things are broken.
 */
import { NotFoundException } from '@workos-inc/node';
import type { AdminHealthRequest, HealthOutcome } from '../../protocol/admin.ts';
import { classifyWorkOSError, failureFields, type WorkOSFailure } from '../workos-failure.ts';
import type { AdminContext } from './context.ts';

type WorkOSCheck = Pick<HealthOutcome['workos'], 'ok' | 'error'>;
type OrganizationCheck = HealthOutcome['organization'];

/** Said when the request's budget ran out before WorkOS answered (also the route's late answer). */
export const TOO_SLOW = 'WorkOS did not answer in time';

export async function checkHealth(ctx: AdminContext, input: AdminHealthRequest): Promise<HealthOutcome> {
  const serverTime = (ctx.now ?? Date.now)();
  const id = input.organization_id;
  const [workos, organization] = await Promise.all([checkApiKey(ctx), id ? checkOrganization(ctx, id) : null]);
  return healthOutcome(ctx, serverTime, id, workos, organization);
}

/** The answer when the budget ran out first: WorkOS failing, the organization unchecked. */
export function lateHealth(ctx: AdminContext, input: AdminHealthRequest): HealthOutcome {
  return healthOutcome(ctx, (ctx.now ?? Date.now)(), input.organization_id, { ok: false, error: TOO_SLOW }, null);
}

function healthOutcome(
  ctx: AdminContext,
  serverTime: number,
  id: string | null,
  workos: WorkOSCheck,
  organization: OrganizationCheck | null,
): HealthOutcome {
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
    const failure = classifyWorkOSError(error);
    ctx.log.warn('health: WorkOS check failed', failureFields(failure));
    return { ok: false, error: reason(failure) };
  }
}

function reason(failure: WorkOSFailure): string {
  switch (failure.kind) {
    case 'unauthorized':
      return 'WorkOS rejected the API key';
    case 'rate_limited':
      return 'WorkOS rate limit reached';
    case 'outage':
      return failure.reason === 'deadline' ? TOO_SLOW : 'WorkOS could not be reached';
    default:
      // 403: a key WorkOS knows but will not let list organizations.
      return failure.status === 403 ? 'WorkOS rejected the API key' : `WorkOS answered HTTP ${failure.status}`;
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
