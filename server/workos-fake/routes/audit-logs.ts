import { z } from 'zod';
import type { FakeContext, RouteDef } from '../context.ts';
import { entityNotFound } from '../errors.ts';

/** Metadata as the spec bounds it: ≤ 50 keys of `[a-zA-Z0-9_-]{0,40}`, strings ≤ 500. */
const metadata = z
  .record(z.string().regex(/^[a-zA-Z0-9_-]{0,40}$/), z.union([z.string().max(500), z.number(), z.boolean()]))
  .refine((value) => Object.keys(value).length <= 50, 'at most 50 keys');
const entity = z.object({ id: z.string().min(1), type: z.string().min(1), name: z.string().optional() });

/** The required shape (a failure is a 422); metadata checked apart (a failure is a 400, like WorkOS's). */
const body = z.object({
  organization_id: z.string().min(1),
  event: z.object({
    action: z.string().min(1),
    occurred_at: z.iso.datetime({ offset: true }),
    version: z.number().int().optional(),
    actor: entity.extend({ metadata: z.unknown().optional() }),
    targets: z.array(entity.extend({ metadata: z.unknown().optional() })),
    context: z.object({ location: z.string().min(1), user_agent: z.string().optional() }),
    metadata: z.unknown().optional(),
  }),
});

type Event = z.infer<typeof body>['event'];

/** Where metadata breaks the spec's rules, as JSON paths (WorkOS's 400 `errors[].instancePath`). */
function badMetadata(event: Event): string[] {
  const places: Array<[string, unknown]> = [
    ['/metadata', event.metadata],
    ['/actor/metadata', event.actor.metadata],
    ...event.targets.map((t, i): [string, unknown] => [`/targets/${i}/metadata`, t.metadata]),
  ];
  return places.filter(([, value]) => value !== undefined && !metadata.safeParse(value).success).map(([p]) => p);
}

export function auditLogRoutes({ store }: FakeContext): RouteDef[] {
  return [
    {
      method: 'POST',
      path: '/audit_logs/events',
      auth: 'api_key',
      statuses: [200, 400, 404, 422],
      async handler(c) {
        const raw: unknown = await c.req.json().catch(() => null);
        const parsed = body.safeParse(raw, { reportInput: true });
        if (!parsed.success) {
          const errors = parsed.error.issues.map((issue) => ({
            code: issue.code === 'invalid_type' && issue.input === undefined ? 'required' : 'invalid',
            field: issue.path.join('.'),
          }));
          return c.json({ message: 'Validation failed.', errors }, 422);
        }
        const { organization_id: organizationId, event } = parsed.data;
        if (!store.organizations.has(organizationId)) {
          return c.json(entityNotFound('Organization', organizationId), 404);
        }
        const invalid = badMetadata(event);
        if (invalid.length > 0) {
          return c.json(
            {
              message: 'Invalid Audit Log event.',
              code: 'invalid_audit_log_event',
              errors: invalid.map((instancePath) => ({ instancePath })),
            },
            400,
          );
        }
        store.recordAuditEvent({
          organization_id: organizationId,
          idempotency_key: c.req.header('idempotency-key') ?? null,
          event: (raw as { event: Record<string, unknown> }).event,
        });
        return c.json({ success: true }, 200);
      },
    },
  ];
}
