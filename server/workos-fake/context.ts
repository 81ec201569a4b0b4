import type { Context } from 'hono';
import type { FakeStore } from './store.ts';
import type { SigningKey } from './tokens.ts';

/** What every route of one fake instance shares. */
export interface FakeContext {
  store: FakeStore;
  key: SigningKey;
  clientId: string;
  apiKey: string;
  /** Fixed `iss`; when unset, tokens name the base URL the client called (as WorkOS names its own). */
  issuer?: string;
}

/** Which credential a route wants: the API key as Bearer, the key as `client_secret` in the body, or none. */
export type RouteAuth = 'api_key' | 'client_secret' | 'none';

export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT';
  /** The OpenAPI path template, e.g. `/organizations/{id}`. */
  path: string;
  auth: RouteAuth;
  /** Every status this route can answer, so the conformance test can demand a case for each. */
  statuses: readonly number[];
  handler: (c: Context) => Response | Promise<Response>;
}
