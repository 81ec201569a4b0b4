/**
 * The logo: the Site Icon (default), an image from the Media Library, or none. A custom logo is
 * an attachment ID: typed, or chosen with the Media Library (`wp.media`, enqueued on this screen
 * by includes/admin/menu.php), with a thumbnail of the image.
 */
import { Button, RadioControl, TextControl } from '@wordpress/components';
import { createElement, Fragment } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import type { LoginProfile } from '../../../protocol/profile.ts';
import { boot } from '../boot.ts';
import { fieldId } from '../draft.ts';
import { logoModeOptions } from '../labels.ts';
import { useAttachmentImage } from '../logo-url.ts';
import { Field, invalidProps, type SectionProps } from './field.tsx';

interface MediaFrame {
  on(event: 'select', callback: () => void): void;
  open(): void;
  state(): { get(name: 'selection'): { first(): { toJSON(): { id: number } } | undefined } };
}

type MediaFactory = (options: {
  title: string;
  button: { text: string };
  library: { type: string };
  multiple: boolean;
}) => MediaFrame;

const mediaFactory = (): MediaFactory | null =>
  (window as unknown as { wp?: { media?: MediaFactory } }).wp?.media ?? null;

export function LogoField({ draft, change, errors }: SectionProps) {
  const { logo_mode, logo_attachment_id } = draft.branding;
  const setBranding = (branding: Partial<LoginProfile['branding']>, field: string) =>
    change((d) => ({ ...d, branding: { ...d.branding, ...branding } }), field);
  const thumbnail = useAttachmentImage(logo_attachment_id);
  const media = boot().mediaLibrary ? mediaFactory() : null;

  const openLibrary = () => {
    if (!media) return;
    const frame = media({
      title: __('Choose a logo', 'workos-login'),
      button: { text: __('Use this image', 'workos-login') },
      library: { type: 'image' },
      multiple: false,
    });
    frame.on('select', () => {
      const id = frame.state().get('selection').first()?.toJSON().id;
      if (id) setBranding({ logo_attachment_id: id }, 'branding.logo_attachment_id');
    });
    frame.open();
  };

  return (
    <Fragment>
      <Field field="branding.logo_mode" errors={errors}>
        <RadioControl
          label={__('Logo', 'workos-login')}
          selected={logo_mode}
          options={logoModeOptions()}
          onChange={(mode: string) =>
            setBranding({ logo_mode: mode as LoginProfile['branding']['logo_mode'] }, 'branding.logo_mode')
          }
        />
      </Field>
      {logo_mode === 'custom' ? (
        <Field field="branding.logo_attachment_id" errors={errors}>
          <div className="workos-profiles-logo">
            <TextControl
              __nextHasNoMarginBottom
              id={fieldId('branding.logo_attachment_id')}
              label={__('Logo image ID', 'workos-login')}
              help={__('The ID of an image in the Media Library.', 'workos-login')}
              type="number"
              min={0}
              value={logo_attachment_id > 0 ? String(logo_attachment_id) : ''}
              onChange={(typed: string) =>
                setBranding(
                  { logo_attachment_id: /^\d+$/.test(typed) ? Number(typed) : 0 },
                  'branding.logo_attachment_id',
                )
              }
              {...invalidProps('branding.logo_attachment_id', errors)}
            />
            {media ? (
              <Button variant="secondary" onClick={openLibrary}>
                {__('Choose from Media Library', 'workos-login')}
              </Button>
            ) : null}
            {thumbnail ? <img className="workos-profiles-logo-thumbnail" src={thumbnail} alt="" /> : null}
          </div>
        </Field>
      ) : null}
    </Fragment>
  );
}
