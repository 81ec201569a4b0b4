/**
 * The login server in memory, against the WorkOS fake in memory (the SDK's `fetchFn`), no ports.
 */
import { WorkOS } from '@workos-inc/node';
import { beforeEach, describe, expect, it } from 'vitest';
import envelopeFixture from '../protocol/fixtures/server-password-envelope.json' with { type: 'json' };
import { SERVER_HEADERS, type Outcome, type StepId } from '../protocol/messages.ts';
import { createApp, stepPath } from './app.ts';
import { createLogger } from './log.ts';
import { outcomeSchema } from './schemas.ts';
import { createSealer } from './seal.ts';
import { expectSignedAnswer, signedPost } from './signed-test-support.ts';
import { newRequestId, sign, signRequest } from './signature.ts';
import { createWorkOSFake, DEFAULT_API_KEY, DEFAULT_CLIENT_ID } from './workos-fake/app.ts';
import seed from './workos-fake/seed.json' with { type: 'json' };

const SECRET = 'k'.repeat(64);
/** One entry per StepId: the compiler insists every step is listed. */
const inputsOf: Record<StepId, true> = {
  password: true,
  magic_code_send: true,
  magic_code_verify: true,
  authorize: true,
  callback: true,
  impersonation: true,
  signup: true,
  email_verify: true,
  invitation: true,
  reset_request: true,
  reset_confirm: true,
  mfa_enroll: true,
  mfa_challenge: true,
  mfa_verify: true,
  org_select: true,
  passkey_options: true,
  passkey_verify: true,
  passkey_register_options: true,
  passkey_register_verify: true,
  step_up: true,
};
const PASSWORD = 'Correct-Horse-7';
const ORG = seed.organizations[0].id;

let logLines: string[];

function setup(fetchFn?: typeof fetch, seedOverride?: typeof seed) {
  const fake = createWorkOSFake(seedOverride ? { seed: seedOverride as never } : {});
  const workos = new WorkOS(DEFAULT_API_KEY, {
    clientId: DEFAULT_CLIENT_ID,
    apiHostname: 'workos.test',
    maxRetries: 0,
    fetchFn: fetchFn ?? fake.fetch,
  });
  logLines = [];
  const sealer = createSealer(SECRET);
  const app = createApp({
    workos,
    clientId: DEFAULT_CLIENT_ID,
    sealer,
    secret: SECRET,
    log: createLogger('debug', (line) => logLines.push(line)),
  });
  return { app, sealer };
}

function envelope(input: { email: string; password: string }, organization_id: string | null = null) {
  return JSON.stringify({ ...envelopeFixture, profile: { ...envelopeFixture.profile, organization_id }, input });
}

async function post(app: ReturnType<typeof setup>['app'], body: string, headers: Record<string, string> = {}) {
  return signedPost(app, SECRET, '/v1/password', body, { headers });
}

/** Checks the answer is signed and a valid Outcome, and returns it. */
async function outcomeOf(response: Response): Promise<Outcome> {
  expect(response.status).toBe(200);
  const text = await response.text();
  expectSignedAnswer(SECRET, response, text);
  return outcomeSchema.parse(JSON.parse(text));
}

