/**
 * Login servers as restartable parts of a stack — the SQLite lane's one, the production lane's
 * replicas: the same build, secret and WorkOS settings, each on its own port with its own log
 * (.wp/logs/<site>-<name>.log, one JSON line per step; a start begins a new log). Each can be
 * stopped and started on its own, and started with extra environment for one run (a libfaketime
 * preload for clock skew, a wrong API key) — `start()` without it goes back to the normal one.
 */
import { join } from 'node:path';
import { startProc, waitForHttp, type Proc } from '../proc.ts';

export interface Replica {
  /** `replica-1`, `replica-2`: what the balancer's log and X-WorkOS-Replica say. */
  name: string;
  url: string;
  address: string;
  /** null when its output goes to the console. */
  logFile: string | null;
  readonly running: boolean;
  start(env?: Record<string, string>): Promise<void>;
  stop(): Promise<void>;
  /**
   * Freezes it (SIGSTOP): connections are still accepted, nothing is ever answered — a hung login
   * server, which costs callers their whole timeout. `resume()` (SIGCONT) lets it go on.
   */
  pause(): Promise<void>;
  resume(): Promise<void>;
}

export function createReplica(opts: {
  name: string;
  port: number;
  root: string;
  /** The file Node runs: default `<root>/build/server/index.js`; the install lane, the release's bin. */
  entry?: string;
  /** Where its output goes; without one it is printed on ours, prefixed (`npm start`). */
  logFile?: string;
  env: Record<string, string>;
  track?: (pid: number | undefined) => void;
}): Replica {
  const { name, logFile } = opts;
  const url = `http://127.0.0.1:${opts.port}`;
  let proc: Proc | null = null;
  let paused = false;
  const signal = (name: NodeJS.Signals) => {
    const pid = proc?.child.pid;
    if (!pid) throw new Error(`${name}: ${opts.name} is not running`);
    process.kill(-pid, name);
  };
  return {
    name,
    url,
    address: `127.0.0.1:${opts.port}`,
    logFile: logFile ?? null,
    get running() {
      return proc !== null;
    },
    async start(env = {}) {
      if (proc) return;
      const started = startProc(name, process.execPath, [opts.entry ?? join(opts.root, 'build/server/index.js')], {
        env: {
          ...opts.env,
          WORKOS_LOGIN_SERVER_HOST: '127.0.0.1',
          WORKOS_LOGIN_SERVER_PORT: String(opts.port),
          ...env,
        },
        quiet: Boolean(logFile),
        logFile,
      });
      opts.track?.(started.child.pid);
      await waitForHttp(started, `${url}/healthz`).catch(async (error: unknown) => {
        await started.stop();
        throw error;
      });
      proc = started;
    },
    async stop() {
      // A frozen process would not see SIGTERM until it runs again.
      if (paused) {
        paused = false;
        signal('SIGCONT');
      }
      const running = proc;
      proc = null;
      await running?.stop();
    },
    async pause() {
      signal('SIGSTOP');
      paused = true;
    },
    async resume() {
      if (!paused) return;
      paused = false;
      signal('SIGCONT');
    },
  };
}
