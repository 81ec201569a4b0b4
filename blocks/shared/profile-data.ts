/**
 * Pure helpers of the block editors: reading what the REST API answers, and turning branding and
 * block colours into the element's CSS custom properties — the same values the PHP renderers
 * print (`workos_login_branding_style()`, `workos_login_block_color_style()`).
 */
import type { PublicProfile } from '../../protocol/profile.ts';

export interface ProfileOption {
  slug: string;
  title: string;
}

export type Branding = PublicProfile['branding'];

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const SLUG = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/**
 * The profiles of `GET /workos/v1/admin/profiles`: a list of profiles, bare or wrapped
 * (`{ profiles: […] }`). Entries without a valid slug are skipped; `default` always comes first.
 * Returns null when the answer is not a list at all.
 */
export function parseProfileList(body: unknown): ProfileOption[] | null {
  const list = Array.isArray(body) ? body : isObject(body) && Array.isArray(body.profiles) ? body.profiles : null;
  if (!list) return null;
  const options: ProfileOption[] = [];
  for (const entry of list) {
    if (!isObject(entry) || !SLUG.test(text(entry.slug))) continue;
    const slug = text(entry.slug);
    if (options.some((option) => option.slug === slug)) continue;
    options.push({ slug, title: text(entry.title).trim() || slug });
  }
  options.sort((a, b) => Number(b.slug === 'default') - Number(a.slug === 'default'));
  return options;
}

/** The branding of `GET /workos/v1/profiles/<slug>`, or null when the answer has none. */
export function parseBranding(body: unknown): Branding | null {
  if (!isObject(body) || !isObject(body.branding)) return null;
  const { heading, subheading, primary_color, logo_url } = body.branding;
  return {
    heading: text(heading),
    subheading: text(subheading),
    primary_color: /^#[0-9a-f]{6}$/i.test(text(primary_color)) ? text(primary_color).toLowerCase() : '',
    logo_url: /^(https?:)?\/\//i.test(text(logo_url)) || text(logo_url).startsWith('/') ? text(logo_url) : '',
  };
}

/** Black or white, whichever reads better on `hex` (WCAG relative luminance). */
export function readableTextOn(hex: string): '#000000' | '#ffffff' {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) ? '#000000' : '#ffffff';
}

export type CustomProperties = Record<`--${string}`, string>;

/** The element's style for a profile's primary colour, as the PHP renderer prints it. */
export function brandingStyle(primary: string): CustomProperties {
  if (!/^#[0-9a-f]{6}$/i.test(primary)) return {};
  return { '--workos-login-primary': primary.toLowerCase(), '--workos-login-primary-text': readableTextOn(primary) };
}

/** The colour attributes the block supports write (`supports.color`). */
export interface ColorAttributes {
  backgroundColor?: string;
  textColor?: string;
  style?: { color?: { background?: string; text?: string } };
}

const PRESET = /^[a-z0-9-]+$/;
const CUSTOM = /^(#[0-9a-f]{3,8}|(rgb|rgba|hsl|hsla)\([0-9.,%\s/]+\))$/i;

/** A palette slug becomes its preset variable; a custom colour passes when it is a plain colour. */
export function colorValue(preset?: string, custom?: string): string | undefined {
  if (preset && PRESET.test(preset)) return `var(--wp--preset--color--${preset})`;
  const match = custom?.match(/^var:preset\|color\|([a-z0-9-]+)$/);
  if (match) return `var(--wp--preset--color--${match[1]})`;
  if (custom && CUSTOM.test(custom.trim())) return custom.trim();
  return undefined;
}

/** Block colours as the element's custom properties: background → card, text → its text. */
export function blockColorStyle(attributes: ColorAttributes): CustomProperties {
  const style: CustomProperties = {};
  const background = colorValue(attributes.backgroundColor, attributes.style?.color?.background);
  const color = colorValue(attributes.textColor, attributes.style?.color?.text);
  if (background) style['--workos-login-background'] = background;
  if (color) style['--workos-login-text'] = color;
  return style;
}
