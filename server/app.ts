/**
 * The login server's HTTP surface: `GET /healthz`, `POST /v1/<step>` (the `callback` step at
 * `POST /v1/oauth/callback`, where ARCHITECTURE puts it, and `impersonation` at
 * `/v1/oauth/impersonation`) and the routes of the
 * admin table (admin/routes.ts: `/v1/admin/organizations|user|roles|health`, `/v1/session/revoke`,
 * `/v1/audit/event`).
 *
 * Every `/v1` request must carry a valid signature before anything else is looked at; every
 * answer is signed the same way so WordPress can tell it really came from here (signed.ts).
 * Every job runs within the time budget WordPress announced (`X-WorkOS-Login-Budget`, budget.ts):
 * when it runs out the answer is `workos_unavailable` at once.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { SERVER_HEADERS, type Envelope, type ErrorOutcome, type Outcome, type StepId } from '../protocol/messages.ts';
import { ADMIN_ROUTES, type Within } from './admin/routes.ts';
import { withinBudget } from './budget.ts';
import { DEFAULT_STEP_BUDGET_MS, requestBudget } from './deadline.ts';
import type { Logger } from './log.ts';
import { envelopeSchema, isStepId } from './schemas.ts';
import { jsonBody, requireSignature, signedJson, type SignedEnv } from './signed.ts';
import { authorizeStep } from './steps/authorize.ts';
import { callbackStep } from './steps/callback.ts';
import { impersonationStep } from './steps/impersonation.ts';
import type { StepContext } from './steps/context.ts';
import { invitationStep } from './steps/invitation.ts';
import { magicCodeSendStep, magicCodeVerifyStep } from './steps/magic-code.ts';
import { mfaChallengeStep, mfaEnrollStep, mfaVerifyStep } from './steps/mfa-steps.ts';
import { orgSelectStep } from './steps/org.ts';
import { errorOutcome, unavailable } from './steps/outcomes.ts';
import { passkeyRegisterOptionsStep, passkeyRegisterVerifyStep } from './steps/passkey-register.ts';
import { passkeyOptionsStep, passkeyVerifyStep } from './steps/passkey.ts';
import { passwordStep } from './steps/password.ts';
import { resetConfirmStep, resetRequestStep } from './steps/reset.ts';
import { emailVerifyStep, signupStep } from './steps/signup.ts';
import { stepUpStep } from './steps/step-up.ts';

export interface AppDeps extends StepContext {
  secret: string;
  /**
   * `WORKOS_LOGIN_SECRET_PREVIOUS`: during a rotation, requests signed with it are accepted too
   * (and answered signed with it); the sealer opens flows sealed with it.
   */
  previousSecret?: string | null;
  log: Logger;
  now?: () => number;
  /** The most any request may spend (`WORKOS_LOGIN_STEP_BUDGET_MS`); WordPress's budget may shorten it. */
  stepBudgetMs?: number;
}

const STEPS: { [S in StepId]: (ctx: StepContext, envelope: Envelope<S>) => Promise<Outcome> } = {
  password: passwordStep,
  magic_code_send: magicCodeSendStep,
  magic_code_verify: magicCodeVerifyStep,
  authorize: authorizeStep,
  callback: callbackStep,
  impersonation: impersonationStep,
  signup: signupStep,
  email_verify: emailVerifyStep,
  invitation: invitationStep,
  reset_request: resetRequestStep,
  reset_confirm: resetConfirmStep,
  mfa_enroll: mfaEnrollStep,
  mfa_challenge: mfaChallengeStep,
  mfa_verify: mfaVerifyStep,
  org_select: orgSelectStep,
  passkey_options: passkeyOptionsStep,
  passkey_verify: passkeyVerifyStep,
  passkey_register_options: passkeyRegisterOptionsStep,
  passkey_register_verify: passkeyRegisterVerifyStep,
  step_up: stepUpStep,
};

/** Steps served under `/v1/oauth/`: what `/workos/callback` sends (with a state, and without one). */
const OAUTH_PATHS: Partial<Record<StepId, string>> = {
  callback: '/v1/oauth/callback',
  impersonation: '/v1/oauth/impersonation',
};

