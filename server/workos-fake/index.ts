import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { createWorkOSFake, DEFAULT_API_KEY } from './app.ts';
import { loadSeed } from './seed.ts';

export * from './app.ts';

/**
 * `node server/workos-fake/index.ts --port 4100 [--seed file.json] [--client-id …] [--api-key …]`
 * Listens on 127.0.0.1 only; prints one line; stops cleanly on SIGINT/SIGTERM.
 */
function main(): void {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4100' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string' },
      'client-id': { type: 'string' },
      'api-key': { type: 'string' },
      issuer: { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`Invalid --port: ${values.port}`);
  const fake = createWorkOSFake({
    ...(values.seed ? { seed: loadSeed(values.seed) } : {}),
    ...(values['client-id'] ? { clientId: values['client-id'] } : {}),
    ...(values['api-key'] ? { apiKey: values['api-key'] } : {}),
    ...(values.issuer ? { issuer: values.issuer } : {}),
  });
  const server = serve({ fetch: fake.app.fetch, port, hostname: values.host }, (info) => {
    // The default key is a public test value; a key given on the command line is never printed.
    const key = fake.apiKey === DEFAULT_API_KEY ? `api key ${DEFAULT_API_KEY}` : 'api key from --api-key';
    console.log(`WorkOS fake listening on http://${info.address}:${info.port} (client id ${fake.clientId}, ${key})`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (import.meta.main) main();
