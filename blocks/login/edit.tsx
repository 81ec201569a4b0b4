import { InspectorControls, useBlockProps } from '@wordpress/block-editor';
import type { BlockEditProps } from '@wordpress/blocks';
import { PanelBody, TextControl } from '@wordpress/components';
import { createElement, Fragment } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import { editorData, useElementLoader } from '../shared/element.ts';
import { blockColorStyle, brandingStyle, type ColorAttributes } from '../shared/profile-data.ts';
import { ProfilePicker } from '../shared/profile-picker.tsx';
import { useBranding, useProfileList } from '../shared/profiles.ts';

export interface LoginAttributes extends ColorAttributes, Record<string, unknown> {
  profile: string;
  redirectTo: string;
}

/**
 * The editor shows the real element, branded like the chosen profile, as a live preview that
 * validates but never signs in.
 */
export function Edit({ attributes, setAttributes }: BlockEditProps<LoginAttributes>) {
  const { profile, redirectTo } = attributes;
  const profiles = useProfileList(profile);
  const branding = useBranding(profile);
  const elementRef = useElementLoader();
  const blockProps = useBlockProps({ style: blockColorStyle(attributes) });

  return (
    <Fragment>
      <InspectorControls>
        <PanelBody title={__('Sign-in form', 'workos-login')}>
          <ProfilePicker
            profile={profile}
            profiles={profiles}
            help={__('Decides the sign-in methods and the branding.', 'workos-login')}
            onChange={(value: string) => setAttributes({ profile: value })}
          />
          <TextControl
            label={__('Redirect after sign-in', 'workos-login')}
            help={__(
              'A page of this site, like /welcome/. Empty: the profile’s redirect, else WordPress’s default.',
              'workos-login',
            )}
            type="url"
            value={redirectTo}
            onChange={(value: string) => setAttributes({ redirectTo: value.trim() })}
          />
        </PanelBody>
      </InspectorControls>
      <div {...blockProps}>
        <workos-login
          ref={elementRef}
          preview=""
          preview-note={__('Preview: sign-in is disabled in the editor.', 'workos-login')}
          profile={profile}
          heading={branding?.heading ?? ''}
          subheading={branding?.subheading ?? ''}
          i18n={editorData().i18n ?? ''}
          style={brandingStyle(branding?.primary_color ?? '')}
        >
          {branding?.logo_url ? <img slot="logo" src={branding.logo_url} alt="" /> : null}
        </workos-login>
      </div>
    </Fragment>
  );
}
