/**
 * Property-based fuzzing for the attack suite (issue 13, item 10): the bodies fast-check throws at
 * WordPress's `workos/v1` routes and at the login server's `/v1` routes, and the PHP logs that must
 * stay quiet while it does.
 *
 * Every property runs with one seed (`FUZZ_SEED`, fixed by default) and `FUZZ_RUNS` runs, so a run
 * is reproducible: a failure prints the seed, the shrunk counterexample and the path that replays it
 * (`FUZZ_SEED=<seed> FUZZ_ROUTES=<route> npx playwright test tests/e2e/security/fuzz-*.spec.ts`).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import fc from 'fast-check';
import type { Stack } from '../../../scripts/stack.ts';

export const FUZZ = {
  seed: Number(process.env.FUZZ_SEED ?? 20261207),
  runs: Number(process.env.FUZZ_RUNS ?? 40),
  /** Only the routes this matches (`FUZZ_ROUTES=passkey`), to replay one. */
  routes: new RegExp(process.env.FUZZ_ROUTES ?? ''),
};

/** Runs `check` on `runs` values of `arbitrary` with the suite's seed (fast-check shrinks a failure). */
export async function fuzz<T>(arbitrary: fc.Arbitrary<T>, check: (value: T) => Promise<void>, runs = FUZZ.runs) {
  await fc.assert(fc.asyncProperty(arbitrary, check), { seed: FUZZ.seed, numRuns: runs });
}

/* ------------------------------------------------------------------ values */

/** An argument's JSON Schema as WordPress's REST index publishes it (the keywords used here). */
export interface ArgSchema {
  type?: string | string[];
  enum?: unknown[];
  pattern?: string;
  format?: string;
  maxLength?: number;
  items?: ArgSchema;
  properties?: Record<string, ArgSchema>;
  required?: boolean;
  default?: unknown;
}

/** `depth` levels of alternating objects and arrays: PHP's json_decode() stops at 512. */
function nested(depth: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

const TRICKY = [
  ...['', ' ', '0', '-1', 'true', 'null', 'NaN', '[]', '{}', '\u0000', '%00', '\ud800', '\u202e', 'é'.normalize('NFD')],
  ...['../../wp-config.php', '<script>x</script>', "' OR 1=1 --", 'javascript:alert(1)', 'v1.', '~', 'a'.repeat(300)],
];

/** Any JSON value, biased to what breaks parsers: extremes, odd strings, long strings, deep nesting. */
export const weird: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 2 ** 53 + 1, 1e308, -1e308),
  fc.constantFrom(...TRICKY),
  fc.string({ maxLength: 40, unit: 'grapheme' }),
  fc.string({ maxLength: 20, unit: 'binary' }),
  fc.integer({ min: 256, max: 70_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 1, max: 600 }).map(nested),
  fc.jsonValue({ maxDepth: 3 }),
);

const jsonType = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;

/** A value of another JSON type than the schema declares. */
function wrongType(schema: ArgSchema): fc.Arbitrary<unknown> {
  const declared = new Set([schema.type ?? []].flat().map((t) => (t === 'number' ? 'integer' : t)));
  return fc
    .oneof(
      fc.string({ maxLength: 8 }),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
    )
    .filter((value) => !declared.has(jsonType(value)) && !(declared.has('integer') && typeof value === 'number'));
}

/** PCRE (WordPress's `pattern`) as a JS RegExp, when it reads the same. */
function regexOf(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern.replace(/\(\?P</g, '(?<'), 'u');
  } catch {
    return null;
  }
}

/** A value the schema allows, or nearly (its default, when it has one, often): what gets past validation. */
function validish(schema: ArgSchema): fc.Arbitrary<unknown> {
  const allowed = allowedValue(schema);
  return schema.default === undefined
    ? allowed
    : fc.oneof({ weight: 4, arbitrary: fc.constant(schema.default) }, allowed);
}

