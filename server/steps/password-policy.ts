/**
 * WorkOS's password policy refusals (`createUser`, `resetPassword`) as the problems the element
 * shows under the password field.
 */
import { UnprocessableEntityException } from '@workos-inc/node';
import type { ErrorOutcome, PasswordProblem } from '../../protocol/messages.ts';
import { codeOf } from './errors.ts';
import { errorOutcome } from './outcomes.ts';

/** One WorkOS validation code as a problem; null when it is not about the password itself. */
export function problemOf(code: string): PasswordProblem | null {
  const c = code.toLowerCase();
  if (c.includes('token')) return null;
  if (/short|length|min/.test(c)) return 'too_short';
  if (/breach|pwned|compromis|leak/.test(c)) return 'breached';
  if (/weak|strength|score|common|guess/.test(c)) return 'too_weak';
  return c.includes('password') ? 'other' : null;
}

/** The problems a WorkOS error names, or null when it is no password policy refusal. */
export function passwordProblems(error: unknown): PasswordProblem[] | null {
  const problems = new Set<PasswordProblem>();
  for (const code of validationCodes(error)) {
    const problem = problemOf(code);
    if (problem) problems.add(problem);
  }
  if (problems.size > 0) return [...problems];
  return codeOf(error) === 'password_strength_error' ? ['other'] : null;
}

export function passwordRejected(problems: PasswordProblem[]): ErrorOutcome {
  return { ...errorOutcome('password_rejected', 422, 'WorkOS refused the password.'), problems };
}

function validationCodes(error: unknown): string[] {
  const e = error as { errors?: unknown; rawData?: { errors?: unknown } } | null;
  const list = e?.errors ?? e?.rawData?.errors;
  if (Array.isArray(list)) {
    return list.map((item) => (item as { code?: unknown } | null)?.code).filter((c) => typeof c === 'string');
  }
  // The SDK keeps a 422's codes only in its message, one per tab-indented line.
  if (error instanceof UnprocessableEntityException) return [...error.message.matchAll(/^\t(\S+)$/gm)].map((m) => m[1]);
  return [];
}
