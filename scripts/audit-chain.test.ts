import { describe, expect, it } from 'vitest';
import { chainHash, parseCsv, STORED_COLUMNS, storedRows, verifyRows, type StoredRow } from './audit-chain.ts';
import { parseAnchor, report } from './verify-audit-csv.ts';

/** A UTF-8 text as the byte string the verifier reads (`latin1`). */
const bytes = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

/** A row PHP hashed (includes/audit/chain.php, workos_login_audit_chain_hash()). */
const PHP_ROW = {
  chain_seq: '7',
  chain_prev: 'ab'.repeat(32),
  uuid: '0b6c5b7e-3f7a-4c1e-9a51-2f1d1f0e9c11',
  occurred_at: '2026-12-01 09:30:00',
  event: 'login',
  user_id: '12',
  email: "=cmd|' /C calc'!A0@example.com",
  workos_user_id: 'user_01ABC',
  profile: 'default',
  method: 'password',
  ip: '2001:db8::1',
  user_agent: 'Mozilla/5.0 "quoted", comma \\ backslash – ünïcödé 🙂',
  detail: '{"note":"a \\"b\\"\\nc","n":1}',
};
const PHP_HASH = '123b87d17e2aac67e592d24d98be1d3359ed5e7e5f631aecd9dd55df669533b3';

/** A chain of `n` rows as the plugin writes it (ids from 11, positions from 1), oldest first. */
function chain(n: number, from = 1): StoredRow[] {
  const rows: StoredRow[] = [];
  let prev = '';
  for (let i = 0; i < n; i++) {
    const row = {
      ...PHP_ROW,
      id: String(10 + from + i),
      chain_seq: String(from + i),
      chain_prev: prev,
      uuid: `uuid-${i}`,
      email: bytes(`user${i}@example.com`),
      user_agent: bytes(PHP_ROW.user_agent),
      chain_hash: '',
    };
    row.chain_hash = chainHash(row);
    prev = row.chain_hash;
    rows.push(row);
  }
  return rows;
}

/** The CSV the export writes: BOM, screen columns, then the stored ones (fputcsv quoting, apostrophes). */
function exportCsv(rows: StoredRow[]): string {
  const cell = (v: string) => (/^[=+\-@\t\r']/.test(v) ? `'${v}` : v);
  const quote = (v: string) => (/[",\n\r\t ]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = [['Time (UTC)', 'Event', ...STORED_COLUMNS].map(quote).join(',')];
  for (const row of [...rows].reverse()) {
    lines.push([row.occurred_at, row.event, ...STORED_COLUMNS.map((c) => cell(row[c]))].map(quote).join(','));
  }
  return `\xEF\xBB\xBF${lines.join('\n')}\n`;
}

const verify = (csv: string, options = {}) => verifyRows(storedRows(parseCsv(csv)), options);

describe('the audit chain, offline', () => {
  it('hashes a row exactly as PHP does (byte lengths, every field, in order)', () => {
    const row = Object.fromEntries(Object.entries(PHP_ROW).map(([k, v]) => [k, bytes(v)])) as typeof PHP_ROW;
    expect(chainHash(row)).toBe(PHP_HASH);
    expect(chainHash({ ...row, detail: row.detail + ' ' })).not.toBe(PHP_HASH);
  });

  it('verifies an intact export, newest first, with stored values that look like formulas', () => {
    const rows = chain(5);
    rows[2].email = "'quoted@example.com";
    rows[2].chain_hash = chainHash(rows[2]);
    rows[3].chain_prev = rows[2].chain_hash;
    rows[3].chain_hash = chainHash(rows[3]);
    rows[4].chain_prev = rows[3].chain_hash;
    rows[4].chain_hash = chainHash(rows[4]);
    const verdict = verify(exportCsv(rows));
    expect(verdict).toMatchObject({ verified: 5, firstSeq: 1, lastSeq: 5, legacy: 0, problems: [] });
    expect(verdict.lastHash).toBe(rows[4].chain_hash);
  });

  it('names a row whose stored column was edited', () => {
    const csv = exportCsv(chain(4)).replace('user2@example.com', 'someone@example.com');
    expect(verify(csv).problems).toEqual([{ kind: 'changed', id: '13', seq: 3 }]);
  });

  it('names the row after a deleted one; a filtered export may skip positions', () => {
    const rows = chain(4);
    const csv = exportCsv([rows[0], rows[1], rows[3]]);
    expect(verify(csv).problems).toEqual([{ kind: 'missing', id: '14', seq: 4, missing: 1 }]);
    expect(verify(csv, { filtered: true }).problems).toEqual([]);
  });

  it('sees an edit whose hash was recomputed at the next row, a copied row, and a row slipped in', () => {
    const rows = chain(4);
    rows[1].email = 'forged@example.com';
    rows[1].chain_hash = chainHash(rows[1]);
    expect(verify(exportCsv(rows)).problems).toEqual([{ kind: 'relinked', id: '13', seq: 3 }]);

    const copied = chain(3);
    expect(verify(exportCsv([...copied, { ...copied[2], id: '99' }])).problems).toEqual([
      { kind: 'duplicate', id: '99', seq: 3 },
    ]);

    const legacy = { ...chain(1)[0], id: '5', chain_seq: '0', chain_prev: '', chain_hash: '' };
    const slipped = { ...legacy, id: '50' };
    const verdict = verify(exportCsv([legacy, ...chain(2), slipped]));
    expect(verdict.legacy).toBe(1);
    expect(verdict.problems).toEqual([{ kind: 'outside', id: '50', seq: 0 }]);
  });

  it('checks that a later export continues an anchor noted earlier', () => {
    const rows = chain(6);
    const later = exportCsv(rows.slice(2));
    expect(verify(later, { anchor: { seq: 2, hash: rows[1].chain_hash } }).problems).toEqual([]);
    expect(verify(later, { anchor: { seq: 4, hash: rows[3].chain_hash } }).problems).toEqual([]);
    expect(verify(later, { anchor: { seq: 4, hash: 'f'.repeat(64) } }).problems).toEqual([
      { kind: 'anchor', id: '14', seq: 4 },
    ]);
  });

  it('reports with an exit code, and refuses a file without hashes', () => {
    const rows = chain(3);
    expect(report(exportCsv(rows), {}).code).toBe(0);
    const broken = report(exportCsv(rows).replace('user1@example.com', 'x@example.com'), {});
    expect(broken.code).toBe(1);
    expect(broken.lines).toContain(
      'BROKEN: row id 12 (position 2) was changed: its stored columns no longer match its hash',
    );
    expect(() => report('Time,Event\n1,login\n', {})).toThrow(/no column id, chain_seq/);
    expect(parseAnchor(`12:${'a'.repeat(64)}`)).toEqual({ seq: 12, hash: 'a'.repeat(64) });
    expect(() => parseAnchor('12:xyz')).toThrow(/--anchor/);
  });
});
