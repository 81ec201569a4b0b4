/** PHP source in WordPress's style: values, strings and patterns (scripts/generate-php.ts). */
export type Php = string | number | boolean | null | readonly Php[] | { readonly [key: string]: Php };

/**
 * A pattern for PHP: its final `$` becomes `\z`. PCRE's `$` also matches before a final newline
 * (JavaScript's does not), and WordPress's `rest_validate_value_from_schema()` wraps patterns in
 * `#…#u` without the `D` modifier, so `"123456\n"` would pass `^[0-9]{6}$` there.
 */
export function phpPattern(pattern: string): string {
  return /(?<!\\)\$$/.test(pattern) ? `${pattern.slice(0, -1)}\\z` : pattern;
}

/** A value with every pattern in it (keys `pattern` and `*_PATTERN`) made PHP's. */
export function patterns(value: Php, key = ''): Php {
  if (typeof value === 'string') return key === 'pattern' || key.endsWith('_PATTERN') ? phpPattern(value) : value;
  if (Array.isArray(value)) return (value as readonly Php[]).map((item) => patterns(item));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, item]) => [k, patterns(item, k)]));
  return value;
}

export function phpString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function phpValue(value: Php, indent: string): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return phpString(value);
  const inner = `${indent}\t`;
  if (Array.isArray(value)) {
    const items = (value as readonly Php[]).map((item) => phpValue(item, inner));
    if (items.length === 0) return 'array()';
    const line = `array( ${items.join(', ')} )`;
    if (!line.includes('\n') && line.length + indent.length * 4 <= 100) return line;
    return `array(\n${items.map((item) => `${inner}${item},`).join('\n')}\n${indent})`;
  }
  const entries = Object.entries(value as Record<string, Php>);
  if (entries.length === 0) return 'array()';
  const width = Math.max(...entries.map(([key]) => phpString(key).length));
  const lines = entries.map(([key, item]) => `${inner}${phpString(key).padEnd(width)} => ${phpValue(item, inner)},`);
  return `array(\n${lines.join('\n')}\n${indent})`;
}
