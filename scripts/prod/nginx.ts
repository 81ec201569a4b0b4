/**
 * nginx in user space (`-p <prefix> -c <conf> -g 'daemon off;'`), two servers:
 *
 * - WordPress on localhost:<wp port>: round-robin over the PHP nodes, pretty permalinks, and a
 *   full-page cache like a typical host's — anonymous GETs of ordinary pages kept for a day;
 *   logged-in cookies, POSTs, /wp-admin, /wp-json, wp-login.php bypass it; `Cache-Control`
 *   (no-store, private, no-cache, max-age=0) and `Set-Cookie` are honoured, never ignored.
 *   Answers carry `X-WorkOS-Node` (the PHP node that ran the request) and `X-Cache-Status`.
 *   A request header `X-WorkOS-Pin-Node: php-2` sends that request to one node (tests only).
 * - the login-server balancer on 127.0.0.1:<server port>: round-robin over the replicas, a read
 *   timeout longer than WordPress's own 10 s (so WordPress's timeout governs), a log line per
 *   request naming the replica (logs/…-balancer.log). A stopped replica is skipped (connection
 *   refused → the next one); none running answers 502. `max_fails=0`: a replica is never benched
 *   for a while, so one that comes back serves the very next request (tests restart them).
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startProc } from '../proc.ts';
import { waitForPort } from './wait.ts';

export interface Upstream {
  name: string;
  address: string;
}

export interface NginxOptions {
  nginx: string;
  /** nginx's prefix: config, pid, temp folders, the page cache. */
  dir: string;
  logDir: string;
  /** Log file names start with this (the site's name). */
  logPrefix: string;
  docroot: string;
  wordpressPort: number;
  phpNodes: Upstream[];
  balancerPort: number;
  replicas: Upstream[];
  track?: (pid: number | undefined) => void;
}

export interface Nginx {
  cacheDir: string;
  accessLog: string;
  balancerLog: string;
  purgePageCache(): Promise<void>;
  stop(): Promise<void>;
}

const MIME_FALLBACK = `types {
    text/html html; text/css css; application/javascript js mjs; application/json json map;
    image/svg+xml svg; image/png png; image/jpeg jpg jpeg; image/gif gif; image/x-icon ico;
    font/woff2 woff2; font/woff woff; text/plain txt;
  }`;

const upstreamBlock = (name: string, servers: Upstream[], extra = '') =>
  `upstream ${name} {\n    zone ${name} 64k;\n${servers.map((s) => `    server ${s.address}${extra};`).join('\n')}\n  }`;

const nameMap = (variable: string, servers: Upstream[]) =>
  `map $upstream_addr ${variable} {\n    default $upstream_addr;\n${servers.map((s) => `    "${s.address}" ${s.name};`).join('\n')}\n  }`;

