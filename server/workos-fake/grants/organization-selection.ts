import { z } from 'zod';
import { oauthError } from '../errors.ts';
import { proceed, type Method } from '../flow.ts';
import { clientFields, INVALID_PENDING, invalidBody, token } from './common.ts';
import type { Grant } from './grant.ts';

const body = z.object({
  pending_authentication_token: token,
  organization_id: z.string().min(1).max(100),
  ...clientFields,
});

/**
 * grant_type `urn:workos:oauth:grant-type:organization-selection`: the pending token of an
 * `organization_selection_required` answer and one of the organizations it offered.
 */
export const organizationSelectionGrant: Grant = {
  needsClientSecret: true,
  async handle({ fake, body: raw, origin }) {
    const parsed = body.safeParse(raw);
    if (!parsed.success) return invalidBody('pending_authentication_token and organization_id are required');
    const { store } = fake;
    const found = store.pendingUser(parsed.data.pending_authentication_token, ['organization_selection_required']);
    if (!found) return INVALID_PENDING;
    const { pending, user } = found;
    const organizationId = parsed.data.organization_id;
    if (!store.organizations.has(organizationId)) {
      return { status: 400, body: oauthError('organization_not_found', 'The organization was not found.') };
    }
    if (!pending.organization_ids.includes(organizationId)) {
      return {
        status: 400,
        body: oauthError('organization_membership_not_found', 'The user is not a member of that organization.'),
      };
    }

    store.pending.delete(pending.token);
    return proceed(fake, {
      user,
      method: pending.method as Method,
      origin,
      ipAddress: parsed.data.ip_address ?? pending.ip_address,
      userAgent: parsed.data.user_agent ?? pending.user_agent,
      after: 'organization',
      organizationId,
    });
  },
};
