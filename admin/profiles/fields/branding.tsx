/**
 * Heading, subheading and primary color. The color palette offers the user's admin color scheme
 * and the theme's `theme.json` palette, plus a custom color; a hex field beside it serves
 * keyboard users and exact values.
 */
import { ColorPalette, TextareaControl, TextControl } from '@wordpress/components';
import { createElement, Fragment } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import { boot } from '../boot.ts';
import { fieldId, normalizeColor } from '../draft.ts';
import { Field, invalidProps, type SectionProps } from './field.tsx';
import { LogoField } from './logo.tsx';

function palettes() {
  const { adminColors, themeColors } = boot();
  return [
    {
      name: adminColors.name
        ? sprintf(
            /* translators: %s: admin color scheme name. */ __('Admin colors (%s)', 'workos-login'),
            adminColors.name,
          )
        : __('Admin colors', 'workos-login'),
      colors: adminColors.colors,
    },
    { name: __('Theme', 'workos-login'), colors: themeColors },
  ].filter((palette) => palette.colors.length > 0);
}

export function BrandingSection(props: SectionProps) {
  const { draft, change, errors } = props;
  const setBranding = (branding: Partial<typeof draft.branding>, field: string) =>
    change((d) => ({ ...d, branding: { ...d.branding, ...branding } }), field);
  const color = draft.branding.primary_color;
  const colorPalettes = palettes();

  return (
    <Fragment>
      <Field field="branding.heading" errors={errors}>
        <TextControl
          __nextHasNoMarginBottom
          id={fieldId('branding.heading')}
          label={__('Heading', 'workos-login')}
          help={__('Empty: “Sign in”, in the visitor’s language.', 'workos-login')}
          value={draft.branding.heading}
          onChange={(heading: string) => setBranding({ heading }, 'branding.heading')}
          {...invalidProps('branding.heading', errors)}
        />
      </Field>
      <Field field="branding.subheading" errors={errors}>
        <TextareaControl
          __nextHasNoMarginBottom
          label={__('Subheading', 'workos-login')}
          rows={2}
          value={draft.branding.subheading}
          onChange={(subheading: string) => setBranding({ subheading }, 'branding.subheading')}
          {...invalidProps('branding.subheading', errors)}
        />
      </Field>
      <Field field="branding.primary_color" errors={errors}>
        <fieldset className="workos-profiles-fieldset" aria-describedby="workos-profiles-palette-help">
          <legend>{__('Primary color', 'workos-login')}</legend>
          <ColorPalette
            colors={colorPalettes}
            value={color || undefined}
            enableAlpha={false}
            clearable
            // Toggle buttons rather than a listbox: the grouped listbox of WordPress 6.5 lacks the
            // option roles axe requires.
            asButtons
            onChange={(picked?: string) =>
              setBranding({ primary_color: picked ? normalizeColor(picked) : '' }, 'branding.primary_color')
            }
          />
          <p className="description" id="workos-profiles-palette-help">
            {__('The button and focus ring. Clear it for the form’s default.', 'workos-login')}
          </p>
        </fieldset>
        <TextControl
          __nextHasNoMarginBottom
          id={fieldId('branding.primary_color')}
          className="workos-profiles-hex"
          label={__('Primary color (hex)', 'workos-login')}
          placeholder="#1e73be"
          value={color}
          spellCheck={false}
          autoCapitalize="none"
          onChange={(typed: string) => setBranding({ primary_color: typed.trim() }, 'branding.primary_color')}
          onBlur={() => {
            // `#abc` → `#aabbcc` once typing is done (not while: it would rewrite a half-typed value).
            if (normalizeColor(color) !== color)
              change((d) => ({ ...d, branding: { ...d.branding, primary_color: normalizeColor(color) } }));
          }}
          {...invalidProps('branding.primary_color', errors)}
        />
      </Field>
      <LogoField {...props} />
    </Fragment>
  );
}
