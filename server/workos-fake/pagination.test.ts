import { describe, expect, it } from 'vitest';
import { isListQuery, paginate, parseListQuery, type ListQuery } from './pagination.ts';

const items = ['a_1', 'a_2', 'a_3', 'a_4', 'a_5'].map((id) => ({ id }));
const ids = (page: { data: Array<{ id: string }> }) => page.data.map((x) => x.id);
const q = (query: Partial<ListQuery>): ListQuery => ({ limit: 2, order: 'desc', ...query });

describe('paginate', () => {
  it('walks descending pages with after, and back with before', () => {
    const first = paginate(items, q({}));
    expect(ids(first)).toEqual(['a_5', 'a_4']);
    expect(first.list_metadata).toEqual({ before: null, after: 'a_4' });
    const second = paginate(items, q({ after: 'a_4' }));
    expect(ids(second)).toEqual(['a_3', 'a_2']);
    expect(second.list_metadata).toEqual({ before: 'a_3', after: 'a_2' });
    expect(ids(paginate(items, q({ after: 'a_2' })))).toEqual(['a_1']);
    expect(ids(paginate(items, q({ before: 'a_3' })))).toEqual(['a_5', 'a_4']);
  });

  it('orders ascending on request', () => {
    expect(ids(paginate(items, q({ order: 'asc', after: 'a_2' })))).toEqual(['a_3', 'a_4']);
  });
});

describe('parseListQuery', () => {
  const parse = (params: Record<string, string>) => parseListQuery((name) => params[name]);
  it('defaults to 10, descending', () => {
    expect(parse({})).toEqual({ limit: 10, order: 'desc' });
  });
  const refused: Array<Record<string, string>> = [
    { limit: '0' },
    { limit: '101' },
    { limit: 'ten' },
    { order: 'up' },
    { before: 'a', after: 'b' },
  ];
  it.each(refused)('refuses %o', (params) => {
    expect(isListQuery(parse(params))).toBe(false);
  });
});
