/** Password reset: loaded with its views. See `protocol/strings.ts`. */
export const RESET_STRINGS = {
  // Password reset
  reset_heading: 'Reset your password',
  reset_text: 'Enter your email and we’ll send you a link to choose a new password.',
  reset_submit: 'Send reset link',
  reset_sent_heading: 'Check your email',
  reset_sent_text: 'If {email} has an account here, a link to reset its password is on its way.',
  reset_confirm_heading: 'Choose a new password',
  reset_confirm_submit: 'Save password',
  reset_request_again: 'Request a new link',
} as const;
