/**
 * Helpers for the audit log journeys: rows read and written with PHP inside the site, the
 * Audit Log screen's rows, and its CSV export.
 */
import type { Page } from '@playwright/test';
import seed from '../../server/workos-fake/seed.json' with { type: 'json' };
import { parseCsv, STORED_COLUMNS } from '../../scripts/audit-chain.ts';
import type { Stack } from '../../scripts/stack.ts';
import { expect } from './fixtures.ts';
import { phpJson, phpJsonOut } from './profiles.ts';

export const LOGIN = '/workos/login/default';
export const AUDIT = '/wp-admin/admin.php?page=workos-login-audit';
export const DEMO_ORG = seed.organizations.find((o) => o.name === 'Demo Organization')!.id;
export const ADA = seed.users.find((u) => u.email === 'ada@example.com')!.id;
export const LOCAL_IP = /^(127\.0\.0\.1|::1)$/;

export interface AuditRow {
  id: string;
  uuid: string;
  occurred_at: string;
  event: string;
  user_id: string;
  email: string;
  workos_user_id: string;
  profile: string;
  method: string;
  ip: string;
  user_agent: string;
  detail: string;
  forward_state: string;
  forward_attempts: string;
  forward_error: string;
  chain_seq: string;
  chain_prev: string;
  chain_hash: string;
}

/** Every row, oldest first (the table is created first if a reset left it out). */
export function auditRows(stack: Stack): Promise<AuditRow[]> {
  return phpJsonOut(
    stack,
    `global $wpdb;
    workos_login_audit_maybe_upgrade();
    echo wp_json_encode( $wpdb->get_results( $wpdb->prepare( 'SELECT * FROM %i ORDER BY id', workos_login_audit_table() ), ARRAY_A ) );`,
  );
}

/** What the fake's `GET /_fake/audit-events` lists (WorkOS's request body, as received). */
export interface FakeAuditEvent {
  organization_id: string;
  idempotency_key: string | null;
  event: { action: string; actor: { id: string; type: string }; context: { location: string } };
}

export type Seed = { event: string; daysAgo?: number } & Record<string, unknown>;

/** Writes events through workos_login_audit() as a request from 198.51.100.7 would. */
export async function record(stack: Stack, ...events: Seed[]): Promise<void> {
  await stack.site.php(`
    global $wpdb;
    $_SERVER['REMOTE_ADDR'] = '198.51.100.7';
    $_SERVER['HTTP_USER_AGENT'] = 'Seeder/1.0';
    foreach ( ${phpJson(events)} as $e ) {
      if ( ! workos_login_audit( $e['event'], $e ) ) { throw new Exception( 'not written: ' . $e['event'] ); }
      if ( ! empty( $e['daysAgo'] ) ) {
        $wpdb->update( workos_login_audit_table(), array( 'occurred_at' => gmdate( 'Y-m-d H:i:s', time() - $e['daysAgo'] * DAY_IN_SECONDS ) ), array( 'id' => $wpdb->insert_id ) );
      }
    }
  `);
}

/** The table's cells as text (the dash of an empty cell is '', the event column its key). */
export function screenRows(page: Page): Promise<string[][]> {
  return page.locator('table.wp-list-table tbody tr:not(.no-items)').evaluateAll((rows) =>
    rows.map((row) =>
      Array.from(row.querySelectorAll('td')).map((cell) => {
        const copy = cell.cloneNode(true) as HTMLElement;
        copy
          .querySelectorAll('button, br, .description, .screen-reader-text, [aria-hidden="true"]')
          .forEach((n) => n.remove());
        return (copy.textContent ?? '').trim();
      }),
    ),
  );
}

export const screenHeadings = (page: Page) => page.locator('table.wp-list-table thead th').allInnerTexts();

/**
 * Downloads the screen's "Export CSV" link with the page's cookies and parses it: the screen's
 * columns (the stored columns appended for offline verification are audit-chain.spec.ts's).
 */
export async function exportCsv(page: Page): Promise<string[][]> {
  const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('text/csv');
  expect(res.headers()['content-disposition']).toMatch(/^attachment; filename="workos-login-audit-\d{8}-\d{6}\.csv"$/);
  const rows = parseCsv((await res.text()).replace(/^\uFEFF/, ''));
  expect(rows[0].slice(-STORED_COLUMNS.length)).toEqual(STORED_COLUMNS);
  return rows.map((row) => row.slice(0, -STORED_COLUMNS.length));
}

/** RFC 4180 CSV, as fputcsv() writes it: the offline verifier's own reader. */
export { parseCsv };

/** What the export makes of a screen cell: formulas are defused with a leading apostrophe. */
export const csvCells = (rows: string[][]) => rows.map((r) => r.map((c) => (/^[=+\-@]/.test(c) ? `'${c}` : c)));

/** Every page of the table, following "Next page". */
export async function allScreenRows(page: Page): Promise<string[][]> {
  const rows = await screenRows(page);
  const next = page.locator('.tablenav.top a.next-page');
  if ((await next.count()) === 0) return rows;
  await next.click();
  return rows.concat(await allScreenRows(page));
}
