/**
 * WorkOS → Login Profiles: the list, or the editor of one profile. The view is kept in the
 * address (`&profile=<slug>`, `&profile=new`) so a reload stays on it.
 */
import { Notice } from '@wordpress/components';
import { createElement, Fragment, useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import type { LoginProfile } from '../../protocol/profile.ts';
import { deleteProfile, duplicateProfile, listProfiles, type ApiError } from './api.ts';
import { ProfileEditor } from './editor.tsx';
import { ProfileList } from './list.tsx';
import { RoutingRules } from './routing-rules.tsx';

type View = { kind: 'list' } | { kind: 'edit'; slug: string | null; session: number };
type Shown = { status: 'success' | 'error' | 'warning'; message: string } | null;

const NEW = 'new';

function viewFromUrl(): View {
  const slug = new URL(window.location.href).searchParams.get('profile');
  if (slug === null) return { kind: 'list' };
  return { kind: 'edit', slug: slug === NEW ? null : slug, session: 0 };
}

function writeUrl(view: View): void {
  const url = new URL(window.location.href);
  if (view.kind === 'list') url.searchParams.delete('profile');
  else url.searchParams.set('profile', view.slug ?? NEW);
  window.history.replaceState(null, '', url);
}

export function App() {
  const [profiles, setProfiles] = useState<LoginProfile[] | null>(null);
  const [view, setViewState] = useState<View>(viewFromUrl);
  const [notice, setNotice] = useState<Shown>(null);
  const [busy, setBusy] = useState(false);

  const setView = (next: View, scroll = true) => {
    writeUrl(next);
    setViewState(next);
    if (scroll) window.scrollTo?.(0, 0);
  };
  const openEditor = (slug: string | null) =>
    setView({ kind: 'edit', slug, session: view.kind === 'edit' ? view.session + 1 : 1 });

  const reload = () =>
    listProfiles().then(setProfiles, (error: ApiError) => {
      setProfiles([]);
      setNotice({ status: 'error', message: error.message });
    });
  useEffect(() => void reload(), []);

  /** Runs a list action, then reloads the list and says how it went. */
  const act = async (run: () => Promise<string>) => {
    setBusy(true);
    setNotice(null);
    try {
      const message = await run();
      await reload();
      setNotice({ status: 'success', message });
    } catch (caught) {
      setNotice({ status: 'error', message: (caught as ApiError).message });
    } finally {
      setBusy(false);
    }
  };

  if (view.kind === 'edit') {
    const initial = view.slug === null ? null : (profiles?.find((profile) => profile.slug === view.slug) ?? null);
    if (view.slug !== null && profiles === null) return <p>{__('Loading…', 'workos-login')}</p>;
    if (view.slug !== null && !initial) {
      return (
        <Notice status="error" isDismissible={false}>
          {sprintf(
            /* translators: %s: profile slug. */ __('There is no Login Profile “%s”.', 'workos-login'),
            view.slug,
          )}{' '}
          <a href="?page=workos-login">{__('All profiles', 'workos-login')}</a>
        </Notice>
      );
    }
    return (
      <ProfileEditor
        key={view.session}
        initial={initial}
        onBack={() => {
          setView({ kind: 'list' });
          void reload();
        }}
        onSaved={(saved, previousSlug) => {
          setProfiles((list) =>
            previousSlug === null
              ? [...(list ?? []), saved]
              : (list ?? []).map((profile) => (profile.slug === previousSlug ? saved : profile)),
          );
          // Same session: the editor stays mounted; a new or renamed profile is now found by its slug.
          setView({ kind: 'edit', slug: saved.slug, session: view.session }, false);
        }}
      />
    );
  }

  return (
    <Fragment>
      {notice ? (
        <Notice status={notice.status} onRemove={() => setNotice(null)} className="workos-profiles-notice">
          {notice.message}
        </Notice>
      ) : null}
      <ProfileList
        profiles={profiles}
        busy={busy}
        onAdd={() => openEditor(null)}
        onEdit={(slug) => openEditor(slug)}
        onDuplicate={(slug) =>
          void act(async () => {
            const copy = await duplicateProfile(slug);
            /* translators: %s: the new profile's title. */
            return sprintf(__('Duplicated as “%s”.', 'workos-login'), copy.title);
          })
        }
        onDelete={(slug) =>
          void act(async () => {
            await deleteProfile(slug);
            /* translators: %s: profile slug. */
            return sprintf(__('The profile “%s” was deleted.', 'workos-login'), slug);
          })
        }
      />
      {profiles?.length ? <RoutingRules profiles={profiles} /> : null}
    </Fragment>
  );
}
