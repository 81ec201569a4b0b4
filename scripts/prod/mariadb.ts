/**
 * MariaDB in user space: a data directory under the lane's state folder (created once by
 * mariadb-install-db, kept across runs), `mariadbd --no-defaults` on 127.0.0.1:<port> plus a
 * socket, a small buffer pool. Root (socket authentication) runs SQL for the tests: the fault
 * suite's `SET GLOBAL read_only = 1`, triggers refusing writes, locks held open.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { startProc } from '../proc.ts';
import { run, runOk } from '../wp/exec.ts';
import type { ProdBinaries } from './packages.ts';

export type Row = Record<string, string | null>;

/** A connection kept open (a lock, an open transaction) until released. */
export interface HeldSession {
  release(): Promise<void>;
}

export interface MariaDb {
  host: string;
  port: number;
  socket: string;
  /** Runs SQL as root; answers the rows of the last result set (NULL as null). */
  query(sql: string): Promise<Row[]>;
  /**
   * Runs SQL as root on a connection that stays open until `release()` — e.g. `LOCK TABLES
   * wp_usermeta WRITE` or `START TRANSACTION; SELECT … FOR UPDATE`. Resolves once the SQL ran.
   */
  hold(sql: string): Promise<HeldSession>;
  /** Releases every held session (the stack does this between tests). */
  releaseAll(): Promise<void>;
  stop(): Promise<void>;
}

const isRoot = () => process.getuid?.() === 0;

/** Unix sockets take ~107 bytes of path; a deep checkout gets one in the temp folder instead. */
function socketPath(dir: string): string {
  const inside = join(dir, 'mariadb.sock');
  if (inside.length < 100) return inside;
  return join(tmpdir(), `workos-mariadb-${createHash('sha256').update(dir).digest('hex').slice(0, 12)}.sock`);
}

export async function startMariaDb(opts: {
  bins: ProdBinaries;
  dir: string;
  port: number;
  logFile: string;
  /** Told the pid of every process started (stray cleanup). */
  track?: (pid: number | undefined) => void;
}): Promise<MariaDb> {
  const datadir = join(opts.dir, 'data');
  const socket = socketPath(opts.dir);
  const user = isRoot() ? 'root' : userInfo().username;
  await mkdir(join(opts.dir, 'tmp'), { recursive: true });
  if (!existsSync(join(datadir, 'mysql'))) {
    await rm(datadir, { recursive: true, force: true });
    await runOk(
      opts.bins.mariadbInstallDb,
      [
        '--no-defaults',
        `--datadir=${datadir}`,
        '--auth-root-authentication-method=socket',
        '--skip-test-db',
        '--skip-name-resolve',
        ...(isRoot() ? ['--user=root'] : []),
      ],
      { timeoutMs: 120_000 },
    );
  }
  await rm(socket, { force: true });
  const proc = startProc(
    'mariadb',
    opts.bins.mariadbd,
    [
      '--no-defaults',
      ...(isRoot() ? ['--user=root'] : []),
      `--datadir=${datadir}`,
      `--tmpdir=${join(opts.dir, 'tmp')}`,
      `--socket=${socket}`,
      `--pid-file=${join(opts.dir, 'mariadb.pid')}`,
      '--bind-address=127.0.0.1',
      `--port=${opts.port}`,
      '--skip-name-resolve',
      '--innodb-buffer-pool-size=64M',
      '--innodb-log-file-size=32M',
      // A test database on a shared disk: durability settings change no semantics tests see.
      '--innodb-flush-log-at-trx-commit=2',
      '--innodb-doublewrite=0',
      // A row lock held elsewhere fails a statement after 5 s (default 50 s), as on hosts tuned for
      // web traffic: the fault suite's locked database answers "try again" in seconds, not a minute.
      '--innodb-lock-wait-timeout=5',
      '--max-connections=300',
      '--character-set-server=utf8mb4',
    ],
    { quiet: true, logFile: opts.logFile },
  );
  opts.track?.(proc.child.pid);

  const client = (extra: string[] = []) => [
    '--no-defaults',
    `--socket=${socket}`,
    `--user=${user}`,
    '--protocol=SOCKET',
    ...extra,
  ];
  const query = async (sql: string) => parseXml(await runOk(opts.bins.mariadb, client(['--xml']), { input: sql }));

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.child.exitCode !== null)
      throw new Error(`mariadbd exited with code ${proc.child.exitCode}:\n${proc.tail()}`);
    const ping = await run(opts.bins.mariadb, client(['-e', 'SELECT 1']), { timeoutMs: 5_000 }).catch(() => null);
    if (ping?.code === 0) break;
    if (Date.now() > deadline) {
      await proc.stop();
      throw new Error(`mariadbd did not answer on ${socket} within 60 s:\n${proc.tail()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  const held = new Set<ChildProcess>();
  const releaseOne = (child: ChildProcess) =>
    new Promise<void>((resolve) => {
      held.delete(child);
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.stdin?.end();
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
    });

  return {
    host: '127.0.0.1',
    port: opts.port,
    socket,
    query,
    async hold(sql) {
      const child = spawn(opts.bins.mariadb, client(['--batch', '--unbuffered', '--skip-column-names']), {
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      held.add(child);
      const marker = `workos-held-${Date.now()}-${held.size}`;
      await new Promise<void>((resolve, reject) => {
        let out = '';
        let err = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes(marker)) resolve();
        });
        child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
        child.once('exit', (code) => reject(new Error(`held session ended (${code}) before its SQL ran:\n${err}`)));
        child.stdin.write(`${sql.trim().replace(/;$/, '')};\nSELECT '${marker}';\n`);
      });
      return { release: () => releaseOne(child) };
    },
    async releaseAll() {
      await Promise.all([...held].map(releaseOne));
    },
    async stop() {
      await Promise.all([...held].map(releaseOne));
      await proc.stop();
    },
  };
}

/** `mariadb --xml` output → rows of its last result set. */
export function parseXml(xml: string): Row[] {
  const sets = xml.split('<resultset').slice(1);
  const last = sets.at(-1);
  if (!last) return [];
  const rows: Row[] = [];
  for (const [, body = ''] of last.matchAll(/<row>([\s\S]*?)<\/row>/g)) {
    const row: Row = {};
    for (const [, name = '', rest = ''] of body.matchAll(/<field name="([^"]*)"([^>]*?\/>|[^>]*>[\s\S]*?<\/field>)/g)) {
      row[unescapeXml(name)] = rest.includes('xsi:nil="true"')
        ? null
        : rest.endsWith('/>')
          ? ''
          : unescapeXml(rest.replace(/^[^>]*>/, '').replace(/<\/field>$/, ''));
    }
    rows.push(row);
  }
  return rows;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}
