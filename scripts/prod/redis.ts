/**
 * redis-server in user space: loopback, its own port, no persistence (nothing survives a stop,
 * nothing is written to disk), output in a log file. Used by both lanes (the SQLite lane starts
 * it only when a test asks for an object cache).
 */
import { mkdir } from 'node:fs/promises';
import { startProc } from '../proc.ts';
import { redisCommand, type RespValue } from '../wp/redis-client.ts';

export interface RedisServer {
  host: string;
  port: number;
  command(...args: Array<string | number>): Promise<RespValue>;
  stop(): Promise<void>;
}

export async function startRedis(opts: {
  redisServer: string;
  dir: string;
  port: number;
  logFile: string;
  track?: (pid: number | undefined) => void;
}): Promise<RedisServer> {
  await mkdir(opts.dir, { recursive: true });
  const proc = startProc(
    'redis',
    opts.redisServer,
    [
      '--bind',
      '127.0.0.1',
      '--port',
      String(opts.port),
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      opts.dir,
      '--daemonize',
      'no',
      '--databases',
      '16',
    ],
    { quiet: true, logFile: opts.logFile },
  );
  opts.track?.(proc.child.pid);
  const target = { host: '127.0.0.1', port: opts.port };
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (proc.child.exitCode !== null)
      throw new Error(`redis-server exited with code ${proc.child.exitCode}:\n${proc.tail()}`);
    if ((await redisCommand(target, ['PING'], 1_000).catch(() => null)) === 'PONG') break;
    if (Date.now() > deadline) {
      await proc.stop();
      throw new Error(`redis-server did not answer on port ${opts.port}:\n${proc.tail()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    ...target,
    command: (...args) => redisCommand(target, args),
    stop: () => proc.stop(),
  };
}
