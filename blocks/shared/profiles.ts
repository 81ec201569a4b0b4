/**
 * Login Profiles in the block editor, loaded once per editor session through the REST API.
 */
import apiFetch from '@wordpress/api-fetch';
import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import { parseBranding, parseProfileList, type Branding, type ProfileOption } from './profile-data.ts';

export interface ProfileList {
  options: ProfileOption[];
  loading: boolean;
  /** The list could not be loaded: only `default` (and the block's current profile) is offered. */
  failed: boolean;
  /** The list loaded without the block's current profile: it was deleted (or renamed). */
  missing: boolean;
}

let listRequest: Promise<ProfileOption[] | null> | null = null;
const brandingRequests = new Map<string, Promise<Branding | null>>();

function fetchProfileList(): Promise<ProfileOption[] | null> {
  listRequest ??= apiFetch<unknown>({ path: '/workos/v1/admin/profiles' }).then(parseProfileList, () => null);
  return listRequest;
}

function fetchBranding(slug: string): Promise<Branding | null> {
  let request = brandingRequests.get(slug);
  if (!request) {
    request = apiFetch<unknown>({ path: `/workos/v1/profiles/${encodeURIComponent(slug)}` }).then(
      parseBranding,
      () => null,
    );
    brandingRequests.set(slug, request);
  }
  return request;
}

/** The profiles to pick from; `current` stays in the list so a saved choice never vanishes. */
export function useProfileList(current: string): ProfileList {
  const [list, setList] = useState<ProfileOption[] | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void fetchProfileList().then((result) => live && setList(result));
    return () => {
      live = false;
    };
  }, []);

  const options = list?.length ? [...list] : [{ slug: 'default', title: __('Default', 'workos-login') }];
  const missing = !!list?.length && !list.some((option) => option.slug === current);
  if (current && !options.some((option) => option.slug === current)) options.push({ slug: current, title: current });
  return { options, loading: list === undefined, failed: list === null, missing };
}

/** A profile's public branding; null while loading or when the profile is unknown. */
export function useBranding(slug: string): Branding | null {
  const [branding, setBranding] = useState<{ slug: string; value: Branding | null } | null>(null);
  useEffect(() => {
    let live = true;
    void fetchBranding(slug).then((value) => live && setBranding({ slug, value }));
    return () => {
      live = false;
    };
  }, [slug]);
  return branding?.slug === slug ? branding.value : null;
}
