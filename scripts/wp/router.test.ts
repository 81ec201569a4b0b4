/**
 * router.php against a real `php -S` on a tiny document root (skipped without PHP).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCRIPTS_DIR } from './paths.ts';

const hasPhp = (() => {
  try {
    execFileSync('php', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const PORT = 5897;
const base = `http://127.0.0.1:${PORT}`;
let server: ChildProcess | undefined;

async function get(path: string): Promise<{ status: number; body: string; location: string | null }> {
  const res = await fetch(base + path, { redirect: 'manual' });
  return { status: res.status, body: await res.text(), location: res.headers.get('location') };
}

describe.skipIf(!hasPhp)('router.php', () => {
  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), 'wp-router-'));
    const files: Record<string, string> = {
      'index.php': '<?php echo "front:" . $_SERVER["SCRIPT_NAME"] . ":" . $_SERVER["REQUEST_URI"];',
      'wp-login.php': '<?php echo "login:" . $_SERVER["SCRIPT_NAME"];',
      'wp-admin/index.php': '<?php echo "admin:" . $_SERVER["PHP_SELF"];',
      'wp-includes/css/a.css': 'body{}',
      'wp-content/database/.ht.sqlite': 'SQLite format 3',
      'wp-content/database/index.php': '<?php // Silence.',
      'wp-content/plugins/p/.env': 'SECRET=1',
      'wp-content/uploads/.keep': '',
    };
    for (const [rel, content] of Object.entries(files)) {
      mkdirSync(join(root, rel, '..'), { recursive: true });
      writeFileSync(join(root, rel), content);
    }
    server = spawn('php', ['-S', `127.0.0.1:${PORT}`, '-t', root, join(SCRIPTS_DIR, 'router.php')], {
      stdio: 'ignore',
    });
    for (let i = 0; i < 50; i++) {
      try {
        await fetch(base + '/wp-login.php');
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  });

  afterAll(() => {
    server?.kill();
  });

  it('serves static files as they are', async () => {
    expect(await get('/wp-includes/css/a.css')).toMatchObject({ status: 200, body: 'body{}' });
  });

  it('runs existing PHP files with their own SCRIPT_NAME', async () => {
    expect((await get('/wp-login.php')).body).toBe('login:/wp-login.php');
    expect((await get('/wp-admin/')).body).toBe('admin:/wp-admin/index.php');
  });

  it('adds the trailing slash to folders, keeping the query', async () => {
    const res = await get('/wp-admin?x=1');
    expect(res.status).toBe(301);
    expect(res.location).toBe('/wp-admin/?x=1');
  });

  it('sends pretty permalinks, REST and plugin routes to index.php', async () => {
    for (const path of [
      '/',
      '/hello-world/',
      '/wp-json/workos/v1/auth/password',
      '/workos/login/default',
      '/missing.css',
    ]) {
      expect((await get(path)).body).toBe(`front:/index.php:${path}`);
    }
  });

  it('never serves the database, dotfiles or hidden folders', async () => {
    for (const path of [
      '/wp-content/database/.ht.sqlite',
      '/wp-content/database/',
      '/wp-content/plugins/p/.env',
      '/wp-content/%2eht.sqlite',
      '/.git/config',
    ]) {
      expect((await get(path)).status, path).toBe(403);
    }
  });
});
