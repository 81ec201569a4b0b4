/**
 * The admin REST calls of the screen, through `wp.apiFetch` (its middlewares add the REST root
 * and the `X-WP-Nonce`). Every failure becomes an {@link ApiError}.
 */
import apiFetch from '@wordpress/api-fetch';
import { __ } from '@wordpress/i18n';
import type { AdminOrganization, RoutingRule, RoutingRules } from '../../protocol/admin.ts';
import type { LoginProfile } from '../../protocol/profile.ts';

export type { AdminOrganization as Organization, RoutingRule };

const BASE = '/workos/v1/admin/profiles';

export interface ApiError {
  code: string;
  message: string;
  /** HTTP status; 0 when the request never got an answer. */
  status: number;
  /** The field a validation error is about (`custom_path`, `branding.primary_color`, `rules[2].pattern`). */
  field?: string;
}

export interface OrganizationList {
  organizations: AdminOrganization[];
  /** `fetched_at` of protocol `AdminOrganizationsResponse`. */
  fetchedAt: string | number | null;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;

/** What `apiFetch` rejects with (the WP_Error body, or its own `fetch_error`/`invalid_json`) as an ApiError. */
export function toApiError(error: unknown): ApiError {
  if (!isObject(error)) {
    return { code: 'unknown', message: __('Something went wrong. Try again.', 'workos-login'), status: 0 };
  }
  const data = isObject(error.data) ? error.data : {};
  const code = typeof error.code === 'string' ? error.code : 'unknown';
  const message =
    typeof error.message === 'string' && error.message
      ? error.message
      : __('Something went wrong. Try again.', 'workos-login');
  const status = typeof data.status === 'number' ? data.status : code === 'fetch_error' ? 0 : 500;
  const field = typeof data.field === 'string' ? data.field : undefined;
  return field ? { code, message, status, field } : { code, message, status };
}

async function call<T>(options: { path: string; method?: string; data?: unknown }): Promise<T> {
  try {
    return await apiFetch<T>(options);
  } catch (error) {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- callers read ApiError's fields; apiFetch itself rejects with plain objects
    throw toApiError(error);
  }
}

const profilePath = (slug: string) => `${BASE}/${encodeURIComponent(slug)}`;

export const listProfiles = () => call<LoginProfile[]>({ path: BASE });

export const createProfile = (profile: LoginProfile) =>
  call<LoginProfile>({ path: BASE, method: 'POST', data: profile });

/** Saves the whole profile under its stored slug (`profile.slug` may rename it). */
export const updateProfile = (storedSlug: string, profile: LoginProfile) =>
  call<LoginProfile>({ path: profilePath(storedSlug), method: 'PUT', data: profile });

export const deleteProfile = (slug: string) =>
  call<{ deleted: boolean }>({ path: profilePath(slug), method: 'DELETE' });

export const duplicateProfile = (slug: string) =>
  call<LoginProfile>({ path: `${profilePath(slug)}/duplicate`, method: 'POST' });

/** Organizations through the login server (`AdminOrganizationsResponse`); `refresh` skips WordPress's cache. */
export async function listOrganizations(refresh: boolean): Promise<OrganizationList> {
  const body = await call<unknown>({ path: `/workos/v1/admin/organizations${refresh ? '?refresh=1' : ''}` });
  const list = isObject(body) && Array.isArray(body.organizations) ? body.organizations : [];
  const organizations = list.flatMap((entry: unknown) =>
    isObject(entry) && typeof entry.id === 'string'
      ? [{ id: entry.id, name: typeof entry.name === 'string' && entry.name ? entry.name : entry.id }]
      : [],
  );
  const fetchedAt = isObject(body) && (typeof body.fetched_at === 'string' || typeof body.fetched_at === 'number');
  return { organizations, fetchedAt: fetchedAt ? (body.fetched_at as string | number) : null };
}

export const getRoutingRules = () => call<RoutingRules>({ path: '/workos/v1/admin/routing-rules' });

export const saveRoutingRules = (rules: RoutingRule[]) =>
  call<RoutingRules>({ path: '/workos/v1/admin/routing-rules', method: 'PUT', data: { rules } });

/** An attachment's image URL for the logo preview ('' when it is not an image). */
export async function attachmentImageUrl(id: number): Promise<string> {
  const media = await call<unknown>({
    path: `/wp/v2/media/${id}?_fields=id,source_url,media_type,media_details`,
  });
  if (!isObject(media) || media.media_type !== 'image' || typeof media.source_url !== 'string') return '';
  const sizes = isObject(media.media_details) && isObject(media.media_details.sizes) ? media.media_details.sizes : {};
  const medium = isObject(sizes.medium) && typeof sizes.medium.source_url === 'string' ? sizes.medium.source_url : '';
  return medium || media.source_url;
}
