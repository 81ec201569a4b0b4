import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { requireApiKey } from './auth.ts';
import { mountAuthorizeDecision } from './authorize/decision.ts';
import { mountImpersonate } from './authorize/impersonate.ts';
import { authorizeRoutes } from './authorize/route.ts';
import type { FakeContext, RouteAuth, RouteDef } from './context.ts';
import { INTERNAL_ERROR, routeNotFound } from './errors.ts';
import { connectionReset, Faults, mountFaults, type Sleep } from './faults.ts';
import { mountInspection } from './inspection.ts';
import { auditLogRoutes } from './routes/audit-logs.ts';
import { authenticateRoutes } from './routes/authenticate.ts';
import { emailVerificationRoutes } from './routes/email-verification.ts';
import { invitationRoutes } from './routes/invitations.ts';
import { magicAuthRoutes } from './routes/magic-auth.ts';
import { membershipRoutes } from './routes/memberships.ts';
import { mfaRoutes } from './routes/mfa.ts';
import { organizationRoutes } from './routes/organizations.ts';
import { passwordResetRoutes } from './routes/password-reset.ts';
import { roleRoutes } from './routes/roles.ts';
import { sessionRoutes } from './routes/sessions.ts';
import { ssoRoutes } from './routes/sso.ts';
import { userRoutes } from './routes/users.ts';
import { userWriteRoutes } from './routes/users-write.ts';
import { loadSeed, parseSeed, type Seed } from './seed.ts';
import { FakeStore } from './store.ts';
import { createSigningKey, type Jwks } from './tokens.ts';

export type { Seed } from './seed.ts';
export type { FakeStore } from './store.ts';

export const DEFAULT_API_KEY = 'sk_test_fake_workos';
export const DEFAULT_CLIENT_ID = 'client_fake_workos';

export interface WorkOSFakeOptions {
  /** Defaults to seed.json beside this file. */
  seed?: Seed;
  clientId?: string;
  apiKey?: string;
  /** Fixed `iss` claim; by default `<base URL called>/user_management/<clientId>`. */
  issuer?: string;
  /** How injected delays wait (faults.ts); tests with fake timers keep the default or pass their own. */
  sleep?: Sleep;
}

export interface RouteInfo {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  auth: RouteAuth;
  statuses: readonly number[];
}

export interface WorkOSFake {
  app: Hono;
  /**
   * `app.fetch` shaped as `fetch`: pass it to the SDK as `fetchFn` (no port needed). Like `fetch`,
   * it rejects when the caller's signal aborts, and with a network error on an injected reset.
   */
  fetch: typeof fetch;
  store: FakeStore;
  /** The injected faults (`/_fake/faults`). */
  faults: Faults;
  /** Every route the fake answers, with every status it can give (401 included where a key is needed). */
  routes: readonly RouteInfo[];
  clientId: string;
  apiKey: string;
  jwks: Jwks;
}

const honoPath = (openApiPath: string) => openApiPath.replace(/\{(\w+)\}/g, ':$1');

export function createWorkOSFake(options: WorkOSFakeOptions = {}): WorkOSFake {
  const seed = options.seed ? parseSeed(options.seed) : loadSeed();
  const fake: FakeContext = {
    store: new FakeStore(seed),
    key: createSigningKey(),
    clientId: options.clientId ?? DEFAULT_CLIENT_ID,
    apiKey: options.apiKey ?? DEFAULT_API_KEY,
    ...(options.issuer ? { issuer: options.issuer } : {}),
  };
  const defs: RouteDef[] = [
    ...authenticateRoutes(fake),
    ...userRoutes(fake),
    ...userWriteRoutes(fake),
    ...emailVerificationRoutes(fake),
    ...magicAuthRoutes(fake),
    ...mfaRoutes(fake),
    ...authorizeRoutes(fake),
    ...passwordResetRoutes(fake),
    ...invitationRoutes(fake),
    ...organizationRoutes(fake),
    ...membershipRoutes(fake),
    ...ssoRoutes(fake),
    ...sessionRoutes(fake),
    ...roleRoutes(fake),
    ...auditLogRoutes(fake),
  ];

  const app = new Hono();
  const faults = new Faults(options.sleep);
  // WorkOS tags every answer with a request id; the SDK copies it into its exceptions.
  app.use(async (c, next) => {
    await next();
    c.res.headers.set('X-Request-ID', randomUUID());
  });
  app.use(faults.middleware());
  const keyCheck = requireApiKey(fake.apiKey);
  for (const def of defs) {
    if (def.auth === 'api_key') app.on(def.method, honoPath(def.path), keyCheck, def.handler);
    else app.on(def.method, honoPath(def.path), def.handler);
  }
  mountInspection(app, fake.store);
  mountFaults(app, faults);
  mountAuthorizeDecision(app, fake.store);
  mountImpersonate(app, fake.store);
  app.notFound((c) => c.json(routeNotFound(c.req.method, c.req.path), 404));
  app.onError((error, c) => {
    console.error(`[workos-fake] ${c.req.method} ${c.req.path}: ${error.name}: ${error.message}`);
    return c.json(INTERNAL_ERROR, 500);
  });

  return {
    app,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const signal = init?.signal ?? request.signal;
      if (signal.aborted) throw signal.reason;
      const response = await untilAborted(Promise.resolve(app.fetch(request)), signal);
      if (faults.isReset(response)) throw connectionReset();
      return response;
    },
    store: fake.store,
    faults,
    routes: defs.map(({ method, path, auth, statuses }) => ({
      method,
      path,
      auth,
      statuses: auth === 'api_key' ? [...statuses, 401] : statuses,
    })),
    clientId: fake.clientId,
    apiKey: fake.apiKey,
    jwks: fake.key.jwks,
  };
}

/** Settles like `work`, or rejects with the abort reason first, as `fetch` does. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the abort reason, as fetch rejects
    const abort = () => reject(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}