describe('login server', () => {
  let app: ReturnType<typeof setup>['app'];
  beforeEach(() => {
    app = setup().app;
  });

  it('answers /healthz', async () => {
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('rejects a missing or bad signature before reading the body', async () => {
    for (const header of [
      '',
      't=1,v1=00',
      signRequest('z'.repeat(64), '/v1/password', 'not json'),
      signRequest(SECRET, '/v1/password', 'other body'),
      // The very body, signed for another route, another method, or as an answer.
      signRequest(SECRET, '/v1/magic_code_send', 'not json'),
      sign(SECRET, 'not json', { kind: 'request', method: 'PUT', path: '/v1/password', id: newRequestId() }),
      sign(SECRET, 'not json', { kind: 'response', method: 'POST', path: '/v1/password', id: newRequestId() }),
    ]) {
      const res = await post(app, 'not json', { [SERVER_HEADERS.signature]: header });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'invalid_signature' });
    }
  });

  it('signs in a member: identity with live membership and the WorkOS session id', async () => {
    const outcome = await outcomeOf(await post(app, envelope({ email: 'ada@example.com', password: PASSWORD })));
    expect(outcome).toMatchObject({
      type: 'authenticated',
      identity: {
        user: { email: 'ada@example.com', email_verified: true, first_name: 'Ada', last_name: 'Lovelace' },
        organization_id: ORG,
        membership: { role: 'admin', status: 'active' },
        method: 'password',
      },
    });
    if (outcome.type !== 'authenticated') throw new Error('unreachable');
    expect(outcome.identity.session_id).toMatch(/^session_/);
    expect(JSON.stringify(outcome)).not.toMatch(/access_token|refresh_token|eyJ/);
  });

  it('reports no membership for a user outside the pinned organization', async () => {
    const outcome = await outcomeOf(await post(app, envelope({ email: 'linus@example.com', password: PASSWORD }, ORG)));
    expect(outcome).toMatchObject({ type: 'authenticated', identity: { organization_id: ORG, membership: null } });
  });

  it('reports an inactive membership as such, for the gate to deny', async () => {
    const outcome = await outcomeOf(await post(app, envelope({ email: 'ken@example.com', password: PASSWORD }, ORG)));
    expect(outcome).toMatchObject({
      type: 'authenticated',
      identity: { organization_id: ORG, membership: { role: 'member', status: 'inactive' } },
    });
  });

  it('signs in a user whose email is unverified, saying so (WordPress decides about linking)', async () => {
    const outcome = await outcomeOf(await post(app, envelope({ email: 'margaret@example.com', password: PASSWORD })));
    expect(outcome).toMatchObject({
      type: 'authenticated',
      identity: { user: { email: 'margaret@example.com', email_verified: false }, membership: { status: 'active' } },
    });
  });

  it('gives a wrong password and an unknown email the same answer', async () => {
    const wrong = await outcomeOf(await post(app, envelope({ email: 'ada@example.com', password: 'nope-nope' })));
    const unknown = await outcomeOf(await post(app, envelope({ email: 'nobody@example.com', password: 'nope-nope' })));
    expect(wrong).toEqual({ type: 'error', code: 'invalid_credentials', message: 'Invalid credentials.', status: 401 });
    expect(unknown).toEqual(wrong);
    expect(logLines.join('\n')).not.toContain('nope-nope');
  });

  it('refuses invalid envelopes with invalid_request, naming the fields', async () => {
    const body = JSON.stringify({ ...envelopeFixture, input: { email: 'not-an-email', password: '' }, extra: 1 });
    const outcome = await outcomeOf(await post(app, body));
    expect(outcome).toMatchObject({ type: 'error', code: 'invalid_request', status: 400 });
    if (outcome.type === 'error') expect(outcome.message).toContain('input.email');
    expect(await outcomeOf(await post(app, '{oops'))).toMatchObject({ code: 'invalid_request' });
  });

  it('answers an unknown step with invalid_request (signed)', async () => {
    const body = envelope({ email: 'ada@example.com', password: PASSWORD });
    const res = await signedPost(app, SECRET, '/v1/teleport', body);
    expect(await outcomeOf(res)).toMatchObject({ type: 'error', code: 'invalid_request', status: 404 });
  });

  it('turns a WorkOS multi-step error into a sealed step', async () => {
    const { app: stepApp, sealer } = setup();
    const outcome = await outcomeOf(await post(stepApp, envelope({ email: 'vera@example.com', password: PASSWORD })));
    expect(outcome).toMatchObject({ type: 'step', step: 'email_verify', data: { email: 'vera@example.com' } });
    if (outcome.type !== 'step') throw new Error('unreachable');
    expect(JSON.stringify(outcome)).not.toContain('pending_authentication_token');
    const flow = sealer.unseal<{ pending_authentication_token: string; email: string }>(outcome.flow, {
      purpose: 'email_verify',
      profile: 'default',
    });
    expect(flow.data.pending_authentication_token).toBeTruthy();
    expect(flow.data.email).toBe('vera@example.com');
  });

  it('serves the callback step at /v1/oauth/callback only', async () => {
    const body = JSON.stringify({
      ...envelopeFixture,
      input: { code: 'code_1', state: 'default:v1.forged' },
    });
    const callback = await signedPost(app, SECRET, '/v1/oauth/callback', body);
    expect(await outcomeOf(callback)).toMatchObject({ type: 'error', code: 'flow_expired', status: 400 });
    const wrongPath = await signedPost(app, SECRET, '/v1/callback', body);
    expect(await outcomeOf(wrongPath)).toMatchObject({ type: 'error', code: 'invalid_request', status: 404 });
  });

  it('routes every step, validating its envelope strictly', async () => {
    const steps = Object.keys(inputsOf) as Array<keyof typeof inputsOf>;
    for (const step of steps) {
      const body = JSON.stringify({ ...envelopeFixture, input: { nope: 1 } });
      const res = await signedPost(app, SECRET, stepPath(step), body);
      expect(await outcomeOf(res), step).toMatchObject({ type: 'error', code: 'invalid_request', status: 400 });
    }
  });

  it('says WorkOS is unavailable when it cannot be reached', async () => {
    const { app: downApp } = setup(async () => {
      throw new TypeError('fetch failed');
    });
    const outcome = await outcomeOf(await post(downApp, envelope({ email: 'ada@example.com', password: PASSWORD })));
    expect(outcome).toEqual({
      type: 'error',
      code: 'workos_unavailable',
      message: 'WorkOS could not be reached.',
      status: 503,
      retry_after: 30,
    });
  });
});
