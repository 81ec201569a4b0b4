/**
 * The profile being edited: a full `LoginProfile`, checked here before it is sent (the server
 * checks again and is the authority: reserved and taken custom paths, images, redirects).
 * Pure functions, no WordPress: unit-tested in draft.test.ts.
 */
import { LIMITS } from '../../protocol/messages.ts';
import { PROFILE_DEFAULTS, PROFILE_LIMITS, type LoginProfile } from '../../protocol/profile.ts';

export type FieldErrors = Record<string, string>;

export const ORGANIZATION_PATTERN = new RegExp(PROFILE_LIMITS.organizationPattern);
const SLUG_PATTERN = new RegExp(LIMITS.profileSlugPattern);
const COLOR_PATTERN = new RegExp(PROFILE_LIMITS.colorPattern);

/**
 * The fields in the order the form shows them: after a failed save, focus goes to the first
 * invalid one. A server error on a field not listed here shows in the notice instead.
 */
export const FIELD_ORDER = [
  'title',
  'slug',
  'mode',
  'methods',
  'passkey_prompt',
  'organization_id',
  'signup.enabled',
  'signup.require_invitation',
  'invitations',
  'password_reset',
  'auto_sign_in_after_reset',
  'mfa.enforce',
  'mfa.factors',
  'branding.heading',
  'branding.subheading',
  'branding.primary_color',
  'branding.logo_mode',
  'branding.logo_attachment_id',
  'custom_path',
  'post_login_redirect',
  'forward_query_args',
  'remember_me',
] as const;

export type FieldPath = (typeof FIELD_ORDER)[number];

export function newProfile(): LoginProfile {
  return { slug: '', title: '', ...structuredClone(PROFILE_DEFAULTS) };
}

/** The DOM id of a field's control (`branding.primary_color` → `workos-profile-branding-primary_color`). */
export function fieldId(path: string): string {
  return `workos-profile-${path.replace(/[^a-z0-9_]+/gi, '-')}`;
}

/** A server error's field as one the form shows: `methods[0]` → `methods`. */
export function formField(path: string | undefined): FieldPath | null {
  const base = (path ?? '').replace(/\[\d+\]$/, '');
  return (FIELD_ORDER as readonly string[]).includes(base) ? (base as FieldPath) : null;
}

/** The first invalid field in form order. */
export function firstInvalid(errors: FieldErrors): FieldPath | null {
  return FIELD_ORDER.find((field) => errors[field]) ?? null;
}

/** The form of a custom path WordPress stores (includes/profiles/custom-path.php). */
export function normalizeCustomPath(path: string): string {
  return path.trim().toLowerCase().split('/').filter(Boolean).join('/');
}

/** A title's slug suggestion: lowercase letters, digits and hyphens. */
export function slugFromTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}

/** Adds or removes one value of a list, keeping the order of the others (and appending new ones). */
export function toggle<T>(list: readonly T[], value: T, on: boolean): T[] {
  const without = list.filter((item) => item !== value);
  return on ? [...without, value] : without;
}

/** Moves the item at `index` by `by` places (used for the order of methods and routing rules). */
export function move<T>(list: readonly T[], index: number, by: number): T[] {
  const target = index + by;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const copy = [...list];
  const [item] = copy.splice(index, 1);
  copy.splice(target, 0, item);
  return copy;
}

/** Client-side checks, in the words the user sees; keys are field paths. */
export function validateDraft(profile: LoginProfile, messages: Record<ValidationProblem, string>): FieldErrors {
  const errors: FieldErrors = {};
  if (!profile.title.trim()) errors.title = messages.required;
  if (!SLUG_PATTERN.test(profile.slug)) errors.slug = messages.slug;
  if (profile.methods.length === 0) errors.methods = messages.methods;
  if (profile.organization_id !== null && !ORGANIZATION_PATTERN.test(profile.organization_id))
    errors.organization_id = messages.organization;
  if (!COLOR_PATTERN.test(profile.branding.primary_color)) errors['branding.primary_color'] = messages.color;
  if (profile.branding.logo_mode === 'custom' && profile.branding.logo_attachment_id <= 0)
    errors['branding.logo_attachment_id'] = messages.logo;
  return errors;
}

export type ValidationProblem = 'required' | 'slug' | 'methods' | 'organization' | 'color' | 'logo';

/** Whether the draft differs from what was loaded (or from a new profile). */
export function isDirty(saved: LoginProfile, draft: LoginProfile): boolean {
  return JSON.stringify(saved) !== JSON.stringify(draft);
}

/** `#abc` → `#aabbcc`, lowercase; anything else is returned as typed. */
export function normalizeColor(value: string): string {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(value.trim());
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toLowerCase();
  return /^#[0-9a-f]{6}$/i.test(value.trim()) ? value.trim().toLowerCase() : value;
}
