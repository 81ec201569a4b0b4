import { describe, expect, it } from 'vitest';
import { createSealer, FlowTokenError } from './seal.ts';

const secret = 's'.repeat(64);
const binding = { purpose: 'mfa_challenge', profile: 'default' };

function reason(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof FlowTokenError ? error.reason : 'other';
  }
  return undefined;
}

describe('sealed flow tokens', () => {
  it('round-trips data and hides it from the holder', () => {
    const sealer = createSealer(secret);
    const token = sealer.seal({ pending: 'pat_secret_value', email: 'ada@example.com' }, binding, 60_000);
    expect(token).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(token).not.toContain('pat_secret_value');
    expect(Buffer.from(token.slice(3), 'base64url').toString('latin1')).not.toContain('pat_secret');
    const opened = sealer.unseal<{ pending: string }>(token, binding);
    expect(opened.data.pending).toBe('pat_secret_value');
    expect(opened.jti).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('gives every seal a fresh iv and id', () => {
    const sealer = createSealer(secret);
    const a = sealer.seal(1, binding, 1000);
    const b = sealer.seal(1, binding, 1000);
    expect(a).not.toBe(b);
    expect(sealer.unseal(a, binding).jti).not.toBe(sealer.unseal(b, binding).jti);
  });

  it('refuses expired tokens', () => {
    let t = 1_000;
    const sealer = createSealer(secret, () => t);
    const token = sealer.seal('x', binding, 500);
    t = 1_501;
    expect(reason(() => sealer.unseal(token, binding))).toBe('expired');
  });

  it('refuses tampered tokens, other purposes, other profiles and other secrets', () => {
    const sealer = createSealer(secret);
    const token = sealer.seal('x', binding, 60_000);
    const raw = Buffer.from(token.slice(3), 'base64url');
    raw[raw.length - 20] ^= 1;
    expect(reason(() => sealer.unseal(`v1.${raw.toString('base64url')}`, binding))).toBe('tampered');
    expect(reason(() => sealer.unseal(token, { ...binding, purpose: 'org_select' }))).toBe('tampered');
    expect(reason(() => sealer.unseal(token, { ...binding, profile: 'members' }))).toBe('tampered');
    expect(reason(() => createSealer('t'.repeat(64)).unseal(token, binding))).toBe('tampered');
  });

  it.each(['x', 'xx', 'xxx'])(
    'opens only the canonical spelling of a token (data %j): no alias of a spent one',
    (data) => {
      const sealer = createSealer(secret);
      const token = sealer.seal(data, binding, 60_000);
      const encoded = token.slice(3);
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      // The same bytes, spelled otherwise: Node's decoder reads every one of these as the token.
      const aliases = [
        `${token}~`,
        `${token}=`,
        `${token}!`,
        `v1.${encoded.slice(0, 10)}~${encoded.slice(10)}`,
        `v1.${encoded.replaceAll('-', '+').replaceAll('_', '/')}`,
        // Inside the alphabet: a dangling last character, or an unused bit of the last one set.
        encoded.length % 4 === 0
          ? `${token}A`
          : `v1.${encoded.slice(0, -1)}${alphabet[alphabet.indexOf(encoded.at(-1)!) ^ 1]}`,
      ].filter((alias) => alias !== token);
      for (const alias of aliases) {
        expect(Buffer.from(alias.slice(3), 'base64url').equals(Buffer.from(encoded, 'base64url')), alias).toBe(true);
        expect(
          reason(() => sealer.unseal(alias, binding)),
          alias,
        ).toBe('malformed');
      }
      expect(sealer.unseal(token, binding).data).toBe(data);
    },
  );

  it.each(['', 'v1', 'v2.abc', 'v1.', 'v1.abc.def', 'v1.AAAA'])('refuses malformed token %j', (token) => {
    expect(reason(() => createSealer(secret).unseal(token, binding))).toBe('malformed');
  });

  it('during a rotation, seals with the current secret and opens what either secret sealed', () => {
    const previous = 'p'.repeat(64);
    const before = createSealer(previous).seal({ step: 'begun before the switch' }, binding, 60_000);
    const rotating = createSealer(secret, Date.now, previous);
    expect(rotating.unseal<{ step: string }>(before, binding).data.step).toBe('begun before the switch');
    const after = rotating.seal({ step: 'new' }, binding, 60_000);
    expect(createSealer(secret).unseal<{ step: string }>(after, binding).data.step).toBe('new');
    expect(reason(() => createSealer(previous).unseal(after, binding))).toBe('tampered');
    // Once the previous secret is removed, what it sealed no longer opens.
    expect(reason(() => createSealer(secret).unseal(before, binding))).toBe('tampered');
    expect(reason(() => rotating.unseal(createSealer('t'.repeat(64)).seal(1, binding, 60_000), binding))).toBe(
      'tampered',
    );
  });
});
