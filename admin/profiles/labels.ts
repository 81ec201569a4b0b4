/** The words for the profile's enumerated values, translated (called at render, after setLocaleData). */
import { __ } from '@wordpress/i18n';
import type { Method } from '../../protocol/messages.ts';
import type { MfaEnforce, MfaFactor } from '../../protocol/mfa-policy.ts';
import type { LoginProfile } from '../../protocol/profile.ts';
import type { ValidationProblem } from './draft.ts';

export function methodLabel(method: Method): string {
  const labels: Record<Method, string> = {
    password: __('Email and password', 'workos-login'),
    magic_code: __('Magic code by email', 'workos-login'),
    oauth_google: __('Google', 'workos-login'),
    oauth_microsoft: __('Microsoft', 'workos-login'),
    oauth_github: __('GitHub', 'workos-login'),
    oauth_apple: __('Apple', 'workos-login'),
    sso: __('Enterprise SSO', 'workos-login'),
    passkey: __('Passkey', 'workos-login'),
  };
  return labels[method];
}

export function factorLabel(factor: MfaFactor): string {
  const labels: Record<MfaFactor, string> = {
    totp: __('Authenticator app (TOTP)', 'workos-login'),
    sms: __('Text message (SMS)', 'workos-login'),
    webauthn: __('Security key or passkey (WebAuthn)', 'workos-login'),
  };
  return labels[factor];
}

/** The words for each `mfa.enforce` value; what they mean is protocol/mfa-policy.ts (mfa-field.ts shows it). */
export function enforceLabel(enforce: MfaEnforce): string {
  const labels: Record<MfaEnforce, string> = {
    never: __('Never (WorkOS’s own requirement still applies)', 'workos-login'),
    if_required: __('When WorkOS requires it', 'workos-login'),
    always: __('Always', 'workos-login'),
  };
  return labels[enforce];
}

export function enforceHelp(enforce: MfaEnforce): string {
  const help: Record<MfaEnforce, string> = {
    never: __(
      'This site adds no second step. If WorkOS requires one (set in the WorkOS dashboard), it still applies with the factors below: WordPress cannot turn it off. The same as “When WorkOS requires it”.',
      'workos-login',
    ),
    if_required: __(
      'A second step only when WorkOS requires one (set in the WorkOS dashboard), with the factors below. Someone who can use none of them cannot sign in here.',
      'workos-login',
    ),
    always: __(
      'Every sign-in takes a second step: WorkOS’s when it asks, else this site asks for one of the factors below, and someone without one sets it up first.',
      'workos-login',
    ),
  };
  return help[enforce];
}

/** Help for a factor greyed out because it cannot change anything under the chosen value. */
export function unusedFactorHelp(): string {
  return __(
    'Used only with “Always”: WorkOS’s own two-step verification takes an authenticator app or a text message, not this site’s passkeys.',
    'workos-login',
  );
}

export function rememberMeOptions(): Array<{ value: LoginProfile['remember_me']; label: string }> {
  return [
    { value: 'ask', label: __('Ask (a “Remember me” checkbox)', 'workos-login') },
    { value: 'always', label: __('Always remember', 'workos-login') },
    { value: 'never', label: __('Never remember', 'workos-login') },
  ];
}

export function modeOptions(): Array<{ value: LoginProfile['mode']; label: string }> {
  return [
    { value: 'custom', label: __('This site’s sign-in form', 'workos-login') },
    { value: 'authkit_redirect', label: __('Redirect to WorkOS’s hosted page (AuthKit)', 'workos-login') },
  ];
}

export function logoModeOptions(): Array<{ value: LoginProfile['branding']['logo_mode']; label: string }> {
  return [
    { value: 'default', label: __('Site Icon (or the plugin’s mark)', 'workos-login') },
    { value: 'custom', label: __('An image from the Media Library', 'workos-login') },
    { value: 'none', label: __('No logo', 'workos-login') },
  ];
}

export function validationMessages(): Record<ValidationProblem, string> {
  return {
    required: __('This field is required.', 'workos-login'),
    slug: __(
      'Up to 64 lowercase letters, digits, hyphens and underscores, starting with a letter or digit.',
      'workos-login',
    ),
    methods: __('Choose at least one sign-in method.', 'workos-login'),
    organization: __('An organization ID is “org_” followed by letters and digits.', 'workos-login'),
    color: __('Use a color like #1e73be, or clear it for the default.', 'workos-login'),
    logo: __('Choose an image for the custom logo.', 'workos-login'),
  };
}
