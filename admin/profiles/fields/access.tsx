/** Sign-up, invitations, password reset, MFA and "remember me". */
import { CheckboxControl, SelectControl, ToggleControl } from '@wordpress/components';
import { createElement, Fragment } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import type { LoginProfile } from '../../../protocol/profile.ts';
import { fieldId, toggle } from '../draft.ts';
import { rememberMeOptions } from '../labels.ts';
import { enforceHelp, enforceOptions, factorRows } from '../mfa-field.ts';
import { errorId, Field, type SectionProps } from './field.tsx';

type Flag = 'invitations' | 'password_reset' | 'auto_sign_in_after_reset';

export function AccessSection({ draft, change, errors }: SectionProps) {
  const flag = (key: Flag, label: string, help: string, disabled = false) => (
    <Field field={key} errors={errors}>
      <ToggleControl
        __nextHasNoMarginBottom
        label={label}
        help={help}
        checked={draft[key]}
        disabled={disabled}
        onChange={(on: boolean) => change((d) => ({ ...d, [key]: on }), key)}
      />
    </Field>
  );

  return (
    <Fragment>
      <Field field="signup.enabled" errors={errors}>
        <ToggleControl
          __nextHasNoMarginBottom
          label={__('Allow sign-up', 'workos-login')}
          help={__('People without an account can create one from this form.', 'workos-login')}
          checked={draft.signup.enabled}
          onChange={(enabled: boolean) => change((d) => ({ ...d, signup: { ...d.signup, enabled } }), 'signup.enabled')}
        />
      </Field>
      <Field field="signup.require_invitation" errors={errors}>
        <ToggleControl
          __nextHasNoMarginBottom
          label={__('Sign-up only with an invitation', 'workos-login')}
          checked={draft.signup.require_invitation}
          disabled={!draft.signup.enabled}
          onChange={(require_invitation: boolean) =>
            change((d) => ({ ...d, signup: { ...d.signup, require_invitation } }), 'signup.require_invitation')
          }
        />
      </Field>
      {flag(
        'invitations',
        __('Accept invitations', 'workos-login'),
        __('Invitation links from WorkOS open this form.', 'workos-login'),
      )}
      {flag(
        'password_reset',
        __('Offer password reset', 'workos-login'),
        __('A “Forgot password?” link on the form.', 'workos-login'),
      )}
      {flag(
        'auto_sign_in_after_reset',
        __('Sign in after a password reset', 'workos-login'),
        __('Without this, people sign in with their new password.', 'workos-login'),
        !draft.password_reset,
      )}
      <Field field="mfa.enforce" errors={errors}>
        <SelectControl
          __nextHasNoMarginBottom
          id={fieldId('mfa.enforce')}
          label={__('Multi-factor authentication', 'workos-login')}
          help={enforceHelp(draft.mfa.enforce)}
          value={draft.mfa.enforce}
          options={enforceOptions()}
          onChange={(enforce: string) =>
            change(
              (d) => ({ ...d, mfa: { ...d.mfa, enforce: enforce as LoginProfile['mfa']['enforce'] } }),
              'mfa.enforce',
            )
          }
        />
      </Field>
      <Field field="mfa.factors" errors={errors}>
        <fieldset
          className="workos-profiles-fieldset"
          aria-describedby={errors['mfa.factors'] ? errorId('mfa.factors') : undefined}
        >
          <legend>{__('Second factors offered', 'workos-login')}</legend>
          {factorRows(draft.mfa.enforce).map(({ factor, label, disabled, help }) => (
            <CheckboxControl
              key={factor}
              __nextHasNoMarginBottom
              label={label}
              help={help}
              checked={draft.mfa.factors.includes(factor)}
              disabled={disabled}
              onChange={(on: boolean) =>
                change((d) => ({ ...d, mfa: { ...d.mfa, factors: toggle(d.mfa.factors, factor, on) } }), 'mfa.factors')
              }
            />
          ))}
        </fieldset>
      </Field>
      <Field field="remember_me" errors={errors}>
        <SelectControl
          __nextHasNoMarginBottom
          id={fieldId('remember_me')}
          label={__('Remember me', 'workos-login')}
          help={__('Whether the session outlasts closing the browser.', 'workos-login')}
          value={draft.remember_me}
          options={rememberMeOptions()}
          onChange={(remember_me: string) =>
            change((d) => ({ ...d, remember_me: remember_me as LoginProfile['remember_me'] }), 'remember_me')
          }
        />
      </Field>
    </Fragment>
  );
}
