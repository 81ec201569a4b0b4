import { BadRequestException, NotFoundException, UnprocessableEntityException } from '@workos-inc/node';
import { describe, expect, it } from 'vitest';
import { passwordProblems, passwordRejected, problemOf } from './password-policy.ts';

describe('password policy problems', () => {
  it.each([
    ['password_too_short', 'too_short'],
    ['password_min_length', 'too_short'],
    ['password_too_weak', 'too_weak'],
    ['password_strength_error', 'too_weak'],
    ['password_breached', 'breached'],
    ['password_pwned', 'breached'],
    ['password_invalid', 'other'],
    ['password_reset_token_expired', null],
    ['invalid_email', null],
  ] as const)('%s → %s', (code, problem) => {
    expect(problemOf(code)).toBe(problem);
  });

  it('reads the validation errors of a 400', () => {
    const error = new BadRequestException({
      code: 'password_strength_error',
      errors: [
        { code: 'password_too_short', message: 'x' },
        { code: 'password_breached', message: 'y' },
      ],
      message: 'Validation failed.',
      requestID: 'r',
    });
    expect(passwordProblems(error)).toEqual(['too_short', 'breached']);
  });

  it('says "other" for a strength refusal without details, nothing for token errors', () => {
    expect(passwordProblems(new BadRequestException({ code: 'password_strength_error', requestID: 'r' }))).toEqual([
      'other',
    ]);
    const token = new BadRequestException({
      code: 'password_reset_error',
      errors: [{ code: 'password_reset_token_expired', message: 'x' }],
      requestID: 'r',
    });
    expect(passwordProblems(token)).toBeNull();
    expect(passwordProblems(new NotFoundException({ path: '/x', requestID: 'r' }))).toBeNull();
  });

  it("reads a 422's codes from the SDK's message", () => {
    const error = new UnprocessableEntityException({
      errors: [{ code: 'password_too_weak' }] as never,
      requestID: 'r',
    });
    expect(passwordProblems(error)).toEqual(['too_weak']);
  });

  it('answers password_rejected 422 with the problems', () => {
    expect(passwordRejected(['too_short'])).toEqual({
      type: 'error',
      code: 'password_rejected',
      message: 'WorkOS refused the password.',
      status: 422,
      problems: ['too_short'],
    });
  });
});
