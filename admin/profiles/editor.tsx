/**
 * Editing one profile (or a new one): the form, the live preview and the embed panel. Saving
 * checks the draft first, then the server; either way the errors appear next to their fields and
 * focus moves to the first invalid one.
 */
import { Button, Card, CardBody, CardHeader, Notice, Spinner } from '@wordpress/components';
import { createElement, useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import type { ReactNode } from 'react';
import type { LoginProfile } from '../../protocol/profile.ts';
import { createProfile, updateProfile, type ApiError } from './api.ts';
import { Confirm } from './confirm.tsx';
import { firstInvalid, formField, isDirty, newProfile, validateDraft, type FieldErrors } from './draft.ts';
import { EmbedPanel } from './embed-panel.tsx';
import { AccessSection } from './fields/access.tsx';
import { AddressesSection } from './fields/addresses.tsx';
import { BasicsSection } from './fields/basics.tsx';
import { BrandingSection } from './fields/branding.tsx';
import { focusField, type SectionProps } from './fields/field.tsx';
import { MethodsSection } from './fields/methods.tsx';
import { OrganizationSection } from './fields/organization.tsx';
import { PasskeyPromptField } from './fields/passkey-prompt.tsx';
import { validationMessages } from './labels.ts';
import { Preview } from './preview.tsx';

export interface EditorProps {
  /** The stored profile, or null for a new one. */
  initial: LoginProfile | null;
  onSaved: (profile: LoginProfile, previousSlug: string | null) => void;
  onBack: () => void;
}

const FORM_ID = 'workos-profiles-form';

type Shown = { status: 'success' | 'error'; message: string } | null;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card className="workos-profiles-card">
      <CardHeader>
        <h2>{title}</h2>
      </CardHeader>
      <CardBody>{children}</CardBody>
    </Card>
  );
}

/** Asks before the page is left with unsaved changes. */
function useLeaveGuard(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
}

export function ProfileEditor({ initial, onSaved, onBack }: EditorProps) {
  const [saved, setSaved] = useState<LoginProfile | null>(initial);
  const [draft, setDraft] = useState<LoginProfile>(() => structuredClone(initial ?? newProfile()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<Shown>(null);
  const [saving, setSaving] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const [focusRequest, setFocusRequest] = useState<{ field: string } | null>(null);
  const dirty = isDirty(saved ?? newProfile(), draft);
  useLeaveGuard(dirty);

  // After a failed save, once the errors are on screen.
  useEffect(() => {
    if (focusRequest) focusField(focusRequest.field);
  }, [focusRequest]);

  const change: SectionProps['change'] = (update, ...fields) => {
    setDraft(update);
    if (fields.some((field) => errors[field])) {
      setErrors((current) => Object.fromEntries(Object.entries(current).filter(([key]) => !fields.includes(key))));
    }
  };

  const fail = (fieldErrors: FieldErrors, message: string) => {
    setErrors(fieldErrors);
    setNotice({ status: 'error', message });
    const field = firstInvalid(fieldErrors);
    if (field) setFocusRequest({ field });
  };

  const save = async () => {
    if (saving) return;
    const clientErrors = validateDraft(draft, validationMessages());
    if (Object.keys(clientErrors).length) {
      fail(clientErrors, __('The profile was not saved: correct the fields marked below.', 'workos-login'));
      return;
    }
    setSaving(true);
    setNotice(null);
    try {
      const stored = saved ? await updateProfile(saved.slug, draft) : await createProfile(draft);
      const previousSlug = saved?.slug ?? null;
      setSaved(stored);
      setDraft(structuredClone(stored));
      setErrors({});
      setNotice({ status: 'success', message: __('Profile saved.', 'workos-login') });
      onSaved(stored, previousSlug);
    } catch (caught) {
      const error = caught as ApiError;
      const field = formField(error.field);
      if (field)
        fail(
          { [field]: error.message },
          __('The profile was not saved: correct the field marked below.', 'workos-login'),
        );
      else setNotice({ status: 'error', message: error.message });
    } finally {
      setSaving(false);
    }
  };

  const heading = saved
    ? sprintf(/* translators: %s: profile title. */ __('Edit “%s”', 'workos-login'), saved.title || saved.slug)
    : __('Add Login Profile', 'workos-login');
  const saveLabel = saved ? __('Save profile', 'workos-login') : __('Create profile', 'workos-login');
  const sectionProps: SectionProps = { draft, change, errors };

  return (
    <div className="workos-profiles-editor">
      <div className="workos-profiles-editor-header">
        <Button variant="link" onClick={() => (dirty ? setLeaving(true) : onBack())}>
          {__('← All profiles', 'workos-login')}
        </Button>
        <h2 className="workos-profiles-title">{heading}</h2>
        {dirty ? <span className="workos-profiles-dirty">{__('Unsaved changes', 'workos-login')}</span> : null}
        <Button variant="primary" type="submit" form={FORM_ID} isBusy={saving} aria-disabled={saving}>
          {saveLabel}
        </Button>
      </div>
      {notice ? (
        <Notice status={notice.status} onRemove={() => setNotice(null)} className="workos-profiles-notice">
          {notice.message}
        </Notice>
      ) : null}
      <div className="workos-profiles-columns">
        <form
          id={FORM_ID}
          className="workos-profiles-form"
          noValidate
          aria-label={heading}
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <Section title={__('Profile', 'workos-login')}>
            <BasicsSection {...sectionProps} storedSlug={saved?.slug ?? null} />
          </Section>
          <Section title={__('Sign-in methods', 'workos-login')}>
            <MethodsSection {...sectionProps} />
            <PasskeyPromptField {...sectionProps} />
          </Section>
          <Section title={__('Organization', 'workos-login')}>
            <OrganizationSection {...sectionProps} />
          </Section>
          <Section title={__('Access', 'workos-login')}>
            <AccessSection {...sectionProps} />
          </Section>
          <Section title={__('Branding', 'workos-login')}>
            <BrandingSection {...sectionProps} />
          </Section>
          <Section title={__('Addresses and redirects', 'workos-login')}>
            <AddressesSection {...sectionProps} />
          </Section>
          <div className="workos-profiles-save">
            <Button variant="primary" type="submit" isBusy={saving} aria-disabled={saving}>
              {saveLabel}
            </Button>
            {saving ? <Spinner /> : null}
          </div>
        </form>
        <aside className="workos-profiles-side" aria-label={__('Preview and embedding', 'workos-login')}>
          <Section title={__('Preview', 'workos-login')}>
            <Preview draft={draft} />
          </Section>
          <Section title={__('Embed', 'workos-login')}>
            <EmbedPanel saved={saved} />
          </Section>
        </aside>
      </div>
      {leaving ? (
        <Confirm
          title={__('Leave without saving?', 'workos-login')}
          confirmLabel={__('Discard changes', 'workos-login')}
          destructive
          onCancel={() => setLeaving(false)}
          onConfirm={onBack}
        >
          <p>{__('Your changes to this profile have not been saved.', 'workos-login')}</p>
        </Confirm>
      ) : null}
    </div>
  );
}
