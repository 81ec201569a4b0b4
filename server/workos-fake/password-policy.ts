/**
 * The fake's password policy, in the spirit of WorkOS's default one (a minimum length, low
 * complexity refused, breached passwords refused). WorkOS answers a refused password with
 * `password_strength_error` (create/update user) or `password_reset_error` (reset), both 400 with
 * `errors: [{ code, message }]`; these are the fake's codes, one per broken rule.
 */
export interface PasswordProblem {
  code: 'password_too_short' | 'password_too_weak' | 'password_breached';
  message: string;
}

export const MIN_PASSWORD_LENGTH = 10;

/** A few passwords that would be flagged as breached; tests use `Password123!` (long and mixed, yet breached). */
const BREACHED = new Set([
  'password123!',
  'password1234',
  'qwerty123456',
  '1234567890',
  'letmein12345',
  'welcome12345',
  'iloveyou1234',
  'correcthorsebatterystaple',
]);

function characterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
}

/** Every rule the password breaks; empty when it is accepted. */
export function passwordProblems(password: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < MIN_PASSWORD_LENGTH) {
    problems.push({
      code: 'password_too_short',
      message: `Password must be at least ${MIN_PASSWORD_LENGTH} characters long.`,
    });
  }
  // Long passphrases pass with fewer character classes, as a strength estimator would let them.
  const classesNeeded = password.length >= 16 ? 2 : 3;
  if (new Set(password).size < 5 || characterClasses(password) < classesNeeded) {
    problems.push({
      code: 'password_too_weak',
      message: 'Password is too easy to guess: mix upper- and lower-case letters, digits and symbols.',
    });
  }
  if (BREACHED.has(password.toLowerCase())) {
    problems.push({ code: 'password_breached', message: 'Password has appeared in a data breach.' });
  }
  return problems;
}

export const PASSWORD_STRENGTH_MESSAGE = 'Password does not meet the strength requirements.';
