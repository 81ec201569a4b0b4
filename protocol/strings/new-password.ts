/** Choosing a new password (sign-up, invitations, reset): loaded with those views. See `protocol/strings.ts`. */
export const NEW_PASSWORD_STRINGS = {
  problem_too_short: 'Use a longer password.',
  problem_too_weak: 'Choose a stronger password: mix words, numbers and symbols.',
  problem_breached: 'This password has appeared in a data breach. Choose another one.',
  problem_other: 'This password doesn’t meet the site’s rules. Choose another one.',
  new_password_label: 'New password',
} as const;
