import { Agent, request } from 'node:http';
import { WorkOS } from '@workos-inc/node';
import { SERVER_HEADERS } from '../../protocol/messages.ts';
import envelope from '../../protocol/fixtures/server-password-envelope.json' with { type: 'json' };
import { signRequest } from '../../server/signature.ts';
import { FAKE_API_KEY, FAKE_CLIENT_ID, type Stack } from '../stack.ts';

// WordPress reaches the login server through curl on a kept-alive connection; node:http with a
// keep-alive agent is the closest lean client here (undici's fetch would add ~0.3 ms of its own).
const agent = new Agent({ keepAlive: true, maxSockets: 64 });
function post(url: URL, path: string, body: string, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method: 'POST',
        agent,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...headers },
      },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (data += chunk));
        res.on('end', () => resolve(data));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/**
 * Overhead of the login server: the same password step, (a) as the SDK calls the step makes
 * (authenticate + membership lookup) made directly against the fake, (b) signed through the
 * login server. Runs alternate a/b so drift hits both alike.
 */
export async function measureServer(stack: Stack, opts: { runs: number; seconds: number; concurrency: number }) {
  const url = new URL(stack.workosUrl);
  // The SDK configured as the login server configures it (server/workos.ts), default fetch included.
  const workos = new WorkOS(FAKE_API_KEY, {
    clientId: FAKE_CLIENT_ID,
    apiHostname: url.hostname,
    port: Number(url.port),
    https: false,
    maxRetries: 0,
  });
  const email = 'ada@example.com';
  const password = 'Correct-Horse-7';
  const body = JSON.stringify({
    ...envelope,
    profile: { ...envelope.profile, organization_id: null },
    input: { email, password },
  });

  const direct = async () => {
    const auth = await workos.userManagement.authenticateWithPassword({ clientId: FAKE_CLIENT_ID, email, password });
    if (auth.organizationId)
      await workos.userManagement.listOrganizationMemberships({
        userId: auth.user.id,
        organizationId: auth.organizationId,
        statuses: ['active', 'inactive', 'pending'],
      });
  };
  const server = new URL(stack.serverUrl);
  const viaServer = async () => {
    const text = await post(server, '/v1/password', body, {
      [SERVER_HEADERS.signature]: signRequest(stack.secret, '/v1/password', body),
    });
    const outcome = JSON.parse(text) as { type: string };
    if (outcome.type !== 'authenticated') throw new Error(`unexpected outcome ${JSON.stringify(outcome)}`);
  };
  const time = async (fn: () => Promise<void>) => {
    const t = performance.now();
    await fn();
    return performance.now() - t;
  };

  for (let i = 0; i < 50; i++) {
    await direct();
    await viaServer();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < opts.runs; i++) {
    a.push(await time(direct));
    b.push(await time(viaServer));
  }
  // Each pair ran back to back, so its difference is the overhead under the same machine state.
  const paired = a.map((x, i) => b[i] - x).sort((x, y) => x - y);
  a.sort((x, y) => x - y);
  b.sort((x, y) => x - y);

  let steps = 0;
  const until = performance.now() + opts.seconds * 1000;
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (performance.now() < until) {
        await viaServer();
        steps++;
      }
    }),
  );

  return {
    server_step_overhead_p50_ms: percentile(b, 50) - percentile(a, 50),
    server_step_overhead_p99_ms: percentile(b, 99) - percentile(a, 99),
    server_step_overhead_paired_p50_ms: percentile(paired, 50),
    server_step_direct_p50_ms: percentile(a, 50),
    server_step_via_server_p50_ms: percentile(b, 50),
    server_steps_per_s: steps / opts.seconds,
  };
}
