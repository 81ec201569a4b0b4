/**
 * The signed half of the HTTP surface, shared by every `/v1` route: requests are verified before
 * anything else is looked at, and answers are signed the same way so WordPress can tell they
 * really came from here (ARCHITECTURE rule 2).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { SERVER_HEADERS } from '../protocol/messages.ts';
import type { Logger } from './log.ts';
import { sign, verify } from './signature.ts';

/** Hono environment of signed routes: the verified raw body, read once. */
export interface SignedEnv {
  Variables: { body: string };
}

/** Refuses (401, unsigned) any request whose signature does not verify; else stores its body. */
export function requireSignature(secret: string, log: Logger, now: () => number): MiddlewareHandler<SignedEnv> {
  return async (c, next) => {
    const body = await c.req.text();
    const failure = verify(secret, body, c.req.header(SERVER_HEADERS.signature), now());
    if (failure) {
      log.warn('rejected unsigned request', { reason: failure, path: c.req.path });
      return c.json({ error: 'invalid_signature' }, 401);
    }
    c.set('body', body);
    await next();
  };
}

/** Answers with a signed JSON body (always HTTP 200: the outcome carries its own status). */
export function signedJson(secret: string, now: () => number) {
  return (c: Context, payload: unknown): Response => {
    const body = JSON.stringify(payload);
    return c.body(body, 200, {
      'Content-Type': 'application/json',
      [SERVER_HEADERS.signature]: sign(secret, body, now()),
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
