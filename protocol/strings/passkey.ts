/**
 * Passkeys in `<workos-login>`: the errors of every passkey route and ceremony, and the "Sign in
 * faster next time?" prompt. Loaded with the element's passkey module (which every passkey sign-in,
 * second factor or prompt loads first). See `protocol/strings.ts`.
 */
export const PASSKEY_STRINGS = {
  // Errors of the passkey routes, by `ErrorCode`
  error_passkey_unknown: 'This passkey isn’t registered on this site (it may have been removed). Sign in another way.',
  error_passkey_invalid: 'This passkey couldn’t be verified. Try again, or sign in another way.',
  error_passkey_refused: 'This passkey was refused to protect your account. Sign in another way.',
  error_reauth_required: 'For your security, sign in again to add a passkey.',
  // What the browser answered, in words (never its DOMException)
  error_passkey_cancelled: 'The passkey request was cancelled or timed out. Try again, or sign in another way.',
  error_passkey_not_allowed: 'Passkeys can’t be used on this page’s address. Sign in another way.',
  error_passkey_unsupported: 'This browser can’t use passkeys. Sign in another way.',
  error_passkey_failed: 'Your passkey couldn’t be used. Try again, or sign in another way.',
  error_passkey_exists: 'This device already has a passkey for your account.',
  // After signing in another way
  passkey_prompt_heading: 'Sign in faster next time?',
  passkey_prompt_text:
    'Create a passkey to sign in with your fingerprint, face or screen lock instead of a password. Passkeys can’t be guessed or phished.',
  passkey_prompt_create: 'Create a passkey',
  passkey_not_now: 'Not now',
  passkey_created: 'Passkey created. Redirecting…',
} as const;
