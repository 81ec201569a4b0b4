/**
 * `POST /v1/audit/event`: forwards one WordPress audit event to WorkOS Audit Logs. WordPress sends
 * it off the sign-in's critical path and retries on any error outcome; its audit row id is the
 * idempotency key, so a retry never records the event twice.
 */
import type { CreateAuditLogEventOptions } from '@workos-inc/node';
import type { AuditForwardOutcome, AuditForwardRequest } from '../../protocol/admin.ts';
import { workosFailure, type AdminContext } from './context.ts';

export async function forwardAuditEvent(ctx: AdminContext, input: AuditForwardRequest): Promise<AuditForwardOutcome> {
  try {
    await ctx.workos.auditLogs.createEvent(input.organization_id, toSdkEvent(input.event), {
      idempotencyKey: input.idempotency_key,
    });
    return { type: 'audit_forwarded' };
  } catch (error) {
    return workosFailure(ctx, 'audit forwarding', error);
  }
}

export function toSdkEvent(event: AuditForwardRequest['event']): CreateAuditLogEventOptions {
  const { user_agent: userAgent, location } = event.context;
  return {
    action: event.action,
    occurredAt: new Date(event.occurred_at),
    actor: event.actor,
    targets: event.targets,
    context: { location, ...(userAgent !== undefined ? { userAgent } : {}) },
    ...(event.metadata ? { metadata: event.metadata } : {}),
  };
}
