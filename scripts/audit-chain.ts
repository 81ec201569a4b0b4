/**
 * The audit log's hash chain (includes/audit/chain.php), checked offline on a CSV export of the
 * WorkOS → Audit Log screen. The export ends with the stored columns the chain covers, under
 * their own names; the file is read as bytes (latin1), so each value hashes exactly as stored.
 */
import { createHash } from 'node:crypto';

/** Serialization 1: the stored fields a row's hash covers, in order (WORKOS_LOGIN_AUDIT_CHAIN_FIELDS). */
export const CHAIN_FIELDS = [
  'chain_seq',
  'chain_prev',
  'uuid',
  'occurred_at',
  'event',
  'user_id',
  'email',
  'workos_user_id',
  'profile',
  'method',
  'ip',
  'user_agent',
  'detail',
] as const;

/** The stored columns of an export (workos_login_audit_export_stored()). */
export const STORED_COLUMNS = ['id', ...CHAIN_FIELDS, 'chain_hash'] as const;

export type StoredRow = Record<(typeof STORED_COLUMNS)[number], string>;

/** Values are byte strings (one char per byte, as `latin1` decodes them). */
export function chainHash(row: Record<(typeof CHAIN_FIELDS)[number], string>): string {
  let text = 'workos-login-audit-chain/1\n';
  for (const field of CHAIN_FIELDS) text += `${row[field].length}:${row[field]},`;
  return createHash('sha256').update(Buffer.from(text, 'latin1')).digest('hex');
}

/** RFC 4180 CSV as PHP's fputcsv() writes it (no escape character), a leading BOM ignored. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const start = text.startsWith('\xEF\xBB\xBF') ? 3 : text.startsWith('\uFEFF') ? 1 : 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && c === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
    } else if (quoted || c !== '\r') {
      cell += c;
    }
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** The stored rows of an export: each stored column is the last heading of its name. */
export function storedRows(csv: string[][]): StoredRow[] {
  const [headings = [], ...lines] = csv;
  const index = Object.fromEntries(STORED_COLUMNS.map((name) => [name, headings.lastIndexOf(name)]));
  const absent = STORED_COLUMNS.filter((name) => index[name] < 0);
  if (absent.length > 0) throw new Error(`not an audit log export with hashes: no column ${absent.join(', ')}`);
  // A stored value starting with an apostrophe or a formula character got one apostrophe more.
  const value = (line: string[], name: string) => (line[index[name]] ?? '').replace(/^'/, '');
  return lines.map((line) => Object.fromEntries(STORED_COLUMNS.map((name) => [name, value(line, name)])) as StoredRow);
}

export type ProblemKind = 'changed' | 'missing' | 'relinked' | 'duplicate' | 'outside' | 'anchor';

export interface Problem {
  kind: ProblemKind;
  /** The row it was found at (its `id`). */
  id: string;
  seq: number;
  /** Rows missing before it (`missing`). */
  missing?: number;
}

export interface Verdict {
  /** Chained rows checked. */
  verified: number;
  firstSeq: number;
  lastSeq: number;
  /** The oldest row's `chain_prev` (taken as given) and the newest row's hash. */
  firstPrev: string;
  lastHash: string;
  /** Rows without a position written before the first chained row. */
  legacy: number;
  problems: Problem[];
}

export interface VerifyOptions {
  /** A filtered export: positions absent from the file are not breaks (rows next to each other still must link). */
  filtered?: boolean;
  /** A position and its hash from an earlier export or the Diagnostics screen, which this file must continue. */
  anchor?: { seq: number; hash: string };
}

/** Verifies the rows (in any order) as includes/audit/chain-verify.php does, without the head. */
export function verifyRows(rows: StoredRow[], options: VerifyOptions = {}): Verdict {
  const chained = rows
    .filter((r) => r.chain_seq !== '0')
    .sort((a, b) => Number(a.chain_seq) - Number(b.chain_seq) || Number(a.id) - Number(b.id));
  const problems: Problem[] = [];
  const problem = (kind: ProblemKind, row: StoredRow, missing?: number) =>
    problems.push({ kind, id: row.id, seq: Number(row.chain_seq), ...(missing ? { missing } : {}) });
  let prev: StoredRow | undefined;
  for (const row of chained) {
    const gap = prev ? Number(row.chain_seq) - Number(prev.chain_seq) : 1;
    if (chainHash(row) !== row.chain_hash) problem('changed', row);
    else if (!prev) {
      // The oldest row in the file: its chain_prev is taken as given.
    } else if (gap === 0) problem('duplicate', row);
    else if (gap > 1 && !options.filtered) problem('missing', row, gap - 1);
    else if (gap === 1 && row.chain_prev !== prev.chain_hash) problem('relinked', row);
    prev = row;
  }
  const first = chained[0];
  const firstId = first ? Number(first.id) : Infinity;
  const unchained = rows.filter((r) => r.chain_seq === '0' && r.event !== '_probe');
  for (const row of unchained) if (Number(row.id) > firstId && !options.filtered) problem('outside', row);
  if (options.anchor && first) checkAnchor(chained, options.anchor, problems);
  return {
    verified: chained.length,
    firstSeq: first ? Number(first.chain_seq) : 0,
    lastSeq: prev ? Number(prev.chain_seq) : 0,
    firstPrev: first?.chain_prev ?? '',
    lastHash: prev?.chain_hash ?? '',
    legacy: unchained.filter((r) => Number(r.id) < firstId).length,
    problems,
  };
}

/** The file continues the anchor: the row at its position has its hash, or the next row links to it. */
function checkAnchor(chained: StoredRow[], anchor: { seq: number; hash: string }, problems: Problem[]): void {
  const at = chained.find((r) => Number(r.chain_seq) === anchor.seq);
  const next = chained.find((r) => Number(r.chain_seq) === anchor.seq + 1);
  const ok = at ? at.chain_hash === anchor.hash : next ? next.chain_prev === anchor.hash : true;
  const row = at ?? next;
  if (!ok && row) problems.push({ kind: 'anchor', id: row.id, seq: Number(row.chain_seq) });
}
