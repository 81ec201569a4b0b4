/**
 * The catalog: extracted messages merged into entries, written as a .pot/.po (gettext's text
 * format), read back from a .po, and written as a .mo (gettext's binary format, which WordPress's
 * `load_textdomain()` reads) and as Jed 1.x JSON (what `load_script_textdomain()` hands to
 * `wp.i18n.setLocaleData()`). Everything is deterministic: no dates, stable order.
 */

/** One gettext call (or header field, or block.json string) as the extractors find it. */
export interface Message {
  msgid: string;
  plural?: string;
  context?: string;
  /** The `translators:` comment, on one line. */
  comment?: string;
  /** `path:line` (or just `path`), relative to the plugin folder. */
  reference: string;
  /** Source language, for the `php-format` flag. */
  format: 'php' | 'js' | 'none';
}

/** One catalog entry: every message with the same context and text. */
export interface Entry {
  msgid: string;
  plural?: string;
  context?: string;
  comments: string[];
  references: string[];
  flags: string[];
  /** Translations: one, or one per plural form. Empty strings when untranslated. */
  msgstr: string[];
}

export const TRANSLATORS = /^(\/\*+|\/\/|#)\s*translators:/i;

/** A translators comment's text on one line (`translators: …`). */
export function translatorsText(comment: string): string {
  return comment
    .replace(/^(\/\*+|\/\/|#)/, '')
    .replace(/\*+\/$/, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\*?\s?/, '').trim())
    .filter(Boolean)
    .join(' ')
    .trim();
}

/** The key gettext uses: context, EOT, text. */
export function entryKey(e: { msgid: string; context?: string }): string {
  return e.context === undefined ? e.msgid : `${e.context}\u0004${e.msgid}`;
}

/** printf-style placeholders (`%s`, `%1$s`, `%d`, `%.2f`), as WP-CLI detects them. */
export const PRINTF = /%(?:\d+\$)?[-+0]?(?:'.)?\d*(?:\.\d+)?[bcdeEfFgGosuxX]/;

/** Whether a text (or its plural) holds printf placeholders. */
export function hasPlaceholders(...texts: Array<string | undefined>): boolean {
  return texts.some((t) => t !== undefined && PRINTF.test(t.replace(/%%/g, '')));
}

/** Merges messages into entries, in the order of their first reference (files sorted by path). */
export function mergeMessages(messages: Message[]): Entry[] {
  const compareRef = (a: string, b: string) => {
    const [fa, la = '0'] = a.split(':');
    const [fb, lb = '0'] = b.split(':');
    return fa === fb ? Number(la) - Number(lb) : fa < fb ? -1 : 1;
  };
  const sorted = [...messages].sort((a, b) => compareRef(a.reference, b.reference));
  const entries = new Map<string, Entry>();
  for (const m of sorted) {
    const key = entryKey(m);
    let entry = entries.get(key);
    if (!entry) {
      entry = { msgid: m.msgid, context: m.context, comments: [], references: [], flags: [], msgstr: [] };
      entries.set(key, entry);
    }
    if (m.plural !== undefined && entry.plural === undefined) entry.plural = m.plural;
    if (m.comment && !entry.comments.includes(m.comment)) entry.comments.push(m.comment);
    if (!entry.references.includes(m.reference)) entry.references.push(m.reference);
    const format = m.format === 'php' ? 'php-format' : m.format === 'js' ? 'js-format' : null;
    const text = m.msgid.replace(/%%/g, '') + (m.plural ?? '').replace(/%%/g, '');
    if (format && PRINTF.test(text) && !entry.flags.includes(format)) entry.flags.push(format);
  }
  for (const entry of entries.values()) {
    entry.flags.sort();
    entry.msgstr = entry.plural === undefined ? [''] : ['', ''];
  }
  return [...entries.values()];
}

/** A string in .po syntax: quoted and escaped, split after each newline. */
export function poString(keyword: string, value: string): string {
  const escaped = (s: string) =>
    s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\t/g, '\\t').replace(/\r/g, '\\r').replace(/\n/g, '\\n');
  const lines = value.split(/(?<=\n)/);
  if (lines.length <= 1) return `${keyword} "${escaped(value)}"`;
  return [`${keyword} ""`, ...lines.map((l) => `"${escaped(l)}"`)].join('\n');
}

/** The header block's fields, in order. */
export type Headers = Array<[string, string]>;

/** A catalog as .pot/.po text. `references: false` leaves the `#:` lines out. */
export function renderPo(
  preamble: string[],
  headers: Headers,
  entries: Entry[],
  options: { references: boolean; fuzzyHeader: boolean },
): string {
  const out: string[] = [...preamble.map((l) => `# ${l}`.trimEnd())];
  if (options.fuzzyHeader) out.push('#, fuzzy');
  out.push('msgid ""', 'msgstr ""', ...headers.map(([k, v]) => `"${k}: ${v}\\n"`), '');
  for (const e of entries) {
    for (const c of e.comments) out.push(`#. ${c}`);
    if (options.references) for (const r of e.references) out.push(`#: ${r}`);
    if (e.flags.length) out.push(`#, ${e.flags.join(', ')}`);
    if (e.context !== undefined) out.push(poString('msgctxt', e.context));
    out.push(poString('msgid', e.msgid));
    if (e.plural !== undefined) {
      out.push(poString('msgid_plural', e.plural));
      e.msgstr.forEach((s, n) => out.push(poString(`msgstr[${n}]`, s)));
    } else out.push(poString('msgstr', e.msgstr[0] ?? ''));
    out.push('');
  }
  return out.join('\n');
}

/** A parsed .po file: its header fields and entries (fuzzy and obsolete entries marked). */
export interface PoFile {
  headers: Record<string, string>;
  entries: Array<Entry & { fuzzy: boolean }>;
}

function unquote(text: string, where: string): string {
  const m = /^"((?:[^"\\]|\\.)*)"$/.exec(text.trim());
  if (!m) throw new Error(`${where}: expected a quoted string, got ${text}`);
  return m[1].replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r' })[c] ?? c);
}

