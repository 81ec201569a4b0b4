/**
 * The gettext calls of PHP source, found with a small PHP lexer written here (PHP's tokenizer is not
 * in every lane): strings (single- and double-quoted, heredoc, nowdoc), comments, names and
 * punctuation; inline HTML outside `<?php … ?>` is skipped. A call's text, context and domain are
 * taken when they are literals or literals joined with `.`; anything else is reported as dynamic.
 */
import { type Message, TRANSLATORS, hasPlaceholders, translatorsText } from './messages.ts';

interface Token {
  kind: 'string' | 'dynamic-string' | 'name' | 'comment' | 'punct' | 'variable';
  text: string;
  /** The decoded value of a literal string. */
  value?: string;
  line: number;
  start: number;
  end: number;
}

/** The argument order of each WordPress gettext function. */
export const PHP_FUNCTIONS: Record<string, Array<'text' | 'plural' | 'context' | 'domain' | 'number'>> = {
  __: ['text', 'domain'],
  _e: ['text', 'domain'],
  esc_html__: ['text', 'domain'],
  esc_html_e: ['text', 'domain'],
  esc_attr__: ['text', 'domain'],
  esc_attr_e: ['text', 'domain'],
  _x: ['text', 'context', 'domain'],
  _ex: ['text', 'context', 'domain'],
  esc_html_x: ['text', 'context', 'domain'],
  esc_attr_x: ['text', 'context', 'domain'],
  _n: ['text', 'plural', 'number', 'domain'],
  _n_noop: ['text', 'plural', 'domain'],
  _nx: ['text', 'plural', 'number', 'context', 'domain'],
  _nx_noop: ['text', 'plural', 'context', 'domain'],
};

const SINGLE_ESCAPES: Record<string, string> = { "'": "'", '\\': '\\' };
const DOUBLE_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  v: '\v',
  e: '\x1b',
  f: '\f',
  '\\': '\\',
  $: '$',
  '"': '"',
};

/** Decodes the body of a double-quoted (or heredoc) PHP string; null when it interpolates. */
function decodeDouble(body: string, quote: string): string | null {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '$' && /[A-Za-z_{]/.test(body[i + 1] ?? '')) return null;
    if (c === '{' && body[i + 1] === '$') return null;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = body[i + 1] ?? '';
    if (n === quote || n in DOUBLE_ESCAPES) {
      out += n === quote ? quote : DOUBLE_ESCAPES[n];
      i++;
    } else if (/[0-7]/.test(n)) {
      const m = /^[0-7]{1,3}/.exec(body.slice(i + 1))![0];
      out += String.fromCharCode(parseInt(m, 8));
      i += m.length;
    } else if (n === 'x' && /[0-9A-Fa-f]/.test(body[i + 2] ?? '')) {
      const m = /^[0-9A-Fa-f]{1,2}/.exec(body.slice(i + 2))![0];
      out += String.fromCharCode(parseInt(m, 16));
      i += 1 + m.length;
    } else if (n === 'u' && body[i + 2] === '{') {
      const close = body.indexOf('}', i + 3);
      out += String.fromCodePoint(parseInt(body.slice(i + 3, close), 16));
      i = close;
    } else out += c;
  }
  return out;
}

