/** The words for the profile's enumerated values, translated (called at render, after setLocaleData). */
import { __ } from '@wordpress/i18n';
import type { Method } from '../../protocol/messages.ts';
import type { LoginProfile, MfaFactor } from '../../protocol/profile.ts';
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

export function enforceOptions(): Array<{ value: LoginProfile['mfa']['enforce']; label: string }> {
  return [
    { value: 'never', label: __('Never', 'workos-login') },
    { value: 'if_required', label: __('When WorkOS requires it', 'workos-login') },
    { value: 'always', label: __('Always', 'workos-login') },
  ];
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
