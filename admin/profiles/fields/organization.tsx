/**
 * The pinned organization: picked from the organizations the login server lists
 * (`GET /workos/v1/admin/organizations`, with Refresh), "None", or a custom ID typed by hand —
 * the fallback when the list cannot load (404: this WordPress has no such route yet; 503: the
 * login server is down) or does not hold the organization.
 */
import { Button, Notice, SelectControl, Spinner, TextControl } from '@wordpress/components';
import { createElement, useCallback, useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import { listOrganizations, type ApiError, type Organization } from '../api.ts';
import { fieldId, ORGANIZATION_PATTERN } from '../draft.ts';
import { validationMessages } from '../labels.ts';
import { Field, invalidProps, type SectionProps } from './field.tsx';

const CUSTOM = '__custom';

type Load =
  | { state: 'loading' }
  | { state: 'ready'; organizations: Organization[]; fetchedAt: string | number | null }
  | { state: 'failed'; error: ApiError };

function fetchedAtText(value: string | number | null): string {
  if (value === null) return '';
  const date = new Date(typeof value === 'number' && value < 1e12 ? value * 1000 : value);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString();
}

export function OrganizationSection({ draft, change, errors: formErrors }: SectionProps) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [customChosen, setCustomChosen] = useState(false);
  const [blurred, setBlurred] = useState(false);
  const value = draft.organization_id;
  // A typed ID is checked as soon as the field is left, not only on save.
  const typedError =
    blurred && value !== null && !ORGANIZATION_PATTERN.test(value) ? validationMessages().organization : undefined;
  const errors =
    typedError && !formErrors.organization_id ? { ...formErrors, organization_id: typedError } : formErrors;

  const fetchList = useCallback((refresh: boolean) => {
    setLoad({ state: 'loading' });
    listOrganizations(refresh).then(
      ({ organizations, fetchedAt }) => setLoad({ state: 'ready', organizations, fetchedAt }),
      (error: ApiError) => setLoad({ state: 'failed', error }),
    );
  }, []);
  useEffect(() => fetchList(false), [fetchList]);

  const organizations = load.state === 'ready' ? load.organizations : [];
  const inList = value !== null && organizations.some((organization) => organization.id === value);
  // While loading, a pinned ID stays selected (as itself); once known, an ID not listed is custom.
  const custom = customChosen || load.state === 'failed' || (value !== null && load.state === 'ready' && !inList);
  const setOrganization = (organization_id: string | null) =>
    change((d) => ({ ...d, organization_id }), 'organization_id');

  const options = [
    { value: '', label: __('None: any organization', 'workos-login') },
    ...organizations.map(({ id, name }) => ({ value: id, label: `${name} (${id})` })),
    ...(load.state === 'loading' && value !== null ? [{ value, label: value }] : []),
    { value: CUSTOM, label: __('Custom ID…', 'workos-login') },
  ];

  return (
    <Field field="organization_id" errors={errors}>
      {load.state === 'failed' ? (
        <Notice status="warning" isDismissible={false}>
          {load.error.status === 404
            ? __(
                'The organization list is not available on this site. Enter the organization’s ID from the WorkOS dashboard.',
                'workos-login',
              )
            : sprintf(
                /* translators: %s: the error message. */
                __('The organizations could not be loaded (%s). Enter the organization’s ID instead.', 'workos-login'),
                load.error.message,
              )}
        </Notice>
      ) : null}
      <div className="workos-profiles-inline">
        <SelectControl
          __nextHasNoMarginBottom
          id={custom ? undefined : fieldId('organization_id')}
          label={__('Organization', 'workos-login')}
          help={__('Pin the form to one WorkOS organization: only its members can sign in.', 'workos-login')}
          value={custom ? CUSTOM : (value ?? '')}
          options={options}
          disabled={load.state === 'loading'}
          onChange={(picked: string) => {
            setCustomChosen(picked === CUSTOM);
            if (picked !== CUSTOM) setOrganization(picked || null);
          }}
          {...(custom ? {} : invalidProps('organization_id', errors))}
        />
        <Button variant="secondary" onClick={() => fetchList(true)} disabled={load.state === 'loading'}>
          {__('Refresh', 'workos-login')}
        </Button>
        {load.state === 'loading' ? <Spinner /> : null}
      </div>
      {load.state === 'ready' && fetchedAtText(load.fetchedAt) ? (
        <p className="description">
          {sprintf(
            /* translators: %s: date and time. */ __('List fetched %s.', 'workos-login'),
            fetchedAtText(load.fetchedAt),
          )}
        </p>
      ) : null}
      {custom ? (
        <TextControl
          __nextHasNoMarginBottom
          id={fieldId('organization_id')}
          label={__('Organization ID', 'workos-login')}
          help={__('Like org_01H… (WorkOS dashboard → Organizations). Leave empty for none.', 'workos-login')}
          value={value ?? ''}
          spellCheck={false}
          autoCapitalize="none"
          onChange={(typed: string) => setOrganization(typed.trim() || null)}
          onBlur={() => setBlurred(true)}
          {...invalidProps('organization_id', errors)}
        />
      ) : null}
    </Field>
  );
}
