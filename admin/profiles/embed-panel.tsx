/**
 * Every way to reach the saved profile: its canonical address, its custom path, the shortcode and
 * the block — each copyable.
 */
import { Button } from '@wordpress/components';
import { createElement, Fragment, useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import type { LoginProfile } from '../../protocol/profile.ts';
import { customPathUrl, profileUrl } from './boot.ts';
import { copyText } from './copy.ts';

function CopyRow({ id, label, value }: { id: string; label: string; value: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  return (
    <div className="workos-profiles-copy">
      <label htmlFor={id}>{label}</label>
      <div className="workos-profiles-copy-row">
        <input
          id={id}
          type="text"
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
          className="code"
        />
        <Button
          variant="secondary"
          aria-describedby={id}
          onClick={() => void copyText(value).then((ok) => setState(ok ? 'copied' : 'failed'))}
        >
          {__('Copy', 'workos-login')}
        </Button>
      </div>
      <span className="workos-profiles-copy-status" role="status">
        {state === 'copied' ? __('Copied.', 'workos-login') : null}
        {state === 'failed' ? __('Could not copy: select the text and copy it.', 'workos-login') : null}
      </span>
    </div>
  );
}

/** `saved` is the profile as stored: a draft's unsaved slug or path is not reachable yet. */
export function EmbedPanel({ saved }: { saved: LoginProfile | null }) {
  if (!saved) {
    return <p>{__('Save the profile to get its address, shortcode and block.', 'workos-login')}</p>;
  }
  const shortcode = `[workos:login profile="${saved.slug}"]`;
  return (
    <Fragment>
      <CopyRow
        id="workos-profiles-embed-url"
        label={__('Sign-in page', 'workos-login')}
        value={profileUrl(saved.slug)}
      />
      {saved.custom_path ? (
        <CopyRow
          id="workos-profiles-embed-custom"
          label={__('Custom path address', 'workos-login')}
          value={customPathUrl(saved.custom_path)}
        />
      ) : null}
      <CopyRow id="workos-profiles-embed-shortcode" label={__('Shortcode', 'workos-login')} value={shortcode} />
      <h3 className="workos-profiles-subheading">{__('Block', 'workos-login')}</h3>
      <p className="workos-profiles-block-help">
        {sprintf(
          /* translators: %s: the profile's title. */
          __(
            'In the block editor, add the “WorkOS Login” block and choose “%s” as its Login Profile in the block settings. The “WorkOS Login Button” block can link to this profile too.',
            'workos-login',
          ),
          saved.title || saved.slug,
        )}
      </p>
    </Fragment>
  );
}
