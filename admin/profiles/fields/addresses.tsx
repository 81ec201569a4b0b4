/** Custom path (with the URL it makes), post-login redirect and forwarded query args. */
import { Notice, TextControl, ToggleControl } from '@wordpress/components';
import { createElement, Fragment } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import { boot, customPathUrl } from '../boot.ts';
import { fieldId, normalizeCustomPath } from '../draft.ts';
import { Field, invalidProps, type SectionProps } from './field.tsx';

export function AddressesSection({ draft, change, errors }: SectionProps) {
  const path = normalizeCustomPath(draft.custom_path);
  const { prettyPermalinks } = boot();

  return (
    <Fragment>
      <Field field="custom_path" errors={errors}>
        <TextControl
          __nextHasNoMarginBottom
          id={fieldId('custom_path')}
          label={__('Custom path', 'workos-login')}
          help={__(
            'An extra address for this form, like “members” or “team/login”. Empty: only the standard address.',
            'workos-login',
          )}
          value={draft.custom_path}
          spellCheck={false}
          autoCapitalize="none"
          onChange={(custom_path: string) => change((d) => ({ ...d, custom_path }), 'custom_path')}
          {...invalidProps('custom_path', errors)}
        />
        {path ? (
          <p className="workos-profiles-url" aria-live="polite">
            {__('Address:', 'workos-login')} <code>{customPathUrl(path)}</code>
          </p>
        ) : null}
        {path && !prettyPermalinks ? (
          <Notice status="warning" isDismissible={false}>
            {__('Custom paths need pretty permalinks (Settings → Permalinks).', 'workos-login')}
          </Notice>
        ) : null}
      </Field>
      <Field field="post_login_redirect" errors={errors}>
        <TextControl
          __nextHasNoMarginBottom
          id={fieldId('post_login_redirect')}
          label={__('After sign-in, go to', 'workos-login')}
          help={__(
            'A page of this site, like /welcome/. Used when the link names no destination. Empty: WordPress’s default.',
            'workos-login',
          )}
          value={draft.post_login_redirect}
          spellCheck={false}
          onChange={(post_login_redirect: string) =>
            change((d) => ({ ...d, post_login_redirect: post_login_redirect.trim() }), 'post_login_redirect')
          }
          {...invalidProps('post_login_redirect', errors)}
        />
      </Field>
      <Field field="forward_query_args" errors={errors}>
        <ToggleControl
          __nextHasNoMarginBottom
          label={__('Pass marketing parameters on', 'workos-login')}
          help={__(
            'utm_* and ref in the sign-in address are added to the destination. WordPress’s own are never passed.',
            'workos-login',
          )}
          checked={draft.forward_query_args}
          onChange={(forward_query_args: boolean) =>
            change((d) => ({ ...d, forward_query_args }), 'forward_query_args')
          }
        />
      </Field>
    </Fragment>
  );
}
