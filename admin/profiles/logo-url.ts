/**
 * The logo a draft shows, as `workos_login_profile_logo_url()` picks it: `none` → none,
 * `custom` → the attachment's image, `default` (or a custom image that cannot be found) → the
 * Site Icon or the plugin's mark.
 */
import { useEffect, useState } from '@wordpress/element';
import type { LoginProfile } from '../../protocol/profile.ts';
import { attachmentImageUrl } from './api.ts';
import { boot } from './boot.ts';

const requests = new Map<number, Promise<string>>();

function imageUrl(id: number): Promise<string> {
  let request = requests.get(id);
  if (!request) {
    request = attachmentImageUrl(id).catch(() => '');
    requests.set(id, request);
  }
  return request;
}

/** The image URL of an attachment; '' while loading, for 0, or when it is no image. */
export function useAttachmentImage(id: number): string {
  const [loaded, setLoaded] = useState<{ id: number; url: string } | null>(null);
  useEffect(() => {
    if (id <= 0) return;
    let live = true;
    void imageUrl(id).then((url) => live && setLoaded({ id, url }));
    return () => {
      live = false;
    };
  }, [id]);
  return id > 0 && loaded?.id === id ? loaded.url : '';
}

export function useLogoUrl(branding: LoginProfile['branding']): string {
  const { logo_mode, logo_attachment_id } = branding;
  const custom = useAttachmentImage(logo_mode === 'custom' ? logo_attachment_id : 0);
  if (logo_mode === 'none') return '';
  return custom || boot().defaultLogoUrl;
}
