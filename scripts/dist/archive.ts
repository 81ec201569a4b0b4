/**
 * The release archives, written byte for byte the same from the same files: a zip (what WordPress's
 * "Upload Plugin" and `unzip` take) and a gzipped POSIX tar (what `tar -xzf` takes, executable bits
 * kept), plus their SHA-256 lines in `sha256sum` format. Entries are sorted and carry one given
 * time, so a rebuild of the same commit gives the same checksum.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { zipSync, type Zippable } from 'fflate';

export interface ArchiveEntry {
  /** Inside the archive, `/`-separated, e.g. `workos-login/plugin.php`. */
  path: string;
  data: Uint8Array;
  /** Unix permission bits; default 0o644. Only the tar keeps them. */
  mode?: number;
}

function sorted(entries: ArchiveEntry[]): ArchiveEntry[] {
  const seen = new Set<string>();
  for (const { path } of entries) {
    if (
      !/^[A-Za-z0-9._@-]+(\/[A-Za-z0-9._@-]+)*$/.test(path) ||
      path.split('/').some((part) => part === '.' || part === '..')
    ) {
      throw new Error(`archive: not a plain relative path: ${path}`);
    }
    if (seen.has(path)) throw new Error(`archive: ${path} twice`);
    seen.add(path);
  }
  return [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A zip of the entries (deflated), every entry dated `time`. */
export function zip(entries: ArchiveEntry[], time: Date): Uint8Array {
  const files: Zippable = {};
  for (const entry of sorted(entries)) files[entry.path] = [entry.data, { mtime: time, level: 9 }];
  return zipSync(files);
}

const BLOCK = 512;

/** A ustar header (POSIX.1-1988); names up to 100 bytes, or 255 split at a `/` into prefix + name. */
function tarHeader(path: string, size: number, mode: number, type: '0' | '5', mtime: number): Uint8Array {
  const header = new Uint8Array(BLOCK);
  const put = (text: string, offset: number, length: number) => {
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length > length) throw new Error(`tar: "${text}" does not fit in ${length} bytes`);
    header.set(bytes, offset);
  };
  const octal = (value: number, offset: number, length: number) =>
    put(value.toString(8).padStart(length - 1, '0'), offset, length - 1);
  let name = path;
  let prefix = '';
  if (Buffer.byteLength(name) > 100) {
    const cut = path.lastIndexOf('/', 155);
    if (cut <= 0 || Buffer.byteLength(path.slice(cut + 1)) > 100) throw new Error(`tar: path too long: ${path}`);
    prefix = path.slice(0, cut);
    name = path.slice(cut + 1);
  }
  put(name, 0, 100);
  octal(mode, 100, 8);
  octal(0, 108, 8); // uid
  octal(0, 116, 8); // gid
  octal(size, 124, 12);
  octal(mtime, 136, 12);
  put('        ', 148, 8); // checksum counted as spaces
  put(type, 156, 1);
  put('ustar\u000000', 257, 8);
  put('root', 265, 32);
  put('root', 297, 32);
  put(prefix, 345, 155);
  const sum = header.reduce((total, byte) => total + byte, 0);
  put(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 8);
  return header;
}

/** A gzipped tar of the entries, with a directory entry before each folder's first file. */
export function tgz(entries: ArchiveEntry[], time: Date): Uint8Array {
  const mtime = Math.floor(time.getTime() / 1000);
  const parts: Uint8Array[] = [];
  const dirs = new Set<string>();
  for (const entry of sorted(entries)) {
    const segments = entry.path.split('/');
    for (let i = 1; i < segments.length; i++) {
      const dir = `${segments.slice(0, i).join('/')}/`;
      if (dirs.has(dir)) continue;
      dirs.add(dir);
      parts.push(tarHeader(dir, 0, 0o755, '5', mtime));
    }
    parts.push(tarHeader(entry.path, entry.data.length, entry.mode ?? 0o644, '0', mtime));
    parts.push(entry.data);
    const pad = (BLOCK - (entry.data.length % BLOCK)) % BLOCK;
    if (pad) parts.push(new Uint8Array(pad));
  }
  parts.push(new Uint8Array(BLOCK * 2));
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

/** One `sha256sum` line: `<hex>  <name>`, which `sha256sum -c` checks. */
export function sha256Line(data: Uint8Array, name: string): string {
  return `${createHash('sha256').update(data).digest('hex')}  ${name}\n`;
}
