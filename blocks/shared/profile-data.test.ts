import { describe, expect, it } from 'vitest';
import {
  blockColorStyle,
  brandingStyle,
  colorValue,
  parseBranding,
  parseProfileList,
  readableTextOn,
} from './profile-data.ts';

describe('parseProfileList', () => {
  it('reads a bare list or a wrapped one, default first, skipping junk and duplicates', () => {
    const list = [
      { slug: 'members', title: 'Members' },
      { slug: 'default', title: 'Default' },
      { slug: 'Bad Slug', title: 'x' },
      { title: 'no slug' },
      'nonsense',
      { slug: 'members', title: 'Again' },
      { slug: 'staff', title: '  ' },
    ];
    const expected = [
      { slug: 'default', title: 'Default' },
      { slug: 'members', title: 'Members' },
      { slug: 'staff', title: 'staff' },
    ];
    expect(parseProfileList(list)).toEqual(expected);
    expect(parseProfileList({ profiles: list })).toEqual(expected);
  });

  it('answers null for anything that is not a list', () => {
    expect(parseProfileList({ code: 'rest_no_route' })).toBeNull();
    expect(parseProfileList(null)).toBeNull();
    expect(parseProfileList('[]')).toBeNull();
  });
});

describe('parseBranding', () => {
  it('keeps text as is and drops colours and logo URLs it cannot trust', () => {
    const body = {
      slug: 'members',
      branding: {
        heading: 'Tom’s "club" <b>',
        subheading: '',
        primary_color: '#0B6E4F',
        logo_url: 'https://x.test/a.png',
      },
    };
    expect(parseBranding(body)).toEqual({
      heading: 'Tom’s "club" <b>',
      subheading: '',
      primary_color: '#0b6e4f',
      logo_url: 'https://x.test/a.png',
    });
    const hostile = { branding: { heading: 1, primary_color: 'red;x', logo_url: 'javascript:alert(1)' } };
    expect(parseBranding(hostile)).toEqual({ heading: '', subheading: '', primary_color: '', logo_url: '' });
    expect(parseBranding({ code: 'not_found' })).toBeNull();
  });
});

describe('colours', () => {
  it('picks black or white text for contrast, like the PHP renderer', () => {
    expect(readableTextOn('#0b6e4f')).toBe('#ffffff');
    expect(readableTextOn('#ffd60a')).toBe('#000000');
    expect(brandingStyle('#0B6E4F')).toEqual({
      '--workos-login-primary': '#0b6e4f',
      '--workos-login-primary-text': '#ffffff',
    });
    expect(brandingStyle('')).toEqual({});
    expect(brandingStyle('red')).toEqual({});
  });

  it('maps palette slugs to preset variables and passes only plain custom colours', () => {
    expect(colorValue('vivid-red')).toBe('var(--wp--preset--color--vivid-red)');
    expect(colorValue(undefined, 'var:preset|color|contrast')).toBe('var(--wp--preset--color--contrast)');
    expect(colorValue(undefined, '#fdf6e3')).toBe('#fdf6e3');
    expect(colorValue(undefined, 'rgb(1, 2, 3)')).toBe('rgb(1, 2, 3)');
    expect(colorValue(undefined, 'red; background:url(x)')).toBeUndefined();
    expect(colorValue('Bad Slug', undefined)).toBeUndefined();
  });

  it('turns block colours into the element’s custom properties', () => {
    expect(blockColorStyle({ textColor: 'vivid-red', style: { color: { background: '#fdf6e3' } } })).toEqual({
      '--workos-login-background': '#fdf6e3',
      '--workos-login-text': 'var(--wp--preset--color--vivid-red)',
    });
    expect(blockColorStyle({})).toEqual({});
  });
});
