import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { SERVER_HEADERS } from '../protocol/messages.ts';
import { createLogger } from './log.ts';
import { jsonBody, requireSignature, signedJson, type SignedEnv } from './signed.ts';
import { answerTo, sign, signRequest, verify } from './signature.ts';

const SECRET = 's'.repeat(64);
const NOW = 1_750_000_000_000;

function app(logLines: string[] = [], secrets = [SECRET]) {
  const hono = new Hono<SignedEnv>();
  const signed = signedJson(() => NOW);
  hono.use(
    '*',
    requireSignature(
      secrets,
      createLogger('debug', (l) => logLines.push(l)),
      () => NOW,
    ),
  );
  hono.post('/echo', (c) => signed(c, { got: jsonBody(c) ?? 'not json' }));
  return hono;
}

const post = (hono: Hono<SignedEnv>, body: string, signature: string) =>
  hono.request('/echo', { method: 'POST', body, headers: { [SERVER_HEADERS.signature]: signature } });
const signed = (secret: string, body: string, at = NOW) => signRequest(secret, '/echo', body, at);

describe('signed routes', () => {
  it('passes a verified body to the handler and signs the answer', async () => {
    const header = signed(SECRET, '{"a":1}');
    const res = await post(app(), '{"a":1}', header);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toBe('{"got":{"a":1}}');
    // Signed over the request it answers: its method, path and id.
    const answer = res.headers.get(SERVER_HEADERS.signature);
    expect(verify(SECRET, text, answer, answerTo({ path: '/echo', header }), NOW)).toBeNull();
    expect(verify(SECRET, text, answer, answerTo({ path: '/echo', header: signed(SECRET, '{"a":1}') }), NOW)).toBe(
      'mismatch',
    );
  });

  it('hands the handler undefined for a body that is not JSON', async () => {
    const res = await post(app(), 'oops', signed(SECRET, 'oops'));
    expect(await res.json()).toEqual({ got: 'not json' });
  });

  it('refuses stale, foreign and missing signatures with an unsigned 401, logging why', async () => {
    const logLines: string[] = [];
    const hono = app(logLines);
    const elsewhere = sign(SECRET, 'x', { kind: 'request', method: 'POST', path: '/other', id: '0'.repeat(32) }, NOW);
    for (const signature of [signed(SECRET, 'x', NOW - 120_000), signed('f'.repeat(64), 'x'), '', elsewhere]) {
      const res = await post(hono, 'x', signature);
      expect(res.status).toBe(401);
      expect(res.headers.get(SERVER_HEADERS.signature)).toBeNull();
    }
    expect(logLines.map((l) => (JSON.parse(l) as { reason: string }).reason)).toEqual([
      'expired',
      'mismatch',
      'missing',
      'mismatch',
    ]);
  });

  it('during a rotation, accepts either secret and answers with the one the request used', async () => {
    const previous = 'p'.repeat(64);
    const hono = app([], [SECRET, previous]);
    for (const secret of [SECRET, previous]) {
      const header = signed(secret, '{}');
      const res = await post(hono, '{}', header);
      expect(res.status).toBe(200);
      const text = await res.text();
      const answer = res.headers.get(SERVER_HEADERS.signature);
      const other = secret === SECRET ? previous : SECRET;
      expect(verify(secret, text, answer, answerTo({ path: '/echo', header }), NOW)).toBeNull();
      expect(verify(other, text, answer, answerTo({ path: '/echo', header }), NOW)).toBe('mismatch');
    }
    const logLines: string[] = [];
    const strict = app(logLines, [SECRET, previous]);
    for (const signature of [signed('f'.repeat(64), 'x'), signed(previous, 'x', NOW - 120_000)])
      expect((await post(strict, 'x', signature)).status).toBe(401);
    expect(logLines.map((l) => (JSON.parse(l) as { reason: string }).reason)).toEqual(['mismatch', 'expired']);
    // Without the rotation, the previous secret is a stranger.
    expect((await post(app(), '{}', signed(previous, '{}'))).status).toBe(401);
  });
});
