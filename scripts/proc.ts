/**
 * Child processes for the orchestration scripts: each runs in its own process group so stopping
 * it stops everything it started, and its output is prefixed (or kept quiet) on ours.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Proc {
  name: string;
  child: ChildProcess;
  /** Output kept for error messages (last ~8 KB). */
  tail(): string;
  stop(): Promise<void>;
}

export function startProc(
  name: string,
  command: string,
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; cwd?: string; quiet?: boolean; logFile?: string } = {},
): Proc {
  // With a log file the child writes to it directly: nothing passes through this process, so a
  // busy child (a server logging every request) never competes with us for our event loop.
  let fd: number | undefined;
  if (opts.logFile) {
    mkdirSync(dirname(opts.logFile), { recursive: true });
    fd = openSync(opts.logFile, 'w');
  }
  const child = spawn(command, args, {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env },
    detached: true,
    stdio: ['ignore', fd ?? 'pipe', fd ?? 'pipe'],
  });
  if (fd !== undefined) closeSync(fd);
  let buffer = '';
  const onData = (chunk: Buffer) => {
    const text = chunk.toString();
    buffer = (buffer + text).slice(-8192);
    if (!opts.quiet) {
      for (const line of text.split('\n')) if (line.trim()) process.stdout.write(`[${name}] ${line}\n`);
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  live.add(child);
  child.once('exit', () => live.delete(child));

  return {
    name,
    child,
    tail: () => (opts.logFile ? readFileSync(opts.logFile, 'utf8').slice(-8192) : buffer),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Waits until `url` answers (any HTTP status below 500) or the process dies. */
export async function waitForHttp(proc: Proc, url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null) {
      throw new Error(`${proc.name} exited with code ${proc.child.exitCode} before ${url} answered:\n${proc.tail()}`);
    }
    try {
      const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${proc.name} did not answer ${url} within ${timeoutMs} ms:\n${proc.tail()}`);
}

const live = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

// Whatever happens to us, take the children along.
process.once('exit', () => {
  for (const child of live) killGroup(child, 'SIGKILL');
});
