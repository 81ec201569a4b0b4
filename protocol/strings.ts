/**
 * Every visible string of the sign-in UI, with its English default.
 *
 * WordPress translates the same keys with the `workos-login` text domain and hands them to the
 * element as JSON in its `i18n` attribute (see `includes/strings.php`); the element falls back to
 * these defaults for any key it is not given. A test checks that both sides know the same keys.
 */
export const DEFAULT_STRINGS = {
  heading: 'Sign in',
  email_label: 'Email',
  password_label: 'Password',
  remember_me: 'Remember me',
  submit: 'Sign in',
  submitting: 'Signing in…',
  signed_in: 'Signed in. Redirecting…',
  email_required: 'Enter your email address.',
  email_invalid: 'Enter a valid email address, like name@example.com.',
  email_too_long: 'That email address is too long.',
  password_required: 'Enter your password.',
  password_too_long: 'That password is too long.',
  error_invalid_credentials: 'That email and password don’t match. Check them and try again.',
  error_invalid_request: 'Something in the form isn’t right. Check it and try again.',
  error_invalid_nonce: 'This page has expired. Reload it and try again.',
  error_invalid_origin: 'This sign-in form can only be used on its own site.',
  error_rate_limited: 'Too many attempts. Wait a moment and try again.',
  error_flow_expired: 'This sign-in took too long. Start again.',
  error_server_unavailable: 'Sign-in is unavailable right now. Try again in a few minutes.',
  error_workos_unavailable: 'Sign-in is unavailable right now. Try again in a few minutes.',
  error_sign_in_refused: 'This account can’t sign in to this site.',
  error_internal_error: 'Something went wrong. Try again.',
  error_network: 'Couldn’t reach the site. Check your connection and try again.',
} as const;

export type StringKey = keyof typeof DEFAULT_STRINGS;
export type Strings = Record<StringKey, string>;
