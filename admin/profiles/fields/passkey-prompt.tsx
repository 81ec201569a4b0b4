/**
 * "Offer a passkey after sign-in" (`passkey_prompt`): shown while `passkey` is among the methods;
 * the value is kept (and saved) when it is not.
 */
import { ToggleControl } from '@wordpress/components';
import { createElement } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import { fieldId } from '../draft.ts';
import { Field, type SectionProps } from './field.tsx';

export function PasskeyPromptField({ draft, change, errors }: SectionProps) {
  if (!draft.methods.includes('passkey')) return null;
  return (
    <Field field="passkey_prompt" errors={errors}>
      <ToggleControl
        __nextHasNoMarginBottom
        id={fieldId('passkey_prompt')}
        label={__('Offer a passkey after sign-in', 'workos-login')}
        help={__(
          'After signing in another way, people without a passkey are asked “Sign in faster next time?”. “Not now” keeps the question away for a while (WorkOS → Settings → Passkeys).',
          'workos-login',
        )}
        checked={draft.passkey_prompt}
        onChange={(passkey_prompt: boolean) => change((d) => ({ ...d, passkey_prompt }), 'passkey_prompt')}
      />
    </Field>
  );
}
