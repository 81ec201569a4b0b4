/**
 * The live preview: the real `<workos-login preview>` with the draft's heading, subheading,
 * primary color and logo, re-rendered as the draft changes; and the contrast of the color.
 */
import { Notice } from '@wordpress/components';
import { createElement } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import { editorData, useElementLoader } from '../../blocks/shared/element.ts';
import { brandingStyle } from '../../blocks/shared/profile-data.ts';
import type { LoginProfile } from '../../protocol/profile.ts';
import { AA, contrastReport, formatRatio } from './contrast.ts';
import { useLogoUrl } from './logo-url.ts';

export function Preview({ draft }: { draft: LoginProfile }) {
  const elementRef = useElementLoader();
  const logo = useLogoUrl(draft.branding);
  const { heading, subheading, primary_color } = draft.branding;
  const report = contrastReport(primary_color);
  const whiteFails = report.onWhiteText < AA;
  const cardFails = report.onCard < AA;

  return (
    <div className="workos-profiles-preview">
      <div className="workos-profiles-preview-stage">
        <workos-login
          ref={elementRef}
          preview=""
          preview-note={__('Preview: sign-in is disabled here.', 'workos-login')}
          profile={draft.slug || 'default'}
          heading={heading}
          subheading={subheading}
          i18n={editorData().i18n ?? ''}
          style={brandingStyle(primary_color)}
        >
          {logo ? <img slot="logo" src={logo} alt="" /> : null}
        </workos-login>
      </div>
      <div className="workos-profiles-contrast" aria-live="polite">
        <p>
          {sprintf(
            /* translators: 1: a color like #1e73be, 2: a contrast ratio like 4.52. */
            __('Contrast of %1$s with white button text: %2$s:1.', 'workos-login'),
            report.primary,
            formatRatio(report.onWhiteText),
          )}{' '}
          {sprintf(
            /* translators: 1: a contrast ratio like 4.52. */
            __('With the card background: %1$s:1.', 'workos-login'),
            formatRatio(report.onCard),
          )}
        </p>
        {whiteFails ? (
          <Notice status="warning" isDismissible={false} className="workos-profiles-contrast-warning">
            {sprintf(
              /* translators: %s: a contrast ratio like 3.1. */
              __(
                'White text on this color fails WCAG AA (%s:1, needs 4.5:1): the button will use black text instead.',
                'workos-login',
              ),
              formatRatio(report.onWhiteText),
            )}
          </Notice>
        ) : null}
        {cardFails ? (
          <Notice status="warning" isDismissible={false} className="workos-profiles-contrast-warning">
            {sprintf(
              /* translators: %s: a contrast ratio like 3.1. */
              __(
                'This color is hard to see on the white card (%s:1, needs 4.5:1): the focus ring and the button’s edge may get lost. Choose a darker color.',
                'workos-login',
              ),
              formatRatio(report.onCard),
            )}
          </Notice>
        ) : null}
      </div>
    </div>
  );
}
