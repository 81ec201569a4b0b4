/** The table of Login Profiles with Edit, Duplicate and Delete (never for `default`). */
import { Button, Spinner } from '@wordpress/components';
import { createElement, Fragment, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import type { LoginProfile } from '../../protocol/profile.ts';
import { customPathUrl, profileUrl } from './boot.ts';
import { Confirm } from './confirm.tsx';
import { methodLabel } from './labels.ts';

export interface ListProps {
  profiles: LoginProfile[] | null;
  busy: boolean;
  onAdd: () => void;
  onEdit: (slug: string) => void;
  onDuplicate: (slug: string) => void;
  onDelete: (slug: string) => void;
}

export function ProfileList({ profiles, busy, onAdd, onEdit, onDuplicate, onDelete }: ListProps) {
  const [deleting, setDeleting] = useState<LoginProfile | null>(null);

  return (
    <Fragment>
      <div className="workos-profiles-toolbar">
        <Button variant="primary" onClick={onAdd}>
          {__('Add profile', 'workos-login')}
        </Button>
        {busy ? <Spinner /> : null}
      </div>
      {profiles === null ? (
        <Spinner />
      ) : (
        <table className="wp-list-table widefat fixed striped workos-profiles-table">
          <caption className="screen-reader-text">{__('Login Profiles', 'workos-login')}</caption>
          <thead>
            <tr>
              <th scope="col">{__('Title', 'workos-login')}</th>
              <th scope="col">{__('Slug', 'workos-login')}</th>
              <th scope="col">{__('Methods', 'workos-login')}</th>
              <th scope="col">{__('Custom path', 'workos-login')}</th>
              <th scope="col">{__('Sign-in page', 'workos-login')}</th>
              <th scope="col">{__('Actions', 'workos-login')}</th>
            </tr>
          </thead>
          <tbody>
            {profiles.map((profile) => (
              <tr key={profile.slug} data-slug={profile.slug}>
                <td>
                  <strong>{profile.title || profile.slug}</strong>
                </td>
                <td>
                  <code>{profile.slug}</code>
                </td>
                <td>{profile.methods.map(methodLabel).join(', ')}</td>
                <td>
                  {profile.custom_path ? <a href={customPathUrl(profile.custom_path)}>/{profile.custom_path}</a> : '—'}
                </td>
                <td>
                  <a href={profileUrl(profile.slug)}>{profileUrl(profile.slug)}</a>
                </td>
                <td className="workos-profiles-actions">
                  <Button
                    variant="secondary"
                    size="compact"
                    onClick={() => onEdit(profile.slug)}
                    aria-label={sprintf(
                      /* translators: %s: profile title. */ __('Edit “%s”', 'workos-login'),
                      profile.title,
                    )}
                  >
                    {__('Edit', 'workos-login')}
                  </Button>
                  <Button
                    variant="tertiary"
                    size="compact"
                    disabled={busy}
                    onClick={() => onDuplicate(profile.slug)}
                    aria-label={sprintf(
                      /* translators: %s: profile title. */ __('Duplicate “%s”', 'workos-login'),
                      profile.title,
                    )}
                  >
                    {__('Duplicate', 'workos-login')}
                  </Button>
                  {profile.slug !== 'default' ? (
                    <Button
                      variant="tertiary"
                      size="compact"
                      isDestructive
                      disabled={busy}
                      onClick={() => setDeleting(profile)}
                      aria-label={sprintf(
                        /* translators: %s: profile title. */ __('Delete “%s”', 'workos-login'),
                        profile.title,
                      )}
                    >
                      {__('Delete', 'workos-login')}
                    </Button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {deleting ? (
        <Confirm
          title={__('Delete this Login Profile?', 'workos-login')}
          confirmLabel={__('Delete', 'workos-login')}
          destructive
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            onDelete(deleting.slug);
            setDeleting(null);
          }}
        >
          <p>
            {sprintf(
              /* translators: %s: profile title. */
              __(
                '“%s” will be deleted. Its sign-in page and custom path stop working, and shortcodes and blocks that name it show nothing.',
                'workos-login',
              ),
              deleting.title || deleting.slug,
            )}
          </p>
        </Confirm>
      ) : null}
    </Fragment>
  );
}
