/**
 * What the screen cannot know by itself, printed by includes/admin/menu.php before the script as
 * `window.workosLoginAdmin`. REST root and nonce are not here: `wp-api-fetch` carries its own
 * middlewares for both. The element's module URL and strings come as `window.workosLoginBlocks`,
 * the same object the block editor gets (blocks/shared/element.ts reads it).
 */

export interface PaletteColor {
  name: string;
  /** `#rrggbb`, lowercase. */
  color: string;
}

export interface AdminBoot {
  /** Home URL, ending in `/`. */
  siteUrl: string;
  /** A profile's sign-in page, with `__SLUG__` where the slug goes. */
  profileUrl: string;
  /** A custom path's URL, with `__PATH__` where the path goes. */
  customPathUrl: string;
  /** Pretty permalinks are on: without them custom paths are not served. */
  prettyPermalinks: boolean;
  /** The logo of `logo_mode: default`: the Site Icon, else the bundled mark. */
  defaultLogoUrl: string;
  /** The current user's admin color scheme. */
  adminColors: { name: string; colors: PaletteColor[] };
  /** The active theme's `theme.json` palette (hex colors only). */
  themeColors: PaletteColor[];
  /** `wp.media` was enqueued: the Media Library button can open. */
  mediaLibrary: boolean;
}

declare global {
  interface Window {
    workosLoginAdmin?: Partial<AdminBoot>;
  }
}

const FALLBACK: AdminBoot = {
  siteUrl: '/',
  profileUrl: '/workos/login/__SLUG__/',
  customPathUrl: '/__PATH__/',
  prettyPermalinks: true,
  defaultLogoUrl: '',
  adminColors: { name: '', colors: [] },
  themeColors: [],
  mediaLibrary: false,
};

export function boot(): AdminBoot {
  return { ...FALLBACK, ...window.workosLoginAdmin };
}

/** The canonical sign-in page of a profile. */
export function profileUrl(slug: string, data: AdminBoot = boot()): string {
  return data.profileUrl.replace('__SLUG__', encodeURIComponent(slug));
}

/** The URL a custom path serves, or '' for none. */
export function customPathUrl(path: string, data: AdminBoot = boot()): string {
  return path ? data.customPathUrl.replace('__PATH__', path.split('/').map(encodeURIComponent).join('/')) : '';
}
