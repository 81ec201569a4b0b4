/** Pieces both ways of serving share. */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export type ServeMode = 'native' | 'playground';

export interface Server {
  url: string;
  mode: ServeMode;
  /** The server's process id (its process group id too). */
  pid: number | undefined;
  /** Stops the server and every process it started. */
  stop(): Promise<void>;
}

/** Fails fast with a clear message when something already listens on `port`. */
export function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`port ${port} is already in use (another WordPress still running? see \`ss -ltnp\`)`)
          : error,
      ),
    );
    server.listen({ port, host: 'localhost', exclusive: true }, () => server.close(() => resolve()));
  });
}

/**
 * Stopping the main process is not the end: PHP's workers (same process group) close the
 * listening socket a moment later. Wait until the port is free so a restart on the same port
 * works at once; SIGKILL the group if it lingers.
 */
export async function waitPortFree(port: number, pgid: number | undefined, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let killed = false;
  for (;;) {
    try {
      await assertPortFree(port);
      return;
    } catch {
      if (Date.now() > deadline) {
        if (killed || !pgid) throw new Error(`port ${port} is still in use after stopping the server`);
        killed = true;
        try {
          process.kill(-pgid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** The last `lines` lines of a log file, or a note that there is none. */
export function logTail(file: string, lines = 40): string {
  if (!existsSync(file)) return '(no log)';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}
