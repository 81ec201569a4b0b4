/**
 * Test support for the steps: a StepContext over a stubbed WorkOS (unit tests), and the whole
 * login server in memory against the WorkOS fake in memory (integration tests), with signed
 * envelopes and signed, schema-checked answers. No ports, no waiting (the floor's clock is fake).
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { WorkOS } from '@workos-inc/node';
import { expect } from 'vitest';
import {
  SERVER_HEADERS,
  type Envelope,
  type Outcome,
  type RequestContext,
  type Passthrough,
  type ResolvedProfile,
  type StepId,
  type StepOutcome,
} from '../../protocol/messages.ts';
import { createApp, stepPath } from '../app.ts';
import { deadlineFetch } from '../deadline-fetch.ts';
import { createLogger } from '../log.ts';
import { outcomeSchema } from '../schemas.ts';
import { createSealer } from '../seal.ts';
import { expectSignedAnswer, signedPost } from '../signed-test-support.ts';
import { createWorkOSFake, DEFAULT_API_KEY, DEFAULT_CLIENT_ID, type WorkOSFakeOptions } from '../workos-fake/app.ts';
import type { StepClock, StepContext } from './context.ts';

export const SECRET = 'k'.repeat(64);
export const PASSWORD = 'Correct-Horse-7';
export const BROWSER_COOKIE_VALUE = randomBytes(32).toString('hex');
export const BROWSER = createHash('sha256').update(BROWSER_COOKIE_VALUE).digest('hex');

export const PROFILE: ResolvedProfile = {
  slug: 'default',
  methods: ['password', 'magic_code', 'oauth_google', 'oauth_github', 'sso'],
  organization_id: null,
  organization_pinned: false,
  signup: { enabled: true, require_invitation: false },
  invitations: true,
  password_reset: true,
  auto_sign_in_after_reset: false,
  mfa: { enforce: 'if_required', factors: ['totp', 'sms'] },
};

export const CONTEXT: RequestContext = {
  ip: '127.0.0.1',
  user_agent: 'vitest',
  site_url: 'http://localhost:8881',
  origin: 'http://localhost:8881',
  rp_id: 'localhost',
  redirect_uri: 'http://localhost:8881/workos/callback',
  locale: 'en_US',
  browser: BROWSER,
};

export function profileWith(overrides: Partial<ResolvedProfile> = {}): ResolvedProfile {
  return { ...PROFILE, ...overrides };
}

/** A clock whose sleeps return at once and are recorded. */
export function fakeClock(): StepClock & { sleeps: number[]; advance(ms: number): void } {
  let t = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => t,
    advance: (ms) => void (t += ms),
    sleep: async (ms) => {
      sleeps.push(ms);
      t += ms;
    },
  };
}

/** Answers a JSON body or a Response, or a Promise of either. */
type Stub = (request: Request) => unknown;

/** A WorkOS client whose requests `handle` answers (`"METHOD /path"` → JSON or Response). */
export function stubWorkOS(routes: Record<string, Stub>, calls: string[] = []): WorkOS {
  return new WorkOS(DEFAULT_API_KEY, {
    clientId: DEFAULT_CLIENT_ID,
    apiHostname: 'workos.test',
    maxRetries: 0,
    fetchFn: async (input, init) => {
      const request = new Request(input, init);
      const key = `${request.method} ${new URL(request.url).pathname}`;
      calls.push(key);
      const route = routes[key];
      if (!route) return Response.json({ message: `no stub for ${key}` }, { status: 500 });
      const answer = await route(request);
      return answer instanceof Response ? answer : Response.json(answer);
    },
  });
}

export function stepContext(
  workos: WorkOS,
  lines: string[] = [],
): StepContext & { clock: ReturnType<typeof fakeClock> } {
  return {
    workos,
    clientId: DEFAULT_CLIENT_ID,
    sealer: createSealer(SECRET),
    log: createLogger('debug', (line) => lines.push(line)),
    clock: fakeClock(),
  };
}

export interface SendOptions {
  profile?: Partial<ResolvedProfile>;
  context?: Partial<RequestContext>;
  flow?: string;
  passthrough?: Passthrough;
  /** `X-WorkOS-Login-Budget` (ms), as WordPress sends it. */
  budget?: string;
}

/** The login server against the WorkOS fake, both in memory. */
export function integration(fakeOptions: WorkOSFakeOptions = {}) {
  const fake = createWorkOSFake(fakeOptions);
  const workos = new WorkOS(DEFAULT_API_KEY, {
    clientId: DEFAULT_CLIENT_ID,
    apiHostname: 'workos.test',
    maxRetries: 0,
    fetchFn: deadlineFetch(fake.fetch),
  });
  const logLines: string[] = [];
  const clock = fakeClock();
  const sealer = createSealer(SECRET);
  const app = createApp({
    workos,
    clientId: DEFAULT_CLIENT_ID,
    sealer,
    secret: SECRET,
    log: createLogger('debug', (line) => logLines.push(line)),
    clock,
  });

  /** Sends one step's envelope, signed; answers the signed, schema-checked Outcome. */
  async function send<S extends StepId>(
    step: S,
    input: Envelope<S>['input'],
    opts: SendOptions = {},
  ): Promise<Outcome> {
    const body = JSON.stringify({
      profile: profileWith(opts.profile),
      input,
      ...(opts.flow !== undefined ? { flow: opts.flow } : {}),
      context: { ...CONTEXT, ...opts.context },
      ...(opts.passthrough ? { passthrough: opts.passthrough } : {}),
    });
    const response = await signedPost(app, SECRET, stepPath(step), body, {
      headers: opts.budget !== undefined ? { [SERVER_HEADERS.budget]: opts.budget } : {},
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expectSignedAnswer(SECRET, response, text);
    return outcomeSchema.parse(JSON.parse(text));
  }

  /** Reads the fake's outbox (`/_fake/emails`), newest first. */
  async function emails(to: string): Promise<Array<{ kind: string; code: string | null; token: string | null }>> {
    const res = await fake.app.request(`/_fake/emails?to=${encodeURIComponent(to)}`);
    return ((await res.json()) as { data: Array<{ kind: string; code: string | null; token: string | null }> }).data;
  }

  /** Reads the fake's SMS outbox (`/_fake/sms`), newest first. */
  async function texts(to: string): Promise<Array<{ code: string }>> {
    const res = await fake.app.request(`/_fake/sms?to=${encodeURIComponent(to)}`);
    return ((await res.json()) as { data: Array<{ code: string }> }).data;
  }

  return { app, fake, sealer, clock, logLines, send, emails, texts };
}

/** Narrows an Outcome for the assertions that follow. */
export function as<T extends Outcome['type']>(outcome: Outcome, type: T): Extract<Outcome, { type: T }> {
  expect(outcome.type, JSON.stringify(outcome)).toBe(type);
  return outcome as Extract<Outcome, { type: T }>;
}

/** A step outcome of this name, for the assertions that follow. */
export function stepNamed(outcome: Outcome, name: StepOutcome['step']): StepOutcome {
  const step = as(outcome, 'step');
  expect(step.step).toBe(name);
  return step;
}

/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s) of a base32 secret, as authenticator apps compute it. */
export function totp(secret: string, at = Date.now()): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of secret.replace(/=+$/, '').toUpperCase())
    bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const hmac = createHmac('sha1', key).update(counter).digest();
  const offset = hmac[hmac.length - 1] & 0xf;
  return ((hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).toString().padStart(6, '0');
}
