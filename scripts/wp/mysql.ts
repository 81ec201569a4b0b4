/**
 * A site's MySQL/MariaDB database, seen with WordPress's own credentials through the `mariadb`
 * (or `mysql`) client: recreate it, keep a golden copy right after install (`<name>_golden`, same
 * server), and put that copy back between tests.
 *
 * The user needs every privilege on `<name>` and `<name>_golden` (the production lane's stack
 * grants them). Reset keeps AUTO_INCREMENT counters running (DELETE, not TRUNCATE: TRUNCATE costs
 * ~40 ms a table on InnoDB); ids only ever grow, as on a real site.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runOk, which } from './exec.ts';
import type { ConstantValue } from './wp-config.ts';

export interface MysqlDatabase {
  driver: 'mysql';
  host: string;
  port: number;
  name: string;
  user: string;
  password: string;
}

/** Where a site keeps its data: SQLite in wp-content/database (the default), or a MySQL server. */
export type DatabaseOption = { driver: 'sqlite' } | MysqlDatabase;

export function mysqlConstants(db: MysqlDatabase): Record<string, ConstantValue> {
  return {
    DB_NAME: db.name,
    DB_USER: db.user,
    DB_PASSWORD: db.password,
    DB_HOST: `${db.host}:${db.port}`,
    DB_CHARSET: 'utf8mb4',
    DB_COLLATE: '',
  };
}

const ident = (name: string) => {
  if (!/^[A-Za-z0-9_]{1,64}$/.test(name)) throw new Error(`not a plain MySQL identifier: ${name}`);
  return `\`${name}\``;
};

export interface SiteDatabase {
  /** Runs SQL; answers the rows of its last result (tab-separated columns, no header). */
  rows(sql: string): Promise<string[][]>;
  recreate(): Promise<void>;
  hasGolden(): Promise<boolean>;
  saveGolden(): Promise<void>;
  reset(): Promise<void>;
}

/** `dir` holds the client's credentials file (the site's folder). */
export async function siteDatabase(db: MysqlDatabase, dir: string): Promise<SiteDatabase> {
  const client = (await which('mariadb')) ?? (await which('mysql'));
  if (!client) throw new Error('a MySQL site needs the `mariadb` (or `mysql`) client: install mariadb-client');
  // Credentials in a file, not on the command line where `ps` shows them; (re)written on use,
  // since rebuilding the site removes its folder.
  const cnf = join(dir, 'mysql-client.cnf');
  const cnfText = `[client]\nuser=${db.user}\npassword="${db.password.replace(/["\\]/g, '\\$&')}"\nhost=${db.host}\nport=${db.port}\nprotocol=TCP\n`;
  const live = ident(db.name);
  const golden = ident(`${db.name}_golden`);

  const rows = async (sql: string) => {
    if (!existsSync(cnf)) {
      await mkdir(dir, { recursive: true });
      await writeFile(cnf, cnfText, { mode: 0o600 });
    }
    const out = await runOk(client, [`--defaults-file=${cnf}`, '--batch', '--skip-column-names'], {
      input: sql,
      timeoutMs: 60_000,
    });
    return out
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => line.split('\t'));
  };
  const liveTables = async () => (await rows(`SHOW TABLES FROM ${live}`)).map(([name]) => name);

  return {
    rows,
    async recreate() {
      await rows(`DROP DATABASE IF EXISTS ${live}; CREATE DATABASE ${live} CHARACTER SET utf8mb4;`);
    },
    async hasGolden() {
      const [[count] = ['0']] = await rows(
        `SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '${db.name}_golden'`,
      );
      return Number(count) > 0;
    },
    async saveGolden() {
      const copies = (await liveTables()).map(
        (t) =>
          `CREATE TABLE ${golden}.${ident(t)} LIKE ${live}.${ident(t)}; INSERT INTO ${golden}.${ident(t)} SELECT * FROM ${live}.${ident(t)};`,
      );
      await rows(
        `DROP DATABASE IF EXISTS ${golden}; CREATE DATABASE ${golden} CHARACTER SET utf8mb4;\n${copies.join('\n')}`,
      );
    },
    async reset() {
      // What a test may have left: its own tables and triggers (the fault suite refuses writes
      // with triggers), rows anywhere. One query to look, one script to put everything back.
      const found = await rows(`
        SELECT 'golden', table_name FROM information_schema.tables WHERE table_schema = '${db.name}_golden'
        UNION ALL SELECT 'live', table_name FROM information_schema.tables WHERE table_schema = '${db.name}'
        UNION ALL SELECT 'trigger', trigger_name FROM information_schema.triggers WHERE trigger_schema = '${db.name}'`);
      const names = (kind: string) => found.filter(([k]) => k === kind).map(([, name]) => name);
      const goldenTables = names('golden');
      if (goldenTables.length === 0) throw new Error(`no golden copy of ${db.name}: the site was never installed`);
      const liveSet = new Set(names('live'));
      const head = [
        'SET FOREIGN_KEY_CHECKS = 0;',
        ...names('trigger').map((t) => `DROP TRIGGER IF EXISTS ${live}.${ident(t)};`),
        ...[...liveSet]
          .filter((t) => !goldenTables.includes(t))
          .map((t) => `DROP TABLE IF EXISTS ${live}.${ident(t)};`),
      ];
      const fast = goldenTables.map((t) =>
        liveSet.has(t)
          ? `DELETE FROM ${live}.${ident(t)}; INSERT INTO ${live}.${ident(t)} SELECT * FROM ${golden}.${ident(t)};`
          : `CREATE TABLE ${live}.${ident(t)} LIKE ${golden}.${ident(t)}; INSERT INTO ${live}.${ident(t)} SELECT * FROM ${golden}.${ident(t)};`,
      );
      try {
        await rows([...head, ...fast].join('\n'));
      } catch {
        // A table whose columns changed since install (a schema upgrade ran): rebuild them all.
        const slow = goldenTables.map(
          (t) =>
            `DROP TABLE IF EXISTS ${live}.${ident(t)}; CREATE TABLE ${live}.${ident(t)} LIKE ${golden}.${ident(t)}; INSERT INTO ${live}.${ident(t)} SELECT * FROM ${golden}.${ident(t)};`,
        );
        await rows([...head, ...slow].join('\n'));
      }
    },
  };
}
