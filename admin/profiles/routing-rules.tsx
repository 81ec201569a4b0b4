/**
 * Routing rules: which profile a wp-login.php visit gets, by its `redirect_to` or its referrer's
 * host; the first matching rule wins (`GET|PUT /workos/v1/admin/routing-rules`).
 */
import { Button, Card, CardBody, CardHeader, Notice, SelectControl, Spinner, TextControl } from '@wordpress/components';
import { createElement, Fragment, useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import { ADMIN_LIMITS } from '../../protocol/admin.ts';
import type { LoginProfile } from '../../protocol/profile.ts';
import { getRoutingRules, saveRoutingRules, type ApiError, type RoutingRule } from './api.ts';
import { move, type FieldErrors } from './draft.ts';
import { errorId, Field, focusField } from './fields/field.tsx';

type Load = { state: 'loading' } | { state: 'ready' } | { state: 'missing' } | { state: 'failed'; message: string };
type Shown = { status: 'success' | 'error'; message: string } | null;

const matchOptions = () => [
  { value: 'redirect_to', label: __('Destination (redirect_to) matches', 'workos-login') },
  { value: 'referrer_host', label: __('Coming from host', 'workos-login') },
];

const PATH = new RegExp(ADMIN_LIMITS.routingPathPattern);
const HOST = new RegExp(ADMIN_LIMITS.routingHostPattern);

/** The problem with a rule's pattern, in the user's words, or null (the server checks again). */
function patternProblem(rule: RoutingRule): string | null {
  const pattern = rule.pattern.trim();
  if (!pattern) return __('Enter a pattern.', 'workos-login');
  if (rule.match === 'redirect_to' && !PATH.test(pattern))
    return __('Use a path of this site starting with /, where * matches anything (like /shop/*).', 'workos-login');
  if (rule.match === 'referrer_host' && !HOST.test(pattern))
    return __('Use a host name like partner.example, or *.example.com for its subdomains.', 'workos-login');
  return null;
}

const invalid = (field: string, errors: FieldErrors) =>
  errors[field] ? { 'aria-invalid': true as const, 'aria-describedby': errorId(field) } : {};

export function RoutingRules({ profiles }: { profiles: LoginProfile[] }) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [rules, setRules] = useState<RoutingRule[]>([]);
  const [saved, setSaved] = useState<string>('[]');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<Shown>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    getRoutingRules().then(
      (body) => {
        const list = Array.isArray(body.rules) ? body.rules : [];
        setRules(list);
        setSaved(JSON.stringify(list));
        setLoad({ state: 'ready' });
      },
      (error: ApiError) =>
        setLoad(error.status === 404 ? { state: 'missing' } : { state: 'failed', message: error.message }),
    );
  }, []);

  const update = (index: number, patch: Partial<RoutingRule>, field: keyof RoutingRule) => {
    setRules((list) => list.map((rule, i) => (i === index ? { ...rule, ...patch } : rule)));
    setErrors((current) => {
      const { [`rules[${index}].${field}`]: _removed, ...rest } = current;
      return rest;
    });
  };
  const replace = (next: RoutingRule[]) => {
    setRules(next);
    setErrors({});
  };

  const fail = (fieldErrors: FieldErrors, message: string) => {
    setErrors(fieldErrors);
    setNotice({ status: 'error', message });
    const first = Object.keys(fieldErrors)[0];
    if (first) requestAnimationFrame(() => focusField(first));
  };

  const save = async () => {
    const problems = rules.flatMap((rule, i) => {
      const problem = patternProblem(rule);
      return problem ? [[`rules[${i}].pattern`, problem] as const] : [];
    });
    if (problems.length) {
      fail(
        Object.fromEntries(problems),
        __('The rules were not saved: correct the fields marked below.', 'workos-login'),
      );
      return;
    }
    setSaving(true);
    setNotice(null);
    try {
      const body = await saveRoutingRules(rules.map((rule) => ({ ...rule, pattern: rule.pattern.trim() })));
      const list = Array.isArray(body.rules) ? body.rules : rules;
      setRules(list);
      setSaved(JSON.stringify(list));
      setErrors({});
      setNotice({ status: 'success', message: __('Routing rules saved.', 'workos-login') });
    } catch (caught) {
      const error = caught as ApiError;
      if (error.field && /^rules\[\d+\]\.(match|pattern|profile)$/.test(error.field))
        fail(
          { [error.field]: error.message },
          __('The rules were not saved: correct the field marked below.', 'workos-login'),
        );
      else setNotice({ status: 'error', message: error.message });
    } finally {
      setSaving(false);
    }
  };

  const profileOptions = profiles.map(({ slug, title }) => ({ value: slug, label: title || slug }));
  const dirty = JSON.stringify(rules) !== saved;

  return (
    <Card className="workos-profiles-card workos-profiles-rules">
      <CardHeader>
        <h2>{__('Routing rules', 'workos-login')}</h2>
      </CardHeader>
      <CardBody>
        <p className="description">
          {__(
            'Send visitors of wp-login.php to another profile than the default: by where they are going (a redirect_to pattern such as /shop/*) or where they come from (a referrer host). The first matching rule wins.',
            'workos-login',
          )}
        </p>
        {load.state === 'loading' ? <Spinner /> : null}
        {load.state === 'missing' ? (
          <Notice status="info" isDismissible={false}>
            {__('Routing rules are not available on this site yet.', 'workos-login')}
          </Notice>
        ) : null}
        {load.state === 'failed' ? (
          <Notice status="error" isDismissible={false}>
            {load.message}
          </Notice>
        ) : null}
        {notice ? (
          <Notice status={notice.status} onRemove={() => setNotice(null)}>
            {notice.message}
          </Notice>
        ) : null}
        {load.state === 'ready' ? (
          <Fragment>
            {rules.length === 0 ? (
              <p>{__('No rules: wp-login.php always shows the default profile.', 'workos-login')}</p>
            ) : null}
            <ol className="workos-profiles-rule-list">
              {rules.map((rule, index) => {
                /* translators: %d: the rule's position, from 1. */
                const name = sprintf(__('Rule %d', 'workos-login'), index + 1);
                return (
                  <li key={index} className="workos-profiles-rule" aria-label={name}>
                    <Field field={`rules[${index}].match`} errors={errors}>
                      <SelectControl
                        __nextHasNoMarginBottom
                        label={__('When', 'workos-login')}
                        value={rule.match}
                        options={matchOptions()}
                        onChange={(match: string) => update(index, { match: match as RoutingRule['match'] }, 'match')}
                        {...invalid(`rules[${index}].match`, errors)}
                      />
                    </Field>
                    <Field field={`rules[${index}].pattern`} errors={errors}>
                      <TextControl
                        __nextHasNoMarginBottom
                        label={__('Pattern', 'workos-login')}
                        placeholder={rule.match === 'redirect_to' ? '/shop/*' : 'partner.example'}
                        value={rule.pattern}
                        onChange={(pattern: string) => update(index, { pattern }, 'pattern')}
                        {...invalid(`rules[${index}].pattern`, errors)}
                      />
                    </Field>
                    <Field field={`rules[${index}].profile`} errors={errors}>
                      <SelectControl
                        __nextHasNoMarginBottom
                        label={__('Use profile', 'workos-login')}
                        value={rule.profile}
                        options={
                          profileOptions.some((option) => option.value === rule.profile)
                            ? profileOptions
                            : [...profileOptions, { value: rule.profile, label: rule.profile }]
                        }
                        onChange={(profile: string) => update(index, { profile }, 'profile')}
                        {...invalid(`rules[${index}].profile`, errors)}
                      />
                    </Field>
                    <div className="workos-profiles-rule-actions">
                      <Button size="small" variant="tertiary" onClick={() => replace(move(rules, index, -1))}>
                        {__('Move up', 'workos-login')}
                        <span className="screen-reader-text"> ({name})</span>
                      </Button>
                      <Button size="small" variant="tertiary" onClick={() => replace(move(rules, index, 1))}>
                        {__('Move down', 'workos-login')}
                        <span className="screen-reader-text"> ({name})</span>
                      </Button>
                      <Button
                        size="small"
                        variant="tertiary"
                        isDestructive
                        onClick={() => replace(rules.filter((_, i) => i !== index))}
                      >
                        {__('Remove', 'workos-login')}
                        <span className="screen-reader-text"> ({name})</span>
                      </Button>
                    </div>
                  </li>
                );
              })}
            </ol>
            <div className="workos-profiles-toolbar">
              <Button
                variant="secondary"
                onClick={() =>
                  replace([...rules, { match: 'redirect_to', pattern: '', profile: profiles[0]?.slug ?? 'default' }])
                }
              >
                {__('Add rule', 'workos-login')}
              </Button>
              <Button variant="primary" onClick={() => void save()} isBusy={saving} aria-disabled={saving}>
                {__('Save rules', 'workos-login')}
              </Button>
              {dirty ? <span className="workos-profiles-dirty">{__('Unsaved changes', 'workos-login')}</span> : null}
            </div>
          </Fragment>
        ) : null}
      </CardBody>
    </Card>
  );
}
