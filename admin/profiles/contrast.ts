/**
 * WCAG contrast of a profile's primary color, for the preview's warnings. The element prints the
 * button text black or white, whichever reads better (`readableTextOn`, the same rule as PHP's
 * `workos_login_branding_style()`); the color also draws the focus ring on the card.
 */
import { readableTextOn } from '../../blocks/shared/profile-data.ts';

/** WCAG AA for normal text. */
export const AA = 4.5;

/** The element's defaults (elements/workos-login.styles.ts), light scheme. */
export const DEFAULT_PRIMARY = '#4338ca';
export const CARD_BACKGROUND = '#ffffff';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two `#rrggbb` colors, 1–21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

export interface ContrastReport {
  /** The color checked: the profile's, else the element's default. */
  primary: string;
  /** Primary vs white button text. */
  onWhiteText: number;
  /** The button text the element will use on this color. */
  buttonText: '#000000' | '#ffffff';
  /** Primary vs the card background (focus ring, the color as text on the card). */
  onCard: number;
}

/** The checks for a draft color; invalid or empty colors are checked as the default. */
export function contrastReport(color: string, card: string = CARD_BACKGROUND): ContrastReport {
  const primary = /^#[0-9a-f]{6}$/i.test(color) ? color.toLowerCase() : DEFAULT_PRIMARY;
  return {
    primary,
    onWhiteText: contrastRatio(primary, '#ffffff'),
    buttonText: readableTextOn(primary),
    onCard: contrastRatio(primary, card),
  };
}

/** `4.4999` → `4.49` (never rounds a failing ratio up to a passing one). */
export function formatRatio(ratio: number): string {
  return (Math.floor(ratio * 100) / 100).toFixed(2);
}
