import { describe, expect, it } from 'vitest';
import { SERVER_HEADERS } from '../../protocol/messages.ts';
import { signRequest } from '../signature.ts';
import { ADMIN_ROUTES } from './routes.ts';
import { outcomeOf, SECRET, setup } from './test-support.ts';
import { errorOutcomeSchema } from '../schemas.ts';

/** What every route of the table shares: signatures both ways, JSON bodies, one log line. */
describe('the admin route table', () => {
  it('holds the routes WordPress calls', () => {
    expect(ADMIN_ROUTES.map((r) => r.path)).toEqual([
      '/v1/admin/organizations',
      '/v1/admin/user',
      '/v1/admin/roles',
      '/v1/admin/health',
      '/v1/session/revoke',
      '/v1/audit/event',
    ]);
  });

  it.each(ADMIN_ROUTES.map((r) => [r.path]))('%s refuses unsigned requests before reading them', async (path) => {
    const { post, requests } = setup();
    const body = JSON.stringify({ input: {} });
    for (const signature of [
      '',
      signRequest('z'.repeat(64), path, body),
      signRequest(SECRET, path, 'other body'),
      signRequest(SECRET, path === '/v1/admin/health' ? '/v1/admin/organizations' : '/v1/admin/health', body),
    ]) {
      const res = await post(path, {}, { raw: body, signature });
      expect(res.status).toBe(401);
      expect(res.headers.get(SERVER_HEADERS.signature)).toBeNull();
      expect(await res.json()).toEqual({ error: 'invalid_signature' });
    }
    expect(requests).toEqual([]);
  });

  it.each(ADMIN_ROUTES.map((r) => [r.path]))(
    '%s answers a signed invalid_request to a body that is not JSON',
    async (path) => {
      const { post } = setup();
      expect(await outcomeOf(await post(path, null, { raw: '{oops' }), errorOutcomeSchema)).toEqual({
        type: 'error',
        code: 'invalid_request',
        message: 'Body is not JSON.',
        status: 400,
      });
    },
  );

  it('logs one line per request, without emails', async () => {
    const { post, org, logLines } = setup();
    await post('/v1/admin/user', { email: 'ada@example.com', organization_id: org.id });
    const lines = logLines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'admin');
    expect(lines).toEqual([
      expect.objectContaining({ route: 'admin/user', outcome: 'user', by: 'email', found: true, membership: 'active' }),
    ]);
    expect(logLines.join('\n')).not.toContain('ada@example.com');
  });
});
