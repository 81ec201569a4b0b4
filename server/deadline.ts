/**
 * Time budgets (ARCHITECTURE rule 8). WordPress says how long it will wait for an answer
 * (`X-WorkOS-Login-Budget`); the login server gives itself less, so its WorkOS work always ends
 * before WordPress gives up. The deadline of the request being served travels with it
 * (AsyncLocalStorage): the WorkOS client's fetch (deadline-fetch.ts) stops at it without every
 * step having to pass it along.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** What WordPress may announce (ms); anything else means "use the server default". */
export const BUDGET_RANGE = { min: 500, max: 120_000 } as const;
/** Kept back from WordPress's budget: signing, the network both ways, PHP reading the answer. */
export const BUDGET_MARGIN_MS = 1_500;
/** `WORKOS_LOGIN_STEP_BUDGET_MS` unless set: below WordPress's default total of 10 s less the margin. */
export const DEFAULT_STEP_BUDGET_MS = 8_000;

/** The announced budget in ms, or null when missing, malformed or out of range. */
export function parseBudget(header: string | null | undefined): number | null {
  const text = header?.trim() ?? '';
  if (!/^[0-9]{1,9}$/.test(text)) return null;
  const ms = Number(text);
  return ms >= BUDGET_RANGE.min && ms <= BUDGET_RANGE.max ? ms : null;
}

/**
 * This request's own budget: WordPress's less the margin, never above `max`. A budget too short
 * for the whole margin keeps half of itself, so the server still ends first.
 */
export function requestBudget(header: string | null | undefined, max: number): number {
  const announced = parseBudget(header);
  if (announced === null) return max;
  return Math.min(max, Math.max(announced - BUDGET_MARGIN_MS, Math.floor(announced / 2)));
}

/** What a WorkOS call raises once its request's deadline passed (also the abort reason). */
export class DeadlineExceededError extends Error {
  override readonly name = 'DeadlineExceededError';
  readonly budgetMs: number;

  constructor(budgetMs: number) {
    super(`The request's time budget (${budgetMs} ms) ran out.`);
    this.budgetMs = budgetMs;
  }
}

/**
 * One request's deadline, and what its WorkOS calls learnt on the way: the latest `Retry-After`
 * WorkOS sent, and every session its grants created (so none outlives an answer that does not
 * carry it).
 */
export class Deadline {
  readonly budgetMs: number;
  readonly signal: AbortSignal;
  /** Resolves when the deadline passes (never, once {@link settle} ran). */
  readonly expired: Promise<void>;
  /** Seconds, from WorkOS's latest 429/5xx answer that named one. */
  retryAfter: number | null = null;
  readonly sessions = new Set<string>();
  /** Grants still running after their caller was released at the deadline (deadline-fetch.ts). */
  readonly grants = new Set<Promise<unknown>>();
  /** Set once the answer went out without waiting: sessions learnt later go straight here. */
  onLateSession: ((sessionId: string) => void) | null = null;
  private readonly started = Date.now();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(budgetMs: number) {
    this.budgetMs = budgetMs;
    const controller = new AbortController();
    this.signal = controller.signal;
    this.expired = new Promise((resolve) => {
      this.timer = setTimeout(() => {
        controller.abort(new DeadlineExceededError(budgetMs));
        resolve();
      }, budgetMs);
    });
  }

  get passed(): boolean {
    return this.signal.aborted;
  }

  remainingMs(): number {
    return this.passed ? 0 : Math.max(0, this.budgetMs - (Date.now() - this.started));
  }

  /** The answer is on its way in time: the deadline no longer matters. */
  settle(): void {
    clearTimeout(this.timer);
  }

  /** A grant answered with this WorkOS session (in time or not). */
  noteSession(sessionId: string): void {
    if (this.onLateSession) this.onLateSession(sessionId);
    else this.sessions.add(sessionId);
  }
}

const current = new AsyncLocalStorage<Deadline>();

/** Runs `job` with `deadline` as the deadline of every WorkOS call it makes. */
export function withDeadline<T>(deadline: Deadline, job: () => Promise<T>): Promise<T> {
  return current.run(deadline, job);
}

/** The deadline of the request being served, if any. */
export function currentDeadline(): Deadline | undefined {
  return current.getStore();
}
