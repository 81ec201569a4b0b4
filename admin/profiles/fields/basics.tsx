/** Title, slug and mode. */
import { RadioControl, TextControl } from '@wordpress/components';
import { createElement, Fragment, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import type { LoginProfile } from '../../../protocol/profile.ts';
import { fieldId, slugFromTitle } from '../draft.ts';
import { modeOptions } from '../labels.ts';
import { Field, invalidProps, type SectionProps } from './field.tsx';

export function BasicsSection({ draft, change, errors, storedSlug }: SectionProps & { storedSlug: string | null }) {
  // A new profile's slug follows its title until the slug is edited by hand.
  const [slugEdited, setSlugEdited] = useState(storedSlug !== null);
  const isDefault = storedSlug === 'default';

  let slugHelp: string = __('Used in the profile’s address, the shortcode and blocks.', 'workos-login');
  if (isDefault) slugHelp = __('The default profile’s slug cannot change.', 'workos-login');
  else if (storedSlug !== null && draft.slug !== storedSlug)
    slugHelp = __(
      'Renaming changes the profile’s address; shortcodes and blocks that name the old slug stop working.',
      'workos-login',
    );

  return (
    <Fragment>
      <Field field="title" errors={errors}>
        <TextControl
          __nextHasNoMarginBottom
          id={fieldId('title')}
          label={__('Title', 'workos-login')}
          help={__('Shown to administrators and editors only.', 'workos-login')}
          value={draft.title}
          onChange={(title: string) =>
            change(
              (d) => ({ ...d, title, slug: slugEdited ? d.slug : slugFromTitle(title) }),
              'title',
              ...(slugEdited ? [] : ['slug']),
            )
          }
          {...invalidProps('title', errors)}
        />
      </Field>
      <Field field="slug" errors={errors}>
        <TextControl
          __nextHasNoMarginBottom
          id={fieldId('slug')}
          label={__('Slug', 'workos-login')}
          help={slugHelp}
          value={draft.slug}
          disabled={isDefault}
          spellCheck={false}
          autoCapitalize="none"
          onChange={(slug: string) => {
            setSlugEdited(true);
            change((d) => ({ ...d, slug: slug.trim() }), 'slug');
          }}
          {...invalidProps('slug', errors)}
        />
      </Field>
      <Field field="mode" errors={errors}>
        <RadioControl
          label={__('Sign-in experience', 'workos-login')}
          selected={draft.mode}
          options={modeOptions()}
          onChange={(mode: string) => change((d) => ({ ...d, mode: mode as LoginProfile['mode'] }), 'mode')}
        />
      </Field>
    </Fragment>
  );
}