export function renderNginxConfig(opts: NginxOptions, cacheDir: string): string {
  const log = (name: string) => join(opts.logDir, `${opts.logPrefix}-${name}.log`);
  const pins = opts.phpNodes.map((node) => `    ${node.name} ${node.name.replace(/\W/g, '_')};`).join('\n');
  return `# Written by scripts/prod/nginx.ts; rewritten at every start.
${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
pid ${join(opts.dir, 'nginx.pid')};
error_log ${log('nginx-error')} warn;
events { worker_connections 1024; }

http {
  ${existsSync('/etc/nginx/mime.types') ? 'include /etc/nginx/mime.types;' : MIME_FALLBACK}
  default_type application/octet-stream;
  sendfile on;
  keepalive_timeout 65;
  client_max_body_size 64m;
  server_tokens off;
  client_body_temp_path ${join(opts.dir, 'tmp/body')};
  proxy_temp_path ${join(opts.dir, 'tmp/proxy')};
  fastcgi_temp_path ${join(opts.dir, 'tmp/fastcgi')};
  uwsgi_temp_path ${join(opts.dir, 'tmp/uwsgi')};
  scgi_temp_path ${join(opts.dir, 'tmp/scgi')};

  log_format workos_wp '$time_iso8601 "$request" $status node=$upstream_addr cache=$upstream_cache_status ms=$request_time';
  log_format workos_balancer '$time_iso8601 $request_method $uri $status replica=$workos_replica ms=$request_time';

  # ---------------------------------------------------------------- WordPress
  fastcgi_cache_path ${cacheDir} levels=1:2 keys_zone=workos_pages:10m inactive=1d max_size=256m;
  fastcgi_cache_key "$scheme$request_method$host$request_uri";

  ${upstreamBlock('wordpress_nodes', opts.phpNodes)}
${opts.phpNodes.map((node) => `  ${upstreamBlock(node.name.replace(/\W/g, '_'), [node])}`).join('\n')}
  map $http_x_workos_pin_node $workos_php_backend {
    default wordpress_nodes;
${pins}
  }
  ${nameMap('$workos_node', opts.phpNodes)}

  # What a typical host's page cache skips.
  map $request_method $workos_skip_method { GET 0; HEAD 0; default 1; }
  map $http_cookie $workos_skip_cookie {
    default 0;
    "~*(wordpress_logged_in_|wp-postpass_|comment_author_|wordpress_no_cache|woocommerce_items_in_cart)" 1;
  }
  map $request_uri $workos_skip_uri {
    default 0;
    "~^/wp-(admin|json|login\\.php|cron\\.php|signup\\.php|activate\\.php)" 1;
    "~^/xmlrpc\\.php" 1;
    "~[?&]rest_route=" 1;
    "~/feed/?(\\?|$)" 1;
  }
  map "$workos_skip_method$workos_skip_cookie$workos_skip_uri" $workos_skip_cache { "000" 0; default 1; }

  server {
    listen 127.0.0.1:${opts.wordpressPort};
    server_name localhost;
    root ${opts.docroot};
    index index.php;
    access_log ${log('nginx-access')} workos_wp;

    # Hidden files (the plugin folder is the repository: .wp/, .git/) and the SQLite folder.
    location ~ /\\.(?!well-known(/|$)) { deny all; }
    location ^~ /wp-content/database/ { deny all; }
    # Browsers ask on their own at random moments; keep it off the PHP nodes.
    location = /favicon.ico { access_log off; log_not_found off; try_files $uri =204; }

    location / {
      try_files $uri $uri/ /index.php?$args;
    }

    location ~ \\.php$ {
      try_files $uri =404;
      fastcgi_param QUERY_STRING $query_string;
      fastcgi_param REQUEST_METHOD $request_method;
      fastcgi_param CONTENT_TYPE $content_type;
      fastcgi_param CONTENT_LENGTH $content_length;
      fastcgi_param SCRIPT_NAME $fastcgi_script_name;
      fastcgi_param SCRIPT_FILENAME $document_root$fastcgi_script_name;
      fastcgi_param REQUEST_URI $request_uri;
      fastcgi_param DOCUMENT_URI $document_uri;
      fastcgi_param DOCUMENT_ROOT $document_root;
      fastcgi_param SERVER_PROTOCOL $server_protocol;
      fastcgi_param REQUEST_SCHEME $scheme;
      fastcgi_param GATEWAY_INTERFACE CGI/1.1;
      fastcgi_param SERVER_SOFTWARE nginx;
      fastcgi_param REMOTE_ADDR $remote_addr;
      fastcgi_param REMOTE_PORT $remote_port;
      fastcgi_param SERVER_ADDR $server_addr;
      fastcgi_param SERVER_PORT $server_port;
      fastcgi_param SERVER_NAME $host;
      fastcgi_param REDIRECT_STATUS 200;
      fastcgi_param HTTP_PROXY "";
      fastcgi_pass $workos_php_backend;
      fastcgi_read_timeout 120s;

      fastcgi_cache workos_pages;
      fastcgi_cache_valid 200 301 302 1d;
      fastcgi_cache_bypass $workos_skip_cache;
      fastcgi_no_cache $workos_skip_cache;
      fastcgi_cache_lock on;
      fastcgi_cache_use_stale error timeout updating;

      add_header X-WorkOS-Node $workos_node always;
      add_header X-Cache-Status $upstream_cache_status always;
    }
  }

  # ---------------------------------------------------------------- login-server balancer
  ${upstreamBlock('workos_login_servers', opts.replicas, ' max_fails=0')}
  ${nameMap('$workos_replica', opts.replicas)}

  server {
    listen 127.0.0.1:${opts.balancerPort};
    access_log ${log('balancer')} workos_balancer;
    location / {
      proxy_pass http://workos_login_servers;
      proxy_set_header Host $http_host;
      proxy_connect_timeout 2s;
      # Longer than WordPress's own 10 s: WordPress's timeout is the one that governs.
      proxy_read_timeout 30s;
      proxy_send_timeout 30s;
      add_header X-WorkOS-Replica $workos_replica always;
    }
  }
}
`;
}

export async function startNginx(opts: NginxOptions): Promise<Nginx> {
  const cacheDir = join(opts.dir, 'page-cache');
  for (const sub of ['tmp/body', 'tmp/proxy', 'tmp/fastcgi', 'tmp/uwsgi', 'tmp/scgi']) {
    await mkdir(join(opts.dir, sub), { recursive: true });
  }
  await mkdir(opts.logDir, { recursive: true });
  // A page cached by an earlier run belongs to another database.
  await rm(cacheDir, { recursive: true, force: true });
  await mkdir(cacheDir, { recursive: true });
  const conf = join(opts.dir, 'nginx.conf');
  await writeFile(conf, renderNginxConfig(opts, cacheDir));
  const errorLog = join(opts.logDir, `${opts.logPrefix}-nginx-error.log`);
  const proc = startProc('nginx', opts.nginx, ['-p', `${opts.dir}/`, '-c', conf, '-e', errorLog, '-g', 'daemon off;'], {
    quiet: true,
    logFile: join(opts.logDir, `${opts.logPrefix}-nginx.log`),
  });
  opts.track?.(proc.child.pid);
  await waitForPort(proc, opts.wordpressPort);
  await waitForPort(proc, opts.balancerPort);
  return {
    cacheDir,
    accessLog: join(opts.logDir, `${opts.logPrefix}-nginx-access.log`),
    balancerLog: join(opts.logDir, `${opts.logPrefix}-balancer.log`),
    async purgePageCache() {
      // nginx OSS has no purge: a cache file that is gone is a miss, and the next answer refills it.
      for (const entry of await readdir(cacheDir)) await rm(join(cacheDir, entry), { recursive: true, force: true });
    },
    stop: () => proc.stop(),
  };
}