/** Splits PHP source into tokens (whitespace dropped). */
export function lexPhp(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  const push = (kind: Token['kind'], start: number, end: number, value?: string) => {
    const text = source.slice(start, end);
    tokens.push({ kind, text, value, line, start, end });
    line += text.split('\n').length - 1;
  };
  const skipHtml = () => {
    const open = source.indexOf('<?', i);
    const end = open < 0 ? source.length : open;
    line += source.slice(i, end).split('\n').length - 1;
    i = end;
    if (open >= 0) {
      const tag = /^<\?(php|=)?/.exec(source.slice(open))![0];
      i += tag.length;
    }
  };
  skipHtml();
  while (i < source.length) {
    const c = source[i];
    const rest = source.slice(i, i + 3);
    if (c === '\n') {
      line++;
      i++;
    } else if (/\s/.test(c)) i++;
    else if (rest.startsWith('?>')) {
      i += 2;
      skipHtml();
    } else if (rest.startsWith('/*')) {
      const end = source.indexOf('*/', i + 2);
      push('comment', i, end < 0 ? source.length : end + 2);
      i = end < 0 ? source.length : end + 2;
    } else if (rest.startsWith('//') || (c === '#' && source[i + 1] !== '[')) {
      let end = i;
      while (end < source.length && source[end] !== '\n' && !source.startsWith('?>', end)) end++;
      push('comment', i, end);
      i = end;
    } else if (c === "'") {
      let j = i + 1;
      let value = '';
      while (j < source.length && source[j] !== "'") {
        if (source[j] === '\\' && source[j + 1] in SINGLE_ESCAPES) {
          value += source[j + 1];
          j += 2;
        } else value += source[j++];
      }
      push('string', i, j + 1, value);
      i = j + 1;
    } else if (c === '"' || c === '`') {
      let j = i + 1;
      while (j < source.length && source[j] !== c) j += source[j] === '\\' ? 2 : 1;
      const value = c === '"' ? decodeDouble(source.slice(i + 1, j), '"') : null;
      push(value === null ? 'dynamic-string' : 'string', i, j + 1, value ?? undefined);
      i = j + 1;
    } else if (rest === '<<<') {
      const head = /^<<<[ \t]*(["']?)([A-Za-z_]\w*)\1\r?\n/.exec(source.slice(i));
      if (!head) {
        push('punct', i, i + 3);
        i += 3;
        continue;
      }
      const label = head[2];
      const bodyStart = i + head[0].length;
      const close = new RegExp(`^([ \\t]*)${label}\\b`, 'm');
      const m = close.exec(source.slice(bodyStart));
      const bodyEnd = m ? bodyStart + m.index : source.length;
      const indent = m?.[1].length ?? 0;
      const body = source
        .slice(bodyStart, bodyEnd)
        .replace(/\r?\n$/, '')
        .split('\n')
        .map((l) => l.slice(indent))
        .join('\n');
      const value = head[1] === "'" ? body : decodeDouble(body, '');
      const end = m ? bodyEnd + m[0].length : source.length;
      push(value === null ? 'dynamic-string' : 'string', i, end, value ?? undefined);
      i = end;
    } else if (c === '$' && /[A-Za-z_]/.test(source[i + 1] ?? '')) {
      const m = /^\$\w+/.exec(source.slice(i))!;
      push('variable', i, i + m[0].length);
      i += m[0].length;
    } else if (/[A-Za-z_\\\x80-\uffff]/.test(c)) {
      const m = /^[\\\w\x80-\uffff]+/.exec(source.slice(i))!;
      push('name', i, i + m[0].length);
      i += m[0].length;
    } else {
      const m = /^(->|::|\?->|=>|\.\.\.|\?\?=?|[=!]==?|<=>|&&|\|\||\.=|[-+*/%<>&|^]=?|.)/s.exec(source.slice(i))!;
      push('punct', i, i + m[0].length);
      i += m[0].length;
    }
  }
  return tokens;
}

/** A call whose text, plural, context or domain is not a literal (so it cannot be extracted). */
export interface Unextractable {
  file: string;
  line: number;
  call: string;
  why: string;
}

/** The literal value of an argument (strings joined with `.`), or null. */
function literal(arg: Token[]): string | null {
  const parts = arg.filter((t) => t.kind !== 'comment');
  if (parts.length === 0 || parts.length % 2 === 0) return null;
  let value = '';
  for (const [n, t] of parts.entries()) {
    if (n % 2 === 0) {
      if (t.kind !== 'string') return null;
      value += t.value!;
    } else if (t.text !== '.') return null;
  }
  return value;
}

/**
 * Every `workos-login` gettext call of one PHP file, and the calls that cannot be read (dynamic
 * text, or a missing or other text domain on a string of ours).
 */
export function extractPhp(
  source: string,
  file: string,
  domain: string,
): { messages: Message[]; unextractable: Unextractable[] } {
  const tokens = lexPhp(source);
  const messages: Message[] = [];
  const unextractable: Unextractable[] = [];
  let pendingComment: { text: string } | null = null;
  for (let n = 0; n < tokens.length; n++) {
    const t = tokens[n];
    if (t.kind === 'comment' && TRANSLATORS.test(t.text)) {
      pendingComment = { text: translatorsText(t.text) };
      continue;
    }
    if (pendingComment) {
      // A translators comment belongs to the next gettext call of the same statement.
      if (t.text === ';' || t.text === '{' || t.text === '}') pendingComment = null;
    }
    const order = PHP_FUNCTIONS[t.text];
    const prev = tokens[n - 1]?.text;
    if (
      t.kind !== 'name' ||
      !order ||
      tokens[n + 1]?.text !== '(' ||
      prev === '->' ||
      prev === '?->' ||
      prev === '::' ||
      prev === 'function' ||
      prev === 'new'
    )
      continue;
    // The arguments, split on top-level commas.
    const args: Token[][] = [[]];
    let depth = 0;
    let k = n + 2;
    for (; k < tokens.length; k++) {
      const a = tokens[k];
      if (a.text === '(' || a.text === '[' || a.text === '{') depth++;
      if (a.text === ')' || a.text === ']' || a.text === '}') {
        if (depth === 0) break;
        depth--;
      }
      if (a.text === ',' && depth === 0) args.push([]);
      else args[args.length - 1].push(a);
    }
    if (args[args.length - 1].length === 0) args.pop();
    const value = (role: string) => {
      const at = order.indexOf(role as (typeof order)[number]);
      return at < 0 || !args[at] ? undefined : literal(args[at]);
    };
    const callDomain = value('domain');
    const text = value('text');
    const where = { file, line: t.line, call: source.slice(t.start, tokens[k]?.end ?? t.end) };
    if (callDomain === undefined) {
      // No domain: core's strings — unless the text looks like ours, which a reviewer must see.
      unextractable.push({ ...where, why: 'no text domain (the string goes to WordPress core)' });
    } else if (callDomain === null) {
      unextractable.push({ ...where, why: 'the text domain is not a literal' });
    } else if (callDomain !== domain) {
      continue;
    } else if (text === null || text === undefined || value('plural') === null || value('context') === null) {
      unextractable.push({ ...where, why: 'the text, plural or context is not a literal' });
    } else {
      // A comment that explains placeholders waits for a string that has some (`0 === $n ?
      // __( 'none' ) : sprintf( _n( '%d item', … ) )`): the first call of the statement may be another.
      const waits =
        pendingComment !== null &&
        /%|\b\d+:/.test(pendingComment.text) &&
        !hasPlaceholders(text, value('plural') ?? undefined);
      messages.push({
        msgid: text,
        plural: value('plural') ?? undefined,
        context: value('context') ?? undefined,
        comment: waits ? undefined : pendingComment?.text,
        reference: `${file}:${t.line}`,
        format: 'php',
      });
      if (waits) continue;
    }
    pendingComment = null;
  }
  return { messages, unextractable };
}