/** Reads .po text (the subset gettext tools write: no obsolete `#~` entries are kept). */
export function parsePo(text: string, file = 'po'): PoFile {
  const entries: PoFile['entries'] = [];
  let headers: Record<string, string> = {};
  let current: (Entry & { fuzzy: boolean }) | null = null;
  let field: { name: string; index: number } | null = null;
  let hasMsgid = false;
  const blank = (): Entry & { fuzzy: boolean } => ({
    msgid: '',
    comments: [],
    references: [],
    flags: [],
    msgstr: [],
    fuzzy: false,
  });
  const finish = () => {
    if (current && hasMsgid) {
      if (current.msgid === '' && current.context === undefined) {
        headers = Object.fromEntries(
          (current.msgstr[0] ?? '')
            .split('\n')
            .filter(Boolean)
            .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
        );
      } else entries.push(current);
    }
    current = null;
    field = null;
    hasMsgid = false;
  };
  const set = (name: string, index: number, value: string, append: boolean) => {
    const e = (current ??= blank());
    if (name === 'msgid') e.msgid = append ? e.msgid + value : value;
    else if (name === 'msgid_plural') e.plural = append ? (e.plural ?? '') + value : value;
    else if (name === 'msgctxt') e.context = append ? (e.context ?? '') + value : value;
    else e.msgstr[index] = append ? (e.msgstr[index] ?? '') + value : value;
  };
  text.split(/\r?\n/).forEach((raw, n) => {
    const line = raw.trim();
    const where = `${file}:${n + 1}`;
    if (line === '') return finish();
    if (line.startsWith('#~')) return;
    if (line.startsWith('#')) {
      if (field && hasMsgid && current?.msgstr.length) finish();
      const e = (current ??= blank());
      if (line.startsWith('#.')) e.comments.push(line.slice(2).trim());
      else if (line.startsWith('#:')) e.references.push(...line.slice(2).trim().split(/\s+/));
      else if (line.startsWith('#,')) {
        const flags = line
          .slice(2)
          .split(',')
          .map((f) => f.trim());
        e.flags.push(...flags.filter((f) => f !== 'fuzzy'));
        if (flags.includes('fuzzy')) e.fuzzy = true;
      }
      return;
    }
    if (line.startsWith('"')) {
      if (!field) throw new Error(`${where}: a string continues nothing`);
      return set(field.name, field.index, unquote(line, where), true);
    }
    const m = /^(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+(.*)$/.exec(line);
    if (!m) throw new Error(`${where}: cannot read ${line}`);
    const [, name, index = '0', rest] = m;
    if ((name === 'msgctxt' || name === 'msgid') && current?.msgstr.length) finish();
    if (name === 'msgid') hasMsgid = true;
    field = { name, index: Number(index) };
    set(name, Number(index), unquote(rest, where), false);
  });
  finish();
  return { headers, entries };
}

/** The translated entries of a .po (not fuzzy, every form filled in). */
export function translated(po: PoFile): PoFile['entries'] {
  return po.entries.filter((e) => !e.fuzzy && e.msgstr.length > 0 && e.msgstr.every((s) => s !== ''));
}

/** The header's text as gettext stores it under the empty msgid. */
function headerText(headers: Record<string, string>): string {
  return Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\n`)
    .join('');
}

/** A .mo file (little-endian, no hash table) of the translated entries of a .po. */
export function renderMo(po: PoFile): Buffer {
  const pairs: Array<[Buffer, Buffer]> = [[Buffer.from(''), Buffer.from(headerText(po.headers))]];
  for (const e of translated(po)) {
    const key = entryKey(e) + (e.plural === undefined ? '' : `\0${e.plural}`);
    pairs.push([Buffer.from(key), Buffer.from(e.msgstr.join('\0'))]);
  }
  pairs.sort(([a], [b]) => Buffer.compare(a, b));
  const n = pairs.length;
  const tables = 28 + 16 * n;
  const header = Buffer.alloc(tables);
  header.writeUInt32LE(0x950412de, 0);
  header.writeUInt32LE(0, 4);
  header.writeUInt32LE(n, 8);
  header.writeUInt32LE(28, 12);
  header.writeUInt32LE(28 + 8 * n, 16);
  header.writeUInt32LE(0, 20);
  header.writeUInt32LE(tables, 24);
  const strings: Buffer[] = [];
  let offset = tables;
  const place = (buf: Buffer, at: number) => {
    header.writeUInt32LE(buf.length, at);
    header.writeUInt32LE(offset, at + 4);
    strings.push(buf, Buffer.from([0]));
    offset += buf.length + 1;
  };
  pairs.forEach(([key], i) => place(key, 28 + 8 * i));
  pairs.forEach(([, value], i) => place(value, 28 + 8 * n + 8 * i));
  return Buffer.concat([header, ...strings]);
}

/** Reads a .mo back into key → translation (for tests). */
export function readMo(mo: Buffer): Map<string, string> {
  const n = mo.readUInt32LE(8);
  const orig = mo.readUInt32LE(12);
  const trans = mo.readUInt32LE(16);
  const read = (table: number, i: number) => {
    const length = mo.readUInt32LE(table + 8 * i);
    const at = mo.readUInt32LE(table + 8 * i + 4);
    return mo.subarray(at, at + length).toString('utf8');
  };
  const map = new Map<string, string>();
  for (let i = 0; i < n; i++) map.set(read(orig, i), read(trans, i));
  return map;
}

/** Jed 1.x JSON, as `wp i18n make-json` writes it, for the entries a script uses. */
export function renderJed(po: PoFile, locale: string, source: string, keys: Set<string>): string | null {
  const messages: Record<string, string[] | Record<string, string>> = {
    '': { domain: 'messages', lang: po.headers.Language || locale, 'plural-forms': po.headers['Plural-Forms'] ?? '' },
  };
  let count = 0;
  for (const e of translated(po)) {
    if (!keys.has(entryKey(e))) continue;
    messages[entryKey(e)] = e.msgstr;
    count++;
  }
  if (count === 0) return null;
  const json = {
    'translation-revision-date': po.headers['PO-Revision-Date'] ?? '',
    generator: 'scripts/i18n/make-pot.ts',
    source,
    domain: 'messages',
    locale_data: { messages },
  };
  return `${JSON.stringify(json)}\n`;
}
