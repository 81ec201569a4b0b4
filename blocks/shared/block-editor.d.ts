/**
 * The few parts of `@wordpress/block-editor` the blocks use. The package ships no type
 * declarations (and is a WordPress global at runtime, `wp.blockEditor`), so it is not installed;
 * these signatures follow its documentation and hold on WordPress 6.5 and later.
 */
declare module '@wordpress/block-editor' {
  import type { ComponentType, CSSProperties, ReactNode, Ref } from 'react';

  export interface BlockPropsInput {
    className?: string;
    style?: CSSProperties & Record<`--${string}`, string | undefined>;
    ref?: Ref<HTMLElement>;
    [attribute: string]: unknown;
  }

  /** Props for the block's wrapper: classes, style and the data attributes the editor needs. */
  export function useBlockProps(props?: BlockPropsInput): Record<string, unknown> & { className: string };

  export const InspectorControls: ComponentType<{ group?: string; children?: ReactNode }>;

  export interface RichTextProps {
    tagName: string;
    value: string;
    onChange(value: string): void;
    placeholder?: string;
    allowedFormats?: string[];
    withoutInteractiveFormatting?: boolean;
    identifier?: string;
    className?: string;
    style?: CSSProperties;
    'aria-label'?: string;
  }

  export const RichText: ComponentType<RichTextProps>;
}
