import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderNginxConfig, type NginxOptions } from './nginx.ts';

const nginx = ['/usr/sbin/nginx', '/usr/local/sbin/nginx'].find((path) => existsSync(path));

function options(dir: string): NginxOptions {
  return {
    nginx: nginx ?? 'nginx',
    dir,
    logDir: join(dir, 'logs'),
    logPrefix: 'unit',
    docroot: join(dir, 'wordpress'),
    wordpressPort: 18892,
    phpNodes: [
      { name: 'php-1', address: '127.0.0.1:19102' },
      { name: 'php-2', address: '127.0.0.1:19103' },
    ],
    balancerPort: 14311,
    replicas: [
      { name: 'replica-1', address: '127.0.0.1:14312' },
      { name: 'replica-2', address: '127.0.0.1:14313' },
    ],
  };
}

describe('renderNginxConfig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'workos-nginx-'));
  const config = renderNginxConfig(options(dir), join(dir, 'page-cache'));

  it('caches like a typical host, and never ignores what the answer says about caching', () => {
    expect(config).toContain('fastcgi_cache_valid 200 301 302 1d;');
    expect(config).toContain('fastcgi_cache_bypass $workos_skip_cache;');
    expect(config).toContain('fastcgi_no_cache $workos_skip_cache;');
    expect(config).not.toMatch(/fastcgi_ignore_headers/);
    expect(config).toMatch(/wordpress_logged_in_/);
    expect(config).toMatch(/\^\/wp-\(admin\|json\|login/);
  });

  it('names the node and the replica that answered', () => {
    expect(config).toContain('"127.0.0.1:19103" php-2;');
    expect(config).toContain('"127.0.0.1:14313" replica-2;');
    expect(config).toContain('add_header X-WorkOS-Node $workos_node always;');
    expect(config).toContain('add_header X-Cache-Status $upstream_cache_status always;');
  });

  it('lets WordPress’s own timeout govern calls to the login servers', () => {
    const timeout = Number(/proxy_read_timeout (\d+)s;/.exec(config)?.[1]);
    expect(timeout).toBeGreaterThan(10);
  });

  it.skipIf(!nginx)('is a configuration nginx accepts', () => {
    for (const sub of [
      'logs',
      'wordpress',
      'tmp/body',
      'tmp/proxy',
      'tmp/fastcgi',
      'tmp/uwsgi',
      'tmp/scgi',
      'page-cache',
    ]) {
      mkdirSync(join(dir, sub), { recursive: true });
    }
    const file = join(dir, 'nginx.conf');
    writeFileSync(file, config);
    const out = execFileSync(nginx!, ['-t', '-p', `${dir}/`, '-c', file, '-e', join(dir, 'logs/error.log')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(out).toBeDefined();
  });
});
