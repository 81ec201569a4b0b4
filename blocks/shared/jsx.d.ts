/** `<workos-login>` in the blocks' JSX: its attributes as the editor sets them (strings). */
import type { CSSProperties, ReactNode, Ref } from 'react';

declare global {
  namespace JSX {
    interface IntrinsicElements {
      'workos-login': {
        ref?: Ref<HTMLElement>;
        className?: string;
        style?: CSSProperties & Record<`--${string}`, string>;
        profile?: string;
        heading?: string;
        subheading?: string;
        i18n?: string;
        /** Boolean attribute: pass '' to set it (React 18 would print `false` as "false"). */
        preview?: '';
        'preview-note'?: string;
        'redirect-to'?: string;
        children?: ReactNode;
      };
    }
  }
}
