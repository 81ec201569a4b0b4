import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../stack.ts';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

const OUT = join(ROOT, 'build/elements');
const gz = (file: string) => gzipSync(readFileSync(join(OUT, file)), { level: 9 }).length;
const read = (name: string): Manifest =>
  existsSync(join(OUT, '.vite', name)) ? (JSON.parse(readFileSync(join(OUT, '.vite', name), 'utf8')) as Manifest) : {};

/** The files `keys` load: each chunk plus everything it imports statically. */
function closure(manifest: Manifest, keys: string[]): Set<string> {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  keys.forEach(visit);
  return files;
}

const sum = (files: Iterable<string>) => [...files].reduce((n, f) => n + gz(f), 0);

/**
 * `<workos-login>` (build/elements/.vite/manifest.json): initial = the entry chunk plus everything
 * it imports statically; with passkeys = that plus the passkey chunk a passkey profile loads right
 * after the first render; total = every JS file of the sign-in element.
 * `<workos-passkeys>` (its own build, .vite/passkeys-manifest.json): everything its entry loads.
 */
export function measureBundle() {
  const login = read('manifest.json');
  const entries = Object.keys(login).filter((key) => login[key].isEntry);
  const initial = closure(login, entries);
  const passkey = closure(login, [...entries, 'elements/passkey/passkeys.ts']);
  const manage = read('passkeys-manifest.json');
  return {
    element_initial_js_gzip_bytes: sum(initial),
    element_passkey_js_gzip_bytes: sum(passkey),
    element_total_js_gzip_bytes: sum(closure(login, Object.keys(login))),
    passkeys_element_js_gzip_bytes: sum(closure(manage, Object.keys(manage))),
  };
}
