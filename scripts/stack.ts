/**
 * The whole suite on one machine: WorkOS (the project's fake, or real WorkOS when credentials
 * are in the environment) + the login server + WordPress with the plugin active.
 * Used by `npm start`, the end-to-end tests and the benchmark.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startProc, waitForHttp, type Proc } from './proc.ts';
import { createSite, serveSite } from './wp/index.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NODE = process.execPath;

export interface StackOptions {
  /** Site name: its WordPress copy lives in `.wp/sites/<name>`. */
  name: string;
  ports: { workos: number; server: number; wordpress: number };
  /** `fake` (default unless WORKOS_API_KEY and WORKOS_CLIENT_ID are set) or `real`. */
  workos?: 'fake' | 'real';
  quiet?: boolean;
  /** Extra wp-config constants. */
  constants?: Record<string, string | number | boolean>;
  muPlugins?: Record<string, string>;
}

export interface Stack {
  mode: 'fake' | 'real';
  wordpressUrl: string;
  serverUrl: string;
  workosUrl: string;
  secret: string;
  adminPassword: string;
  site: Awaited<ReturnType<typeof createSite>>;
  /**
   * Starts the login server again after {@link Stack.stopServer}; `env` is merged over its normal
   * environment (e.g. a wrong `WORKOS_API_KEY`) for this run only — `startServer()` restores it.
   */
  startServer(env?: Record<string, string>): Promise<void>;
  stopServer(): Promise<void>;
  /** Stops the WorkOS fake (fake mode only), so tests can see WorkOS unreachable. */
  stopWorkOS(): Promise<void>;
  /** Starts the fake again on the same port; its state goes back to the seed. */
  startWorkOS(): Promise<void>;
  stop(): Promise<void>;
}

export const FAKE_API_KEY = 'sk_test_fake_workos';
export const FAKE_CLIENT_ID = 'client_fake_workos';

export function defaultWorkOSMode(env = process.env): 'fake' | 'real' {
  return env.WORKOS_API_KEY && env.WORKOS_CLIENT_ID ? 'real' : 'fake';
}

/** A per-site secret kept across restarts, so the WordPress copy can be reused. */
function siteSecret(name: string, kind: string): string {
  const file = join(ROOT, '.wp', `${name}.${kind}`);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const value = randomBytes(32).toString('hex');
  writeFileSync(file, value, { mode: 0o600 });
  return value;
}

export async function startStack(opts: StackOptions): Promise<Stack> {
  const mode = opts.workos ?? defaultWorkOSMode();
  const secret = process.env.WORKOS_LOGIN_SECRET ?? siteSecret(opts.name, 'secret');
  const adminPassword = siteSecret(opts.name, 'admin-password').slice(0, 20);
  const procs: Proc[] = [];
  // Quiet stacks (tests, bench) keep each process's output in .wp/logs/<name>-<process>.log.
  const logFile = (proc: string) => (opts.quiet ? join(ROOT, '.wp', 'logs', `${opts.name}-${proc}.log`) : undefined);
  const stopAll = async () => {
    await Promise.all(procs.map((p) => p.stop()));
    procs.length = 0;
  };

  try {
    const workosUrl = mode === 'fake' ? `http://127.0.0.1:${opts.ports.workos}` : 'https://api.workos.com';
    let fake: Proc | null = null;
    const startWorkOS = async () => {
      if (mode !== 'fake') throw new Error('startWorkOS: the stack talks to real WorkOS');
      if (fake) return;
      fake = startProc(
        'workos-fake',
        NODE,
        [join(ROOT, 'server/workos-fake/index.ts'), '--port', String(opts.ports.workos)],
        { quiet: opts.quiet, logFile: logFile('workos-fake') },
      );
      procs.push(fake);
      await waitForHttp(fake, `${workosUrl}/health`);
    };
    if (mode === 'fake') await startWorkOS();

    const serverUrl = `http://127.0.0.1:${opts.ports.server}`;
    const serverEnv = {
      WORKOS_LOGIN_SECRET: secret,
      WORKOS_LOGIN_SERVER_HOST: '127.0.0.1',
      WORKOS_LOGIN_SERVER_PORT: String(opts.ports.server),
      ...(mode === 'fake'
        ? { WORKOS_API_KEY: FAKE_API_KEY, WORKOS_CLIENT_ID: FAKE_CLIENT_ID, WORKOS_API_URL: workosUrl }
        : {
            WORKOS_API_KEY: process.env.WORKOS_API_KEY,
            WORKOS_CLIENT_ID: process.env.WORKOS_CLIENT_ID,
            WORKOS_API_URL: process.env.WORKOS_API_URL ?? '',
          }),
    };
    let server: Proc | null = null;
    const startServer = async (env: Record<string, string> = {}) => {
      server = startProc('login-server', NODE, [join(ROOT, 'build/server/index.js')], {
        env: { ...serverEnv, ...env },
        quiet: opts.quiet,
        logFile: logFile('login-server'),
      });
      procs.push(server);
      await waitForHttp(server, `${serverUrl}/healthz`);
    };
    await startServer();

    const wordpressUrl = `http://localhost:${opts.ports.wordpress}`;
    const site = await createSite({
      name: opts.name,
      port: opts.ports.wordpress,
      pluginDir: ROOT,
      adminUser: { password: adminPassword },
      constants: {
        WORKOS_LOGIN_SERVER_URL: serverUrl,
        WORKOS_LOGIN_SECRET: secret,
        ...opts.constants,
      },
      muPlugins: opts.muPlugins,
    });
    const wp = await serveSite(site);
    procs.push({ name: 'wordpress', child: null as never, tail: () => '', stop: () => wp.stop() });

    return {
      mode,
      wordpressUrl,
      serverUrl,
      workosUrl,
      secret,
      adminPassword,
      site,
      startServer,
      async stopServer() {
        if (!server) return;
        await server.stop();
        procs.splice(procs.indexOf(server), 1);
        server = null;
      },
      async stopWorkOS() {
        if (mode !== 'fake') throw new Error('stopWorkOS: the stack talks to real WorkOS');
        if (!fake) return;
        await fake.stop();
        procs.splice(procs.indexOf(fake), 1);
        fake = null;
      },
      startWorkOS,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
