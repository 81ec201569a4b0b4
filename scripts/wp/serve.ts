/**
 * Serves a site: native PHP when available (fast; what tests use), else WordPress Playground.
 */
import { serveNative } from './serve-native.ts';
import { servePlayground } from './serve-playground.ts';
import type { Server, ServeMode } from './serve-util.ts';
import type { Site } from './site.ts';

export type { Server, ServeMode } from './serve-util.ts';

export interface ServeOptions {
  /** Default: native when the site has a PHP binary, else playground. */
  mode?: ServeMode;
  /** Default 4 (native) / 2 (playground). */
  workers?: number;
  /** How long to wait for the first answer. */
  timeoutMs?: number;
}

export function serveSite(site: Site, opts: ServeOptions = {}): Promise<Server> {
  const mode = opts.mode ?? (site.phpBinary ? 'native' : 'playground');
  return mode === 'native' ? serveNative(site, opts) : servePlayground(site, opts);
}
