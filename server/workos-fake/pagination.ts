import { invalidParameters, type MessageError } from './errors.ts';

export interface ListQuery {
  limit: number;
  before?: string;
  after?: string;
  order: 'asc' | 'desc' | 'normal';
}

export interface ListPage<T> {
  object: 'list';
  data: T[];
  list_metadata: { before: string | null; after: string | null };
}

/** Reads `limit`, `before`, `after`, `order` as every WorkOS list endpoint takes them. */
export function parseListQuery(query: (name: string) => string | undefined): ListQuery | MessageError {
  const rawLimit = query('limit');
  const limit = rawLimit === undefined ? 10 : Number(rawLimit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    return invalidParameters('limit must be an integer between 1 and 100.');
  }
  const order = query('order') ?? 'desc';
  if (order !== 'asc' && order !== 'desc' && order !== 'normal') {
    return invalidParameters('order must be one of normal, desc, asc.');
  }
  const before = query('before');
  const after = query('after');
  if (before !== undefined && after !== undefined) return invalidParameters('Use either before or after, not both.');
  return { limit, order, ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) };
}

export function isListQuery(value: ListQuery | MessageError): value is ListQuery {
  return 'limit' in value;
}

/**
 * Cursor pagination over ULID ids: ids sort by creation time, so a cursor
 * works even when its object is gone. `normal` is descending with
 * `before` meaning older and `after` newer (the spec's words).
 */
export function paginate<T extends { id: string }>(items: readonly T[], query: ListQuery): ListPage<T> {
  const ascending = query.order === 'asc';
  const sorted = [...items].sort((a, b) => (ascending ? a.id.localeCompare(b.id) : b.id.localeCompare(a.id)));
  let after = query.after;
  let before = query.before;
  if (query.order === 'normal') [after, before] = [before, after];
  const comesAfter = (id: string, cursor: string) => (ascending ? id > cursor : id < cursor);

  let start = 0;
  let end: number;
  if (after !== undefined) start = sorted.findIndex((item) => comesAfter(item.id, after));
  if (start < 0) start = sorted.length;
  if (before !== undefined) {
    end = sorted.findIndex((item) => !comesAfter(before, item.id));
    if (end < 0) end = sorted.length;
    start = Math.max(0, end - query.limit);
  } else {
    end = Math.min(sorted.length, start + query.limit);
  }
  const data = sorted.slice(start, end);
  const first = data[0]?.id ?? null;
  const last = data.at(-1)?.id ?? null;
  return {
    object: 'list',
    data,
    list_metadata: {
      before: start > 0 ? first : null,
      after: end < sorted.length ? last : null,
    },
  };
}
