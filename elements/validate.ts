import { LIMITS } from '../protocol/messages.ts';
import type { StringKey } from '../protocol/strings.ts';

/** A field's problem, named by the string key that explains it. */
export type FieldError = StringKey;

/* A type, not an interface: it must fit the views' `FieldErrors` record. */
// eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- an interface has no implicit index signature
export type CredentialErrors = {
  email?: FieldError;
  password?: FieldError;
};

/*
 * Deliberately loose: one "@", something before it, a dotted domain after it, no spaces.
 * The server has the final word; this only catches typos before a round trip.
 */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** Checks an email address as typed (surrounding spaces are the caller's to trim). */
export function validateEmail(email: string): FieldError | undefined {
  if (email === '') return 'email_required';
  if (email.length > LIMITS.emailMax) return 'email_too_long';
  if (!EMAIL_SHAPE.test(email)) return 'email_invalid';
  return undefined;
}

/** Checks a password; never trims it, spaces may be part of it. */
export function validatePassword(password: string): FieldError | undefined {
  if (password === '') return 'password_required';
  if (password.length > LIMITS.passwordMax) return 'password_too_long';
  return undefined;
}

/** Both fields at once; an empty object means the form may be sent. */
export function validateCredentials(email: string, password: string): CredentialErrors {
  const errors: CredentialErrors = {};
  const emailError = validateEmail(email);
  const passwordError = validatePassword(password);
  if (emailError) errors.email = emailError;
  if (passwordError) errors.password = passwordError;
  return errors;
}

const CODE = new RegExp(LIMITS.codePattern);

/** Checks a 6-digit code, already stripped of the spaces and dashes a paste brings. */
export function validateCode(code: string): FieldError | undefined {
  if (code === '') return 'code_required';
  return CODE.test(code) ? undefined : 'code_invalid';
}
