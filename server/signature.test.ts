import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { sign, verify } from './signature.ts';

const secret = 'x'.repeat(64);
const body = '{"a":1}';
const now = 1_700_000_000_000;

describe('signature', () => {
  it('matches the documented scheme t=<ms>,v1=hex(HMAC-SHA256(secret, "t.body"))', () => {
    const expected = createHmac('sha256', secret).update(`${now}.${body}`).digest('hex');
    expect(sign(secret, body, now)).toBe(`t=${now},v1=${expected}`);
  });

  it('accepts its own signature within the window', () => {
    expect(verify(secret, body, sign(secret, body, now), now + 59_000)).toBeNull();
  });

  it.each([
    ['missing', undefined],
    ['malformed', 'garbage'],
    ['malformed', 't=abc,v1=00'],
    ['malformed', `t=${now}`],
  ])('reports %s for %s', (why, header) => {
    expect(verify(secret, body, header, now)).toBe(why);
  });

  it('rejects a replay outside the tolerance window, either side', () => {
    expect(verify(secret, body, sign(secret, body, now), now + 61_000)).toBe('expired');
    expect(verify(secret, body, sign(secret, body, now + 61_000), now)).toBe('expired');
  });

  it('rejects a changed body, a changed time and another secret', () => {
    const header = sign(secret, body, now);
    expect(verify(secret, '{"a":2}', header, now)).toBe('mismatch');
    expect(verify(secret, body, header.replace(`t=${now}`, `t=${now + 1}`), now)).toBe('mismatch');
    expect(verify('y'.repeat(64), body, header, now)).toBe('mismatch');
  });
});
