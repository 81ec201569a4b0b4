import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { SERVER_HEADERS } from '../protocol/messages.ts';
import { createLogger } from './log.ts';
import { jsonBody, requireSignature, signedJson, type SignedEnv } from './signed.ts';
import { sign, verify } from './signature.ts';

const SECRET = 's'.repeat(64);
const NOW = 1_750_000_000_000;

function app(logLines: string[] = []) {
  const hono = new Hono<SignedEnv>();
  const signed = signedJson(SECRET, () => NOW);
  hono.use(
    '*',
    requireSignature(
      SECRET,
      createLogger('debug', (l) => logLines.push(l)),
      () => NOW,
    ),
  );
  hono.post('/echo', (c) => signed(c, { got: jsonBody(c) ?? 'not json' }));
  return hono;
}

const post = (hono: Hono<SignedEnv>, body: string, signature: string) =>
  hono.request('/echo', { method: 'POST', body, headers: { [SERVER_HEADERS.signature]: signature } });

describe('signed routes', () => {
  it('passes a verified body to the handler and signs the answer', async () => {
    const res = await post(app(), '{"a":1}', sign(SECRET, '{"a":1}', NOW));
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toBe('{"got":{"a":1}}');
    expect(verify(SECRET, text, res.headers.get(SERVER_HEADERS.signature), NOW)).toBeNull();
  });

  it('hands the handler undefined for a body that is not JSON', async () => {
    const res = await post(app(), 'oops', sign(SECRET, 'oops', NOW));
    expect(await res.json()).toEqual({ got: 'not json' });
  });

  it('refuses stale, foreign and missing signatures with an unsigned 401, logging why', async () => {
    const logLines: string[] = [];
    const hono = app(logLines);
    for (const signature of [sign(SECRET, 'x', NOW - 120_000), sign('f'.repeat(64), 'x', NOW), '']) {
      const res = await post(hono, 'x', signature);
      expect(res.status).toBe(401);
      expect(res.headers.get(SERVER_HEADERS.signature)).toBeNull();
    }
    expect(logLines.map((l) => JSON.parse(l).reason)).toEqual(['expired', 'mismatch', 'missing']);
  });
});
