import { Notice, SelectControl, Spinner } from '@wordpress/components';
import { createElement, Fragment } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import type { useProfileList } from './profiles.ts';

interface Props {
  profile: string;
  profiles: ReturnType<typeof useProfileList>;
  help: string;
  onChange: (slug: string) => void;
}

/** The Login Profile select both blocks show, with its load-failure and missing-profile notices. */
export function ProfilePicker({ profile, profiles, help, onChange }: Props) {
  return (
    <Fragment>
      {profiles.failed && (
        <Notice status="warning" isDismissible={false}>
          {__('The Login Profiles could not be loaded, so only the default profile is offered.', 'workos-login')}
        </Notice>
      )}
      {profiles.missing && (
        <Notice status="error" isDismissible={false}>
          {__('This Login Profile no longer exists: visitors see nothing here. Choose another one.', 'workos-login')}
        </Notice>
      )}
      <SelectControl
        label={__('Login Profile', 'workos-login')}
        help={help}
        value={profile}
        options={profiles.options.map(({ slug, title }) => ({ value: slug, label: title }))}
        onChange={onChange}
      />
      {profiles.loading && <Spinner />}
    </Fragment>
  );
}
