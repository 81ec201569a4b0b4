/** Waiting for a server that has no HTTP to poll (PHP-FPM, nginx's first moments). */
import { connect } from 'node:net';
import type { Proc } from '../proc.ts';

/** Resolves once 127.0.0.1:<port> accepts a connection; throws if `proc` dies or time runs out. */
export async function waitForPort(proc: Proc, port: number, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc.child.exitCode !== null) {
      throw new Error(`${proc.name} exited with code ${proc.child.exitCode}:\n${proc.tail()}`);
    }
    if (await portOpen(port)) return;
    if (Date.now() > deadline) {
      await proc.stop();
      throw new Error(`${proc.name} did not listen on ${port} within ${timeoutMs} ms:\n${proc.tail()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function portOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
