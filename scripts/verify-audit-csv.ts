/**
 * Verifies a CSV export of the WorkOS → Audit Log screen offline: every row's hash against its
 * stored columns, and each row against the one before it in the chain.
 *
 *   node scripts/verify-audit-csv.ts <export.csv> [--filtered] [--anchor <position>:<hash>]
 *
 * `--filtered` for an export of a filtered view (absent positions are then not breaks);
 * `--anchor` a position and hash noted earlier (Diagnostics shows the chain head; an earlier
 * export's last row) that this file must continue. Exit code 0 when intact, 1 when broken,
 * 2 for a usage error or a file that is not an export with hashes.
 */
import { readFileSync } from 'node:fs';
import { parseCsv, storedRows, verifyRows, type Problem, type VerifyOptions } from './audit-chain.ts';

const WHAT: Record<Problem['kind'], (p: Problem) => string> = {
  changed: () => 'was changed: its stored columns no longer match its hash',
  missing: (p) => `${p.missing} row(s) before it are missing`,
  relinked: () => 'does not follow the row before it: that row was changed and its hash rewritten',
  duplicate: () => 'repeats the position of the row before it',
  outside: () => 'has no place in the chain: added without the audit log',
  anchor: () => 'does not continue the anchor: the chain was rewritten since',
};

/** The report's lines and the exit code. */
export function report(csvBytes: string, options: VerifyOptions): { lines: string[]; code: number } {
  const verdict = verifyRows(storedRows(parseCsv(csvBytes)), options);
  const lines = [
    `${verdict.verified} chained rows, positions ${verdict.firstSeq} to ${verdict.lastSeq}` +
      (verdict.legacy > 0 ? `; ${verdict.legacy} older rows written before the chain are not covered` : ''),
    `first row continues hash: ${verdict.firstPrev || '(the chain’s start)'}`,
    `last row's hash:          ${verdict.lastHash}`,
  ];
  if (options.anchor && (options.anchor.seq < verdict.firstSeq - 1 || options.anchor.seq > verdict.lastSeq)) {
    lines.push(`anchor position ${options.anchor.seq} is not in this file: not checked`);
  }
  for (const p of verdict.problems) lines.push(`BROKEN: row id ${p.id} (position ${p.seq}) ${WHAT[p.kind](p)}`);
  lines.push(verdict.problems.length === 0 ? 'intact' : `${verdict.problems.length} problem(s)`);
  return { lines, code: verdict.problems.length === 0 ? 0 : 1 };
}

/** `--anchor 42:<64 hex>`. */
export function parseAnchor(text: string | undefined): VerifyOptions['anchor'] {
  const match = /^(\d+):([0-9a-f]{64})$/.exec(text ?? '');
  if (!match) throw new Error('--anchor takes <position>:<64 hex digits>');
  return { seq: Number(match[1]), hash: match[2] };
}

function main(argv: string[]): number {
  const file = argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--anchor');
  if (!file) {
    console.error('usage: node scripts/verify-audit-csv.ts <export.csv> [--filtered] [--anchor <position>:<hash>]');
    return 2;
  }
  try {
    const i = argv.indexOf('--anchor');
    const options: VerifyOptions = { filtered: argv.includes('--filtered') };
    if (i >= 0) options.anchor = parseAnchor(argv[i + 1]);
    const { lines, code } = report(readFileSync(file, 'latin1'), options);
    console.log(lines.join('\n'));
    return code;
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) process.exitCode = main(process.argv.slice(2));