function allowedValue(schema: ArgSchema): fc.Arbitrary<unknown> {
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const type = [schema.type ?? 'string'].flat()[0];
  if (type === 'boolean') return fc.boolean();
  if (type === 'integer') return fc.integer();
  if (type === 'number') return fc.double({ noNaN: true, noDefaultInfinity: true });
  if (type === 'array') return fc.array(schema.items ? validish(schema.items) : fc.jsonValue(), { maxLength: 4 });
  if (type === 'object') {
    return schema.properties
      ? argsObject(schema.properties)
      : fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 4 });
  }
  if (type !== 'string') return fc.jsonValue({ maxDepth: 2 });
  const regex = schema.pattern ? regexOf(schema.pattern) : null;
  if (regex) return fc.stringMatching(regex, { maxLength: Math.min(schema.maxLength ?? 80, 80) });
  if (schema.format === 'email') {
    return fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('ada@example.com', 'nobody@example.com') },
      fc.emailAddress(),
    );
  }
  if (schema.format === 'uri') return fc.webUrl();
  return fc.string({ maxLength: Math.min(schema.maxLength ?? 64, 64) });
}

const REMOVED = Symbol('removed');

/**
 * An object of the declared arguments: most often every one allowed but at most one (of a wrong
 * type, weird, or missing) — what gets past validation to the code behind it — else each one
 * allowed, of a wrong type, weird or absent; with strangers beside them.
 */
export function argsObject(args: Record<string, ArgSchema>): fc.Arbitrary<Record<string, unknown>> {
  const names = Object.keys(args);
  const strangers = fc.dictionary(fc.string({ maxLength: 12 }), weird, { maxKeys: 2 });
  if (names.length === 0) return strangers;
  // Optional arguments mostly left out: a made-up `flow` is refused before anything else is looked at.
  const valid = fc.record(
    Object.fromEntries(
      names.map((name) => [
        name,
        args[name].required
          ? validish(args[name])
          : fc.oneof({ weight: 3, arbitrary: fc.constant<unknown>(REMOVED) }, validish(args[name])),
      ]),
    ),
  );
  const change = fc.oneof(
    ...names.map((name) =>
      fc.tuple(fc.constant(name), fc.oneof(wrongType(args[name]), weird, fc.constant<unknown>(REMOVED))),
    ),
  );
  const nearlyValid = fc.tuple(valid, fc.option(change, { freq: 2 })).map(([values, changed]) => {
    const out = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== REMOVED));
    if (changed?.[1] === REMOVED) delete out[changed[0]];
    else if (changed) out[changed[0]] = changed[1];
    return out;
  });
  const anything = fc.record(
    Object.fromEntries(names.map((name) => [name, fc.oneof(validish(args[name]), wrongType(args[name]), weird)])),
    { requiredKeys: [] },
  );
  return fc
    .tuple(fc.oneof({ weight: 3, arbitrary: nearlyValid }, anything), strangers)
    .map(([known, extra]) => ({ ...extra, ...known }));
}

type JsonPath = Array<string | number>;

/** Every path into a JSON value (its own root excluded). */
function pathsOf(value: unknown, prefix: JsonPath = []): JsonPath[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    return [path, ...pathsOf(child, path)];
  });
}

/**
 * A valid message with one to three of its fields changed to a weird value, removed, or given a
 * stranger beside it: the bodies that pass the outer checks and meet the ones inside.
 */
export function mutated(seed: object): fc.Arbitrary<unknown> {
  const paths = pathsOf(seed);
  const change = fc.tuple(fc.constantFrom(...paths), fc.oneof(weird, fc.constant<unknown>(REMOVED)), fc.boolean());
  return fc.array(change, { minLength: 1, maxLength: 3 }).map((changes) => {
    const copy = structuredClone(seed) as Record<string | number, unknown>;
    for (const [path, value, beside] of changes) {
      const parent = path
        .slice(0, -1)
        .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], copy);
      if (parent === null || typeof parent !== 'object') continue;
      const target = parent as Record<string | number, unknown>;
      const key = beside ? `${String(path.at(-1))}_x` : path.at(-1)!;
      if (value === REMOVED) delete target[key];
      else target[key] = value;
    }
    return copy;
  });
}

