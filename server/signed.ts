/**
 * The signed half of the HTTP surface, shared by every `/v1` route: requests are verified before
 * anything else is looked at, and answers are signed the same way so WordPress can tell they
 * really came from here (ARCHITECTURE rule 2).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { SERVER_HEADERS } from '../protocol/messages.ts';
import type { Logger } from './log.ts';
import { sign, signatureId, verify } from './signature.ts';

/** Hono environment of signed routes: the verified raw body, read once, and the request's id. */
export interface SignedEnv {
  Variables: { body: string; requestId: string };
}

/**
 * Refuses (401, unsigned) any request whose signature does not verify for this method and path;
 * else stores its body and id.
 */
export function requireSignature(secret: string, log: Logger, now: () => number): MiddlewareHandler<SignedEnv> {
  return async (c, next) => {
    const body = await c.req.text();
    const header = c.req.header(SERVER_HEADERS.signature);
    const failure = verify(secret, body, header, { kind: 'request', method: c.req.method, path: c.req.path }, now());
    if (failure) {
      log.warn('rejected unsigned request', { reason: failure, path: c.req.path });
      return c.json({ error: 'invalid_signature' }, 401);
    }
    c.set('body', body);
    c.set('requestId', signatureId(header)!);
    await next();
  };
}

/**
 * Answers with a signed JSON body (always HTTP 200: the outcome carries its own status), signed
 * over the request it answers.
 */
export function signedJson(secret: string, now: () => number) {
  return (c: Context<SignedEnv>, payload: unknown): Response => {
    const body = JSON.stringify(payload);
    const answer = { kind: 'response', method: c.req.method, path: c.req.path, id: c.get('requestId') } as const;
    return c.body(body, 200, {
      'Content-Type': 'application/json',
      [SERVER_HEADERS.signature]: sign(secret, body, answer, now()),
    });
  };
}

/** The verified body as JSON, or undefined when it is not JSON. */
export function jsonBody(c: Context<SignedEnv>): unknown {
  try {
    return JSON.parse(c.get('body'));
  } catch {
    return undefined;
  }
}
