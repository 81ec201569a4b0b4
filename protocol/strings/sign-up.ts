/** Sign-up, email verification and invitations: loaded with their views. See `protocol/strings.ts`. */
export const SIGN_UP_STRINGS = {
  // Sign-up and invitations
  signup_heading: 'Create your account',
  first_name_label: 'First name',
  last_name_label: 'Last name',
  first_name_required: 'Enter your first name.',
  last_name_required: 'Enter your last name.',
  name_too_long: 'That name is too long.',
  signup_submit: 'Create account',
  have_account: 'Already have an account? Sign in',
  email_verify_heading: 'Verify your email',
  email_verify_text: 'Enter the 6-digit code we sent to {email}.',
  invitation_heading: 'Accept your invitation',
  invitation_text: 'You’ve been invited to join {organization}.',
  invitation_text_site: 'You’ve been invited to join this site.',
  invitation_submit: 'Accept invitation',
} as const;