/** Form fields: names with PHP's array syntax (`a[]`, `a[b][c]`) turn strings into arrays. */
export function formFields(names: string[]): fc.Arbitrary<Array<[string, string]>> {
  const name = fc.oneof(
    names.length ? fc.constantFrom(...names) : fc.string({ maxLength: 8 }),
    fc.string({ maxLength: 8 }),
  );
  const key = fc.tuple(name, fc.constantFrom('', '[]', '[x]', '[x][]', '[][y]')).map(([n, s]) => n + s);
  return fc.array(fc.tuple(key, fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom(...TRICKY))), { maxLength: 6 });
}

/** A request body: JSON, text sent as JSON that is not quite JSON, or a form. */
export type Body =
  { kind: 'json'; value: unknown } | { kind: 'raw'; text: string } | { kind: 'form'; fields: Array<[string, string]> };

const RAW = ['', ' ', '{', '[', 'nul', '{"a":1e400}', '{"email":1e999,"password":-1e999}', '{"a":1,"a":2}'];

export function bodies(args: Record<string, ArgSchema>): fc.Arbitrary<Body> {
  return fc.oneof(
    { weight: 6, arbitrary: argsObject(args).map((value): Body => ({ kind: 'json', value })) },
    { weight: 2, arbitrary: weird.map((value): Body => ({ kind: 'json', value })) },
    {
      weight: 1,
      arbitrary: fc
        .oneof(
          fc.constantFrom(...RAW, '\ufeff{}'),
          fc.string({ maxLength: 60 }),
          fc.jsonValue().map((v) => JSON.stringify(v).slice(0, -1)),
        )
        .map((text): Body => ({ kind: 'raw', text })),
    },
    { weight: 1, arbitrary: formFields(Object.keys(args)).map((fields): Body => ({ kind: 'form', fields })) },
  );
}

/**
 * The bytes and content type of a body: a Buffer, which Playwright sends as it is (a string that is
 * not JSON it would quote, when the type says JSON).
 */
export function encode(body: Body): { data: Buffer; contentType: string } {
  if (body.kind === 'form') {
    return {
      data: Buffer.from(new URLSearchParams(body.fields).toString()),
      contentType: 'application/x-www-form-urlencoded',
    };
  }
  return {
    data: Buffer.from(body.kind === 'raw' ? body.text : JSON.stringify(body.value)),
    contentType: 'application/json',
  };
}

/** Values for a route's path parameters: strings its own pattern matches. */
export function pathFor(route: string): fc.Arbitrary<string> {
  if (!route.includes('(?P<')) return fc.constant(route);
  const matching = fc.stringMatching(regexOf(`^${route}$`)!, { maxLength: 80 });
  // Now and then a profile or user that exists, so the handler behind the pattern runs too.
  const known = route.replace(/\(\?P<slug>[^)]*\)/g, 'default').replace(/\(\?P<user>[^)]*\)/g, '1');
  return known.includes('(?P<') ? matching : fc.oneof(matching, fc.constant(known));
}

/* ------------------------------------------------------------------ logs */

const sizeOf = (file: string) => (existsSync(file) ? statSync(file).size : 0);
const linesSince = (file: string, from: number) =>
  existsSync(file) ? readFileSync(file).subarray(from).toString('utf8').split('\n').filter(Boolean) : [];

/**
 * What PHP logged after this call: every new line of WordPress's debug log (WP_DEBUG_LOG), and the
 * PHP messages among the built-in server's own output (errors raised before WordPress set its log).
 */
export function phpLogWatch(stack: Stack): () => string[] {
  const { debugLog, serverLog } = stack.site;
  const from = { debug: sizeOf(debugLog), server: sizeOf(serverLog) };
  return () => [
    ...linesSince(debugLog, from.debug),
    ...linesSince(serverLog, from.server).filter((line) => /PHP |Fatal|Warning|Notice|Deprecated/.test(line)),
  ];
}

/** The login server's log lines written after this call (one JSON object per line). */
export function serverLogWatch(stack: Stack): () => string[] {
  const file = stack.replicas[0]?.logFile;
  if (!file) throw new Error('the login server logs to the console: run with a quiet stack');
  const from = sizeOf(file);
  return () => linesSince(file, from);
}
