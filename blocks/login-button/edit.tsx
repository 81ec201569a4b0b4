import { InspectorControls, RichText, useBlockProps } from '@wordpress/block-editor';
import type { BlockEditProps } from '@wordpress/blocks';
import { PanelBody, TextControl } from '@wordpress/components';
import { createElement, Fragment } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import { colorValue, type ColorAttributes } from '../shared/profile-data.ts';
import { ProfilePicker } from '../shared/profile-picker.tsx';
import { useProfileList } from '../shared/profiles.ts';

export interface LoginButtonAttributes extends ColorAttributes, Record<string, unknown> {
  profile: string;
  label: string;
  logoutLabel: string;
  logoutRedirect: string;
}

/** The link as visitors see it; its label is edited in place, everything else in the sidebar. */
export function Edit({ attributes, setAttributes }: BlockEditProps<LoginButtonAttributes>) {
  const { profile, label, logoutLabel, logoutRedirect } = attributes;
  const profiles = useProfileList(profile);
  const blockProps = useBlockProps();
  const linkStyle = {
    backgroundColor: colorValue(attributes.backgroundColor, attributes.style?.color?.background),
    color: colorValue(attributes.textColor, attributes.style?.color?.text),
  };

  return (
    <Fragment>
      <InspectorControls>
        <PanelBody title={__('Login button', 'workos-login')}>
          <ProfilePicker
            profile={profile}
            profiles={profiles}
            help={__('The link opens this profile’s sign-in page and comes back here.', 'workos-login')}
            onChange={(value: string) => setAttributes({ profile: value })}
          />
          <TextControl
            label={__('Label for signed-in visitors', 'workos-login')}
            value={logoutLabel}
            onChange={(value: string) => setAttributes({ logoutLabel: value })}
          />
          <TextControl
            label={__('After logging out, go to', 'workos-login')}
            help={__('A page of this site. Empty: the page the visitor was on.', 'workos-login')}
            type="url"
            value={logoutRedirect}
            onChange={(value: string) => setAttributes({ logoutRedirect: value.trim() })}
          />
        </PanelBody>
      </InspectorControls>
      <div {...blockProps}>
        <RichText
          tagName="a"
          className="wp-block-workos-login-button__link wp-element-button"
          style={linkStyle}
          aria-label={__('Login button label', 'workos-login')}
          placeholder={__('Log in', 'workos-login')}
          allowedFormats={[]}
          withoutInteractiveFormatting
          value={label}
          onChange={(value: string) => setAttributes({ label: value })}
        />
      </div>
    </Fragment>
  );
}
