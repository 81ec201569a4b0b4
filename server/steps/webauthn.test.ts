import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { creationOptions, requestOptions, userHandleOf, verifyAssertion, verifyAttestation } from './webauthn.ts';
import { assert, createAuthenticator, register, storedPasskeyOf, TEST_AAGUID } from './test-webauthn.ts';

const ORIGIN = 'http://localhost:8881';
const RP = 'localhost';
const USER = 'user_01JWQY7Z60EAVEZMKZ3W0KQZGM';
const PERSON = { id: USER, name: 'grace@example.com', display_name: 'Grace Hopper' };

async function signedIn(counter = 0, stored = 0) {
  const auth = createAuthenticator({ counter });
  const options = await requestOptions(RP);
  const expected = { challenge: options.challenge, origin: ORIGIN, rpId: RP };
  return { auth, options, expected, credential: storedPasskeyOf(auth, USER, stored) };
}

describe('WebAuthn options', () => {
  it('asks for a discoverable credential with user verification, for this relying party', async () => {
    const options = await requestOptions(RP);
    expect(options).toEqual({
      challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      rpId: RP,
      allowCredentials: [],
      userVerification: 'required',
      timeout: 60_000,
    });
    expect((await requestOptions(RP)).challenge).not.toBe(options.challenge);
  });

  it('creates a resident, user-verified credential whose user handle is the WorkOS id', async () => {
    const excluded = 'A'.repeat(43);
    const options = await creationOptions('My Site', RP, PERSON, [excluded]);
    expect(options).toMatchObject({
      rp: { name: 'My Site', id: RP },
      user: { id: userHandleOf(USER), name: 'grace@example.com', displayName: 'Grace Hopper' },
      attestation: 'none',
      timeout: 60_000,
      excludeCredentials: [{ id: excluded, type: 'public-key' }],
      authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'required' },
    });
    expect(Buffer.from(options.user.id, 'base64url').toString('utf8')).toBe(USER);
    expect(options.pubKeyCredParams.map((p) => p.alg)).toContain(-7);
    // An empty site name falls back to the relying party id.
    expect((await creationOptions('', RP, PERSON, [])).rp.name).toBe(RP);
  });
});

describe('assertion verification', () => {
  it('verifies a correct answer and reports the new counter and backup state', async () => {
    const { auth, options, expected, credential } = await signedIn(7, 6);
    const answer = assert(auth, options, { origin: ORIGIN, userHandle: userHandleOf(USER) });
    expect(await verifyAssertion(answer, credential, expected)).toEqual({ ok: true, counter: 7, backedUp: true });
    // Authenticators that keep no counter (0 and 0) are fine.
    const zero = await signedIn();
    expect(
      await verifyAssertion(assert(zero.auth, zero.options, { origin: ORIGIN }), zero.credential, zero.expected),
    ).toMatchObject({ ok: true, counter: 0 });
  });

  it.each([
    [
      'another challenge (a replayed or foreign one)',
      { challenge: 'Zm9yZWlnbi1jaGFsbGVuZ2UtZm9yZWlnbi1jaGFs' },
      'challenge',
    ],
    ['another origin', { origin: 'https://evil.example' }, 'origin'],
    ['another relying party', { rpId: 'evil.example' }, 'rp_id'],
    ['no user verification', { uv: false }, 'user_verification'],
    [
      'a signature of another key',
      { signWith: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey },
      'signature',
    ],
    ['a user handle of another user', { userHandle: userHandleOf('user_01OTHER') }, 'user_handle'],
  ] as const)('refuses %s', async (_name, gesture, reason) => {
    const { auth, options, expected, credential } = await signedIn();
    const answer = assert(auth, options, { origin: ORIGIN, ...gesture });
    expect(await verifyAssertion(answer, credential, expected)).toEqual({ ok: false, reason });
  });

  it('refuses an answer for another credential than the stored one', async () => {
    const { auth, options, expected } = await signedIn();
    const other = storedPasskeyOf(createAuthenticator(), USER);
    expect(await verifyAssertion(assert(auth, options, { origin: ORIGIN }), other, expected)).toEqual({
      ok: false,
      reason: 'credential_mismatch',
    });
  });

  it('refuses a counter that did not increase, but only once the signature verified', async () => {
    for (const [counter, stored] of [
      [5, 5],
      [3, 9],
      [0, 4],
    ]) {
      const { auth, options, expected, credential } = await signedIn(counter, stored);
      expect(await verifyAssertion(assert(auth, options, { origin: ORIGIN }), credential, expected)).toEqual({
        ok: false,
        reason: 'counter',
      });
    }
    // A forged answer with a stale counter is a bad signature, not a clone alarm.
    const { auth, options, expected, credential } = await signedIn(5, 9);
    const forged = assert(auth, options, {
      origin: ORIGIN,
      signWith: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey,
    });
    expect(await verifyAssertion(forged, credential, expected)).toEqual({ ok: false, reason: 'signature' });
  });
});

describe('attestation verification', () => {
  it('verifies a new credential and reads what WordPress stores', async () => {
    const auth = createAuthenticator();
    const options = await creationOptions('My Site', RP, PERSON, []);
    const expected = { challenge: options.challenge, origin: ORIGIN, rpId: RP };
    const verified = await verifyAttestation(register(auth, options, { origin: ORIGIN }), expected);
    expect(verified).toEqual({
      ok: true,
      passkey: {
        id: auth.id,
        public_key: Buffer.from(auth.cosePublicKey).toString('base64url'),
        counter: 0,
        transports: ['internal', 'hybrid'],
        device_type: 'multiDevice',
        backed_up: true,
        aaguid: TEST_AAGUID,
      },
    });
    const bound = createAuthenticator({ synced: false });
    const single = await verifyAttestation(register(bound, options, { origin: ORIGIN }), expected);
    expect(single).toMatchObject({ ok: true, passkey: { device_type: 'singleDevice', backed_up: false } });
  });

  it.each([
    ['another challenge', { challenge: 'Zm9yZWlnbi1jaGFsbGVuZ2UtZm9yZWlnbi1jaGFs' }, 'challenge'],
    ['another origin', { origin: 'http://localhost:9999' }, 'origin'],
    ['another relying party', { rpId: 'example.com' }, 'rp_id'],
    ['no user verification', { uv: false }, 'user_verification'],
  ] as const)('refuses %s', async (_name, gesture, reason) => {
    const options = await creationOptions('My Site', RP, PERSON, []);
    const expected = { challenge: options.challenge, origin: ORIGIN, rpId: RP };
    const answer = register(createAuthenticator(), options, { origin: ORIGIN, ...gesture });
    expect(await verifyAttestation(answer, expected)).toEqual({ ok: false, reason });
  });

  it('refuses a response whose id is not the attested credential', async () => {
    const options = await creationOptions('My Site', RP, PERSON, []);
    const expected = { challenge: options.challenge, origin: ORIGIN, rpId: RP };
    const answer = register(createAuthenticator(), options, { origin: ORIGIN });
    const other = createAuthenticator().id;
    expect(await verifyAttestation({ ...answer, id: other, rawId: other }, expected)).toEqual({
      ok: false,
      reason: 'credential_mismatch',
    });
  });
});
