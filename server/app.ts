/**
 * The login server's HTTP surface: `GET /healthz` and `POST /v1/<step>`.
 *
 * Every `/v1` request must carry a valid signature before anything else is looked at; every
 * answer is signed the same way so WordPress can tell it really came from here.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HEADERS, type Envelope, type Outcome, type StepId } from '../protocol/messages.ts';
import type { Logger } from './log.ts';
import { envelopeSchema, isStepId } from './schemas.ts';
import { sign, verify } from './signature.ts';
import type { StepContext } from './steps/context.ts';
import { errorOutcome } from './steps/errors.ts';
import { passwordStep } from './steps/password.ts';

export interface AppDeps extends StepContext {
  secret: string;
  log: Logger;
  now?: () => number;
}

const STEPS: { [S in StepId]: (ctx: StepContext, envelope: Envelope<S>) => Promise<Outcome> } = {
  password: passwordStep,
};

export function createApp(deps: AppDeps): Hono {
  const now = deps.now ?? Date.now;
  const app = new Hono();

  app.get('/healthz', (c) => c.json({ status: 'ok' }));

  app.post(
    '/v1/:step',
    bodyLimit({ maxSize: 64 * 1024, onError: (c) => c.json({ error: 'body_too_large' }, 413) }),
    async (c) => {
      const body = await c.req.text();
      const failure = verify(deps.secret, body, c.req.header(HEADERS.signature), now());
      if (failure) {
        deps.log.warn('rejected unsigned request', { reason: failure, path: c.req.path });
        return c.json({ error: 'invalid_signature' }, 401);
      }

      const step = c.req.param('step');
      if (!isStepId(step)) return signed(c, errorOutcome('invalid_request', 404, `Unknown step "${step}".`));

      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        return signed(c, errorOutcome('invalid_request', 400, 'Body is not JSON.'));
      }
      const parsed = envelopeSchema(step).safeParse(json);
      if (!parsed.success) {
        const fields = parsed.error.issues.map((issue) => issue.path.join('.'));
        deps.log.info('invalid envelope', { step, fields });
        return signed(c, errorOutcome('invalid_request', 400, `Invalid fields: ${fields.join(', ')}`));
      }

      const started = performance.now();
      const outcome = await STEPS[step](deps, parsed.data);
      deps.log.info('step', {
        step,
        outcome: outcome.type,
        code: outcome.type === 'error' ? outcome.code : undefined,
        ms: Math.round(performance.now() - started),
      });
      return signed(c, outcome);
    },
  );

  app.notFound((c) => c.json({ error: 'not_found' }, 404));
  app.onError((error, c) => {
    deps.log.error('unhandled error', { error });
    return signed(c, errorOutcome('internal_error', 500, 'Internal error.'));
  });

  function signed(c: Context, outcome: Outcome) {
    const body = JSON.stringify(outcome);
    return c.body(body, 200, {
      'Content-Type': 'application/json',
      [HEADERS.signature]: sign(deps.secret, body, now()),
    });
  }

  return app;
}
