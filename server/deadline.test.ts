import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  currentDeadline,
  Deadline,
  DeadlineExceededError,
  parseBudget,
  requestBudget,
  withDeadline,
} from './deadline.ts';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('the budget WordPress announces', () => {
  it('is read only when it is a whole number of ms within 500..120000', () => {
    expect(parseBudget('10000')).toBe(10_000);
    expect(parseBudget(' 500 ')).toBe(500);
    expect(parseBudget('120000')).toBe(120_000);
    for (const bad of [
      undefined,
      null,
      '',
      'soon',
      '10s',
      '1e4',
      '-1',
      '10000.5',
      '0x10',
      '499',
      '120001',
      '9'.repeat(12),
    ]) {
      expect(parseBudget(bad), String(bad)).toBeNull();
    }
  });

  it('gives the request that budget less the margin, never above the server maximum', () => {
    const table: Array<[string | undefined, number, number]> = [
      [undefined, 8000, 8000], // missing: the server default
      ['garbage', 8000, 8000],
      ['100', 8000, 8000], // too small to be WordPress's: ignored
      ['999999', 8000, 8000], // too large: ignored
      ['10000', 8000, 8000], // WordPress's default: 8500, capped
      ['6000', 8000, 4500],
      ['2000', 8000, 1000], // shorter than the margin allows: half of it
      ['500', 8000, 250],
      ['120000', 60000, 60000],
      ['20000', 60000, 18500],
    ];
    for (const [header, max, expected] of table) expect(requestBudget(header, max), String(header)).toBe(expected);
  });
});

describe('Deadline', () => {
  it('aborts its signal with DeadlineExceededError when the budget runs out, not before', async () => {
    const deadline = new Deadline(1000);
    await vi.advanceTimersByTimeAsync(999);
    expect(deadline.passed).toBe(false);
    expect(deadline.remainingMs()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await deadline.expired;
    expect(deadline.passed).toBe(true);
    expect(deadline.signal.reason).toBeInstanceOf(DeadlineExceededError);
    expect(deadline.remainingMs()).toBe(0);
  });

  it('never passes once settled', async () => {
    const deadline = new Deadline(1000);
    deadline.settle();
    await vi.advanceTimersByTimeAsync(5000);
    expect(deadline.passed).toBe(false);
  });

  it('collects sessions until the answer went out late, then hands them on at once', () => {
    const deadline = new Deadline(1000);
    deadline.noteSession('session_1');
    const late: string[] = [];
    deadline.onLateSession = (id) => late.push(id);
    deadline.noteSession('session_2');
    expect([...deadline.sessions]).toEqual(['session_1']);
    expect(late).toEqual(['session_2']);
    deadline.settle();
  });

  it('travels with the work it bounds', async () => {
    const deadline = new Deadline(1000);
    expect(currentDeadline()).toBeUndefined();
    const seen = await withDeadline(deadline, async () => {
      await Promise.resolve();
      return currentDeadline();
    });
    expect(seen).toBe(deadline);
    deadline.settle();
  });
});
