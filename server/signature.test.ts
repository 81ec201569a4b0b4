import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { answerTo, newRequestId, sign, signatureId, signRequest, verify, type SignedMessage } from './signature.ts';

const secret = 'x'.repeat(64);
const body = '{"a":1}';
const now = 1_700_000_000_000;
const id = '0123456789abcdef0123456789abcdef';
const request: SignedMessage = { kind: 'request', method: 'POST', path: '/v1/password', id };

describe('signature', () => {
  it('matches the documented scheme t=<ms>,id=<id>,v2=hex(HMAC-SHA256(secret, "t␊kind␊METHOD␊path␊id␊body"))', () => {
    const expected = createHmac('sha256', secret)
      .update(`${now}\nrequest\nPOST\n/v1/password\n${id}\n${body}`)
      .digest('hex');
    expect(sign(secret, body, request, now)).toBe(`t=${now},id=${id},v2=${expected}`);
    expect(signRequest(secret, '/v1/password', body, now, id)).toBe(`t=${now},id=${id},v2=${expected}`);
  });

  it('accepts its own signature within the window', () => {
    expect(verify(secret, body, sign(secret, body, request, now), request, now + 59_000)).toBeNull();
    // A request's id is whatever its header names.
    expect(verify(secret, body, sign(secret, body, request, now), { ...request, id: undefined }, now)).toBeNull();
  });

  it.each([
    ['missing', undefined],
    ['malformed', 'garbage'],
    ['malformed', 't=abc,v1=00'],
    ['malformed', `t=${now}`],
    // The scheme before this one (no id, `v1`): refused as malformed, never half-accepted.
    ['malformed', `t=${now},v1=${'0'.repeat(64)}`],
    ['malformed', `t=${now},id=short,v2=${'0'.repeat(64)}`],
  ])('reports %s for %s', (why, header) => {
    expect(verify(secret, body, header, request, now)).toBe(why);
  });

  it('rejects a replay outside the tolerance window, either side', () => {
    expect(verify(secret, body, sign(secret, body, request, now), request, now + 61_000)).toBe('expired');
    expect(verify(secret, body, sign(secret, body, request, now + 61_000), request, now)).toBe('expired');
  });

  it('rejects a changed body, a changed time and another secret', () => {
    const header = sign(secret, body, request, now);
    expect(verify(secret, '{"a":2}', header, request, now)).toBe('mismatch');
    expect(verify(secret, body, header.replace(`t=${now}`, `t=${now + 1}`), request, now)).toBe('mismatch');
    expect(verify('y'.repeat(64), body, header, request, now)).toBe('mismatch');
  });

  it('binds the method, the path, the direction and the request', () => {
    const header = sign(secret, body, request, now);
    expect(verify(secret, body, header, { ...request, path: '/v1/magic_code_send' }, now)).toBe('mismatch');
    expect(verify(secret, body, header, { ...request, method: 'PUT' }, now)).toBe('mismatch');
    // A request's signature is no answer's, even to itself.
    expect(verify(secret, body, header, { ...request, kind: 'response' }, now)).toBe('mismatch');
    // Another id in the header (re-signed by nobody) or an answer to another request.
    expect(verify(secret, body, header.replace(id, newRequestId()), { ...request, id: undefined }, now)).toBe(
      'mismatch',
    );
    const answer = sign(secret, body, answerTo({ path: request.path, header }), now);
    expect(verify(secret, body, answer, { ...request, kind: 'response' }, now)).toBeNull();
    expect(verify(secret, body, answer, { ...request, kind: 'response', id: newRequestId() }, now)).toBe('mismatch');
  });

  it('gives every request a fresh id and reads it back', () => {
    const a = signRequest(secret, '/v1/password', body, now);
    const b = signRequest(secret, '/v1/password', body, now);
    expect(signatureId(a)).toMatch(/^[0-9a-f]{32}$/);
    expect(signatureId(a)).not.toBe(signatureId(b));
    expect(signatureId('t=1,id=nope,v2=00')).toBeNull();
  });
});
