/**
 * Fault injection (test-only): WorkOS slow, failing, rate limiting, resetting connections or
 * hanging, on chosen API paths, so tests see what the login server and WordPress do then.
 *
 * - `POST /_fake/faults` `{ rules: [...] }` replaces the rules (422 on a bad body);
 *   `DELETE /_fake/faults` clears them; `GET /_fake/faults` lists them with what each did so far.
 * - A rule: `{ match?, method?, action, delay_ms?, status?, retry_after?, times? }`; the first rule
 *   matching a request applies. `match` is a path prefix (default: every API path), `times` the
 *   number of matching requests it still applies to (default: every one).
 * - `delay`: answer normally after `delay_ms`; `status`: answer `status` with a WorkOS-shaped body
 *   (and `Retry-After` when given); `reset`: close the connection without an answer; `hang`: never
 *   answer, until the client gives up or the rules change (which releases hung requests as resets,
 *   so the fake can stop cleanly).
 * - `/_fake/*` and `/health` are never affected.
 *
 * Waiting goes through an injectable `sleep`, so tests run with fake timers.
 */
import type { IncomingMessage } from 'node:http';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { z } from 'zod';

export type Sleep = (ms: number) => Promise<void>;

const common = {
  match: z.string().startsWith('/').max(200).optional(),
  method: z
    .string()
    .regex(/^[A-Za-z]{3,7}$/)
    .transform((m) => m.toUpperCase())
    .optional(),
  times: z.int().min(1).max(100_000).optional(),
};

export const faultRuleSchema = z.discriminatedUnion('action', [
  z.strictObject({ ...common, action: z.literal('delay'), delay_ms: z.int().min(0).max(600_000) }),
  z.strictObject({
    ...common,
    action: z.literal('status'),
    status: z.int().min(400).max(599),
    retry_after: z.int().min(0).max(86_400).optional(),
  }),
  z.strictObject({ ...common, action: z.literal('reset') }),
  z.strictObject({ ...common, action: z.literal('hang') }),
]);

export const faultsBodySchema = z.strictObject({ rules: z.array(faultRuleSchema).max(50) });

export type FaultRule = z.infer<typeof faultRuleSchema>;

/** A rule as listed: `times` counts down; `hits` is how many requests it has affected. */
export type ActiveFault = FaultRule & { hits: number };

const BODIES: Record<number, { code: string; message: string }> = {
  429: { code: 'rate_limit_exceeded', message: 'Rate limit exceeded.' },
  500: { code: 'server_error', message: 'Internal Server Error' },
  502: { code: 'bad_gateway', message: 'Bad Gateway' },
  503: { code: 'service_unavailable', message: 'Service Unavailable' },
  504: { code: 'gateway_timeout', message: 'Gateway Timeout' },
};

/** What a connection reset looks like to a caller of `fetch` (undici's shape). */
export function connectionReset(): TypeError {
  const socket = Object.assign(new Error('other side closed'), { code: 'ECONNRESET' });
  return new TypeError('fetch failed', { cause: socket });
}

export class Faults {
  private rules: ActiveFault[] = [];
  private release!: () => void;
  private released!: Promise<void>;
  /** Answers standing for a reset connection, for the in-process `fetch` to turn into one. */
  private readonly resets = new WeakSet<Response>();
  private readonly sleep: Sleep;

  constructor(sleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))) {
    this.sleep = sleep;
    this.rearm();
  }

  list(): ActiveFault[] {
    return this.rules.map((rule) => ({ ...rule }));
  }

  /** Replaces the rules (none: clears them); hung requests are let go either way. */
  set(rules: FaultRule[]): void {
    this.rules = rules.map((rule) => ({ ...rule, hits: 0 }));
    this.release();
    this.rearm();
  }

  isReset(response: Response): boolean {
    return this.resets.has(response);
  }

  /** Applies the first matching rule, if any, before the fake's own routes. */
  middleware(): MiddlewareHandler {
    return async (c, next) => {
      const rule = this.take(c.req.method, c.req.path);
      if (!rule) return next();
      const { signal } = c.req.raw;
      switch (rule.action) {
        case 'delay':
          await Promise.race([this.sleep(rule.delay_ms), aborted(signal)]);
          // A client that gave up gets nothing, as from a real server.
          return signal.aborted ? this.reset(c) : next();
        case 'status': {
          const body = BODIES[rule.status] ?? { code: 'fault_injected', message: `Injected HTTP ${rule.status}.` };
          if (rule.retry_after !== undefined) c.header('Retry-After', String(rule.retry_after));
          return c.json(body, rule.status as 500);
        }
        case 'hang':
          await Promise.race([this.released, aborted(signal)]);
          return this.reset(c);
        case 'reset':
          return this.reset(c);
      }
    };
  }

  private take(method: string, path: string): ActiveFault | null {
    if (path.startsWith('/_fake/') || path === '/health') return null;
    const rule = this.rules.find(
      (r) => (r.match === undefined || path.startsWith(r.match)) && (r.method === undefined || r.method === method),
    );
    if (!rule) return null;
    rule.hits++;
    if (rule.times !== undefined && --rule.times === 0) this.rules.splice(this.rules.indexOf(rule), 1);
    return rule;
  }

  /** Served: the socket is destroyed, nothing is written. In process: a marked answer (see isReset). */
  private reset(c: Context): Response {
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    incoming?.socket.destroy();
    const response = new Response(null, { status: 502, statusText: 'Connection reset (injected)' });
    this.resets.add(response);
    return response;
  }

  private rearm(): void {
    this.released = new Promise((resolve) => (this.release = resolve));
  }
}

/** Resolves when the client gives up (a disconnect, or the in-process caller's abort). */
function aborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

/** The `/_fake/faults` endpoints. */
export function mountFaults(app: Hono, faults: Faults): void {
  app.get('/_fake/faults', (c) => c.json({ data: faults.list() }, 200));
  app.post('/_fake/faults', async (c) => {
    const parsed = faultsBodySchema.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(body)');
      return c.json({ message: `Invalid fault rules: ${[...new Set(fields)].join(', ')}` }, 422);
    }
    faults.set(parsed.data.rules);
    return c.json({ data: faults.list() }, 200);
  });
  app.delete('/_fake/faults', (c) => {
    faults.set([]);
    return c.json({ data: [] }, 200);
  });
}
