/**
 * One PHP "node": its own php-fpm master (`--nodaemonize`, root allowed with `-R`) with one static
 * pool on 127.0.0.1:<port>. Two of them behind nginx are two web servers sharing a database, a
 * Redis and a document root — which is what several PHP nodes of a real site share.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startProc, type Proc } from '../proc.ts';
import { waitForPort } from './wait.ts';

export interface PhpNode {
  /** `php-1`, `php-2`: what nginx's X-WorkOS-Node header says. */
  name: string;
  /** 127.0.0.1:<port> */
  address: string;
  errorLog: string;
  readonly running: boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface PhpNodeOptions {
  phpFpm: string;
  name: string;
  port: number;
  /** State folder (config, pid). */
  dir: string;
  logDir: string;
  /** Log file names start with this (the site's name). */
  logPrefix: string;
  children?: number;
  track?: (pid: number | undefined) => void;
}

export function renderFpmConfig(opts: PhpNodeOptions): string {
  const log = (what: string) => join(opts.logDir, `${opts.logPrefix}-${opts.name}-${what}.log`);
  return [
    '[global]',
    `pid = ${join(opts.dir, `${opts.name}.pid`)}`,
    `error_log = ${log('fpm')}`,
    'daemonize = no',
    'log_level = notice',
    '',
    `[${opts.name}]`,
    `listen = 127.0.0.1:${opts.port}`,
    'listen.allowed_clients = 127.0.0.1',
    'listen.backlog = 511',
    'pm = static',
    `pm.max_children = ${opts.children ?? 6}`,
    'catch_workers_output = yes',
    'decorate_workers_output = no',
    // PHP's errors before WordPress loads; php_value, not php_admin_value, so WP_DEBUG_LOG can
    // still send WordPress's to the site's debug.log as on the SQLite lane.
    `php_value[error_log] = ${log('php')}`,
    'php_admin_flag[log_errors] = on',
    'php_admin_value[memory_limit] = 256M',
    '',
  ].join('\n');
}

export async function createPhpNode(opts: PhpNodeOptions): Promise<PhpNode> {
  await mkdir(opts.dir, { recursive: true });
  await mkdir(opts.logDir, { recursive: true });
  const config = join(opts.dir, `${opts.name}.conf`);
  await writeFile(config, renderFpmConfig(opts));
  let proc: Proc | null = null;

  const node: PhpNode = {
    name: opts.name,
    address: `127.0.0.1:${opts.port}`,
    errorLog: join(opts.logDir, `${opts.logPrefix}-${opts.name}-php.log`),
    get running() {
      return proc !== null;
    },
    async start() {
      if (proc) return;
      const started = startProc(
        opts.name,
        opts.phpFpm,
        [
          '--nodaemonize',
          '--fpm-config',
          config,
          ...(process.getuid?.() === 0 ? ['--allow-to-run-as-root'] : []),
          // Tests write mu-plugins and swap the object-cache drop-in while the site runs: opcache
          // must look at every file's mtime on every request.
          '-d',
          'opcache.validate_timestamps=1',
          '-d',
          'opcache.revalidate_freq=0',
        ],
        { quiet: true, logFile: join(opts.logDir, `${opts.logPrefix}-${opts.name}-master.log`) },
      );
      opts.track?.(started.child.pid);
      await waitForPort(started, opts.port);
      proc = started;
    },
    async stop() {
      const running = proc;
      proc = null;
      await running?.stop();
    },
  };
  await node.start();
  return node;
}