/** The server path of each step. */
export function stepPath(step: StepId): string {
  return OAUTH_PATHS[step] ?? `/v1/${step}`;
}

const elapsed = (started: number) => Math.round((performance.now() - started) * 100) / 100;

export function createApp(deps: AppDeps): Hono<SignedEnv> {
  const now = deps.now ?? Date.now;
  const signed = signedJson(now);
  const secrets = deps.previousSecret ? [deps.secret, deps.previousSecret] : [deps.secret];
  const app = new Hono<SignedEnv>();
  const maxBudget = deps.stepBudgetMs ?? DEFAULT_STEP_BUDGET_MS;

  /** Runs a job within the budget this request announced. */
  function within(c: Context<SignedEnv>, route: string): Within {
    const budget = requestBudget(c.req.header(SERVER_HEADERS.budget), maxBudget);
    return (job, late) => withinBudget(deps, route, budget, job, late);
  }

  /** A signed `invalid_request` naming the fields that failed (never their values). */
  function invalid(c: Context<SignedEnv>, route: string, issues: z.core.$ZodIssue[] | null) {
    if (issues === null) return signed(c, errorOutcome('invalid_request', 400, 'Body is not JSON.'));
    const fields = issues.map((issue) => issue.path.join('.'));
    deps.log.info('invalid body', { route, fields });
    return signed(c, errorOutcome('invalid_request', 400, `Invalid fields: ${fields.join(', ')}`));
  }

  app.get('/healthz', (c) => c.json({ status: 'ok' }));

  app.use(
    '/v1/*',
    bodyLimit({ maxSize: 64 * 1024, onError: (c) => c.json({ error: 'body_too_large' }, 413) }),
    requireSignature(secrets, deps.log, now),
  );

  for (const route of ADMIN_ROUTES) {
    app.post(route.path, async (c) => {
      const json = jsonBody(c);
      if (json === undefined) return invalid(c, route.name, null);
      const started = performance.now();
      const ran = await route.run(deps, json, within(c, route.name));
      if ('issues' in ran) return invalid(c, route.name, ran.issues);
      const { outcome } = ran;
      deps.log.info('admin', {
        route: route.name,
        outcome: outcome.type,
        code: outcome.type === 'error' ? (outcome as ErrorOutcome).code : undefined,
        ms: elapsed(started),
        ...(ran.late ? { late: true } : {}),
        ...ran.fields,
      });
      return signed(c, outcome);
    });
  }

  async function runStep(c: Context<SignedEnv>, step: StepId) {
    const json = jsonBody(c);
    if (json === undefined) return invalid(c, step, null);
    const parsed = envelopeSchema(step).safeParse(json);
    if (!parsed.success) return invalid(c, step, parsed.error.issues);

    const started = performance.now();
    const run = STEPS[step] as (ctx: StepContext, envelope: Envelope) => Promise<Outcome>;
    const { outcome, late } = await within(c, step)<Outcome>(
      () => run(deps, parsed.data),
      (retryAfter) => unavailable(retryAfter),
    );
    deps.log.info('step', {
      step,
      outcome: outcome.type,
      code: outcome.type === 'error' ? outcome.code : undefined,
      ms: elapsed(started),
      ...(late ? { late: true } : {}),
    });
    return signed(c, outcome);
  }

  app.post(stepPath('callback'), (c) => runStep(c, 'callback'));
  app.post(stepPath('impersonation'), (c) => runStep(c, 'impersonation'));
  app.post('/v1/:step', (c) => {
    const step = c.req.param('step');
    if (!isStepId(step) || stepPath(step) !== `/v1/${step}`) {
      return signed(c, errorOutcome('invalid_request', 404, `Unknown step "${step}".`));
    }
    return runStep(c, step);
  });

  app.notFound((c) => c.json({ error: 'not_found' }, 404));
  app.onError((error, c) => {
    deps.log.error('unhandled error', { error });
    return signed(c, errorOutcome('internal_error', 500, 'Internal error.'));
  });

  return app;
}
