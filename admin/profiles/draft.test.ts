import { describe, expect, it } from 'vitest';
import {
  fieldId,
  firstInvalid,
  formField,
  isDirty,
  move,
  newProfile,
  normalizeColor,
  normalizeCustomPath,
  slugFromTitle,
  toggle,
  validateDraft,
  type ValidationProblem,
} from './draft.ts';

const MESSAGES: Record<ValidationProblem, string> = {
  required: 'required',
  slug: 'slug',
  methods: 'methods',
  organization: 'organization',
  color: 'color',
  logo: 'logo',
};

describe('validateDraft', () => {
  it('accepts a complete profile', () => {
    expect(validateDraft({ ...newProfile(), slug: 'members', title: 'Members' }, MESSAGES)).toEqual({});
  });

  it('names every invalid field by its path', () => {
    const profile = newProfile();
    profile.slug = 'Bad Slug';
    profile.title = '  ';
    profile.methods = [];
    profile.organization_id = 'org_bad-id';
    profile.branding = { ...profile.branding, primary_color: 'red', logo_mode: 'custom', logo_attachment_id: 0 };
    expect(validateDraft(profile, MESSAGES)).toEqual({
      title: 'required',
      slug: 'slug',
      methods: 'methods',
      organization_id: 'organization',
      'branding.primary_color': 'color',
      'branding.logo_attachment_id': 'logo',
    });
  });

  it('takes organization IDs of the login server’s pattern only', () => {
    const profile = { ...newProfile(), slug: 'a', title: 'A' };
    expect(validateDraft({ ...profile, organization_id: 'org_01HXYZ' }, MESSAGES)).toEqual({});
    expect(validateDraft({ ...profile, organization_id: 'org_' }, MESSAGES)).toHaveProperty('organization_id');
    expect(validateDraft({ ...profile, organization_id: `org_${'a'.repeat(65)}` }, MESSAGES)).toHaveProperty(
      'organization_id',
    );
  });
});

describe('fields', () => {
  it('maps server fields to form fields, in form order', () => {
    expect(formField('branding.primary_color')).toBe('branding.primary_color');
    expect(formField('methods[1]')).toBe('methods');
    expect(formField('branding.colour')).toBeNull();
    expect(formField(undefined)).toBeNull();
    expect(firstInvalid({ custom_path: 'x', slug: 'y' })).toBe('slug');
    expect(fieldId('branding.primary_color')).toBe('workos-profile-branding-primary_color');
  });
});

describe('helpers', () => {
  it('normalizes custom paths like WordPress', () => {
    expect(normalizeCustomPath(' /Team//Login/ ')).toBe('team/login');
    expect(normalizeCustomPath('')).toBe('');
  });

  it('suggests slugs from titles', () => {
    expect(slugFromTitle('Crème Brûlée Club!')).toBe('creme-brulee-club');
    expect(slugFromTitle('日本')).toBe('');
  });

  it('toggles and moves list items keeping order', () => {
    expect(toggle(['password', 'sso'], 'magic_code', true)).toEqual(['password', 'sso', 'magic_code']);
    expect(toggle(['password', 'sso'], 'password', false)).toEqual(['sso']);
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });

  it('normalizes colors once typed', () => {
    expect(normalizeColor('#ABC')).toBe('#aabbcc');
    expect(normalizeColor('#0B6E4F')).toBe('#0b6e4f');
    expect(normalizeColor('#0b6e')).toBe('#0b6e');
  });

  it('sees unsaved changes', () => {
    const saved = { ...newProfile(), slug: 'a', title: 'A' };
    expect(isDirty(saved, structuredClone(saved))).toBe(false);
    expect(isDirty(saved, { ...saved, branding: { ...saved.branding, heading: 'Hi' } })).toBe(true);
  });
});
