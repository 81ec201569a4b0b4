/**
 * The translation files are current and complete, and the extractors read what WP-CLI's
 * `wp i18n make-pot` reads: change a string (or a line number) without `npm run build` and the
 * first test fails; add a string without translating it in every languages/*.po and the second does.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractTs } from './js.ts';
import { ROOT, DOMAIN, LANGUAGES, i18nFiles, locales, potEntries, scripts, staleFiles } from './make-pot.ts';
import { entryKey, mergeMessages, parsePo, readMo, renderJed, renderMo, renderPo, translated } from './messages.ts';
import { extractPhp } from './php.ts';

describe('languages/', () => {
  it('holds what scripts/i18n/make-pot.ts generates from the code today (npm run build)', async () => {
    const files = await i18nFiles();
    for (const [file, content] of files) {
      const current = existsSync(file) ? readFileSync(file) : null;
      expect(current?.equals(Buffer.from(content)), `${file} is stale: run node scripts/i18n/make-pot.ts`).toBe(true);
    }
    expect(staleFiles(files), 'generated files nothing generates any more').toEqual([]);
  });

  it('has a complete translation in every .po: each .pot string, translated, not fuzzy', () => {
    const keys = potEntries().map(entryKey);
    expect(locales()).toContain('de_DE');
    for (const locale of locales()) {
      const po = parsePo(readFileSync(join(LANGUAGES, `${DOMAIN}-${locale}.po`), 'utf8'));
      const done = new Set(translated(po).map(entryKey));
      expect(
        keys.filter((k) => !done.has(k)),
        `${locale}: untranslated (run node scripts/i18n/make-pot.ts, then translate)`,
      ).toEqual([]);
      expect(po.headers['Plural-Forms'], locale).toMatch(/^nplurals=\d+; plural=.+;$/);
    }
  });

  it('keeps every placeholder, {name} and HTML tag of the English in each translation', () => {
    const marks = (s: string) =>
      [
        ...s
          .replace(/%%/g, '')
          .matchAll(
            /%(?:\d+\$)?[-+0]?\d*(?:\.\d+)?[bcdeEfFgGosuxX]|\{[a-z_]+\}|<\/?(?:a|b|i|em|strong|code|kbd|br|p|span|abbr|workos-[a-z-]+)\b[^>]*>/g,
          ),
      ]
        .map((m) => m[0])
        .sort();
    for (const locale of locales()) {
      const po = parsePo(readFileSync(join(LANGUAGES, `${DOMAIN}-${locale}.po`), 'utf8'));
      for (const e of translated(po))
        e.msgstr.forEach((s, n) => {
          const source = n === 0 ? e.msgid : (e.plural ?? e.msgid);
          // Unnumbered placeholders must stay in order; numbered ones may move.
          expect(marks(s), `${locale}: ${e.msgid}`).toEqual(marks(source));
          const order = (t: string) => [...t.matchAll(/%[a-z]/g)].map((m) => m[0]);
          expect(order(s), `${locale}: ${e.msgid}`).toEqual(order(source));
        });
    }
  });

  it('names each script’s JSON as load_script_textdomain() looks for it: md5 of its path in the plugin', () => {
    const bundles = scripts();
    expect(bundles.map((b) => b.script).sort()).toEqual([
      'build/admin/profiles/index.js',
      'build/blocks/login-button/index.js',
      'build/blocks/login/index.js',
    ]);
    const admin = bundles.find((b) => b.script === 'build/admin/profiles/index.js')!;
    expect(admin.sources).toContain('admin/profiles/labels.ts');
    expect(bundles.find((b) => b.script === 'build/blocks/login/index.js')!.sources).toContain(
      'blocks/shared/profile-picker.tsx',
    );
    const md5 = createHash('md5').update('build/admin/profiles/index.js').digest('hex');
    const json = JSON.parse(readFileSync(join(LANGUAGES, `${DOMAIN}-de_DE-${md5}.json`), 'utf8')) as {
      source: string;
      locale_data: { messages: Record<string, unknown> };
    };
    expect(json.source).toBe('build/admin/profiles/index.js');
    expect(json.locale_data.messages['Login Profiles']).toEqual(['Login-Profile']);
    // PHP-only strings stay out of the scripts' JSON.
    expect(json.locale_data.messages['Audit Log']).toBeUndefined();
  });

  it('reads block.json and the plugin header with WordPress’s contexts', () => {
    const entries = potEntries();
    const find = (msgid: string, context?: string) => entries.find((e) => e.msgid === msgid && e.context === context);
    expect(find('WorkOS Login', 'block title')?.references).toEqual(['blocks/login/block.json']);
    expect(find('workos', 'block keyword')).toBeDefined();
    expect(find('A sign-in form for one of your Login Profiles, branded like it.', 'block description')).toBeDefined();
    expect(find('WorkOS Login')?.comments).toContain('Plugin Name of the plugin');
  });

  it('has a root that is the plugin folder', () => {
    expect(existsSync(join(ROOT, 'plugin.php'))).toBe(true);
  });
});

describe('the PHP extractor', () => {
  const php = `<?php
/* translators: %s: a name. */
$a = sprintf( __( 'Hello %s', 'workos-login' ), $name );
printf(
	/* translators: 1: a number, 2: a date. */
	_n( '%1$s entry on %2$s', '%1$s entries on %2$s', $n, 'workos-login' ),
	$n, $date
);
echo esc_html_x( 'Post', 'verb', 'workos-login' );
$b = __( 'It\\'s a \\\\ path', 'workos-login' ) . __( "Tab\\tand \\"quotes\\" and \\$5", 'workos-login' );
$c = __( 'Joined ' . 'text', 'workos-login' );
// __( 'In a comment', 'workos-login' )
$d = __( $dynamic, 'workos-login' );
$e = __( 'Core string' );
$f = __( 'Other plugin', 'other' );
$g = $object->__( 'A method', 'workos-login' );
$h = _nx_noop( 'One', 'Many', 'things', 'workos-login' );
?>
<p><?php esc_html_e( 'In a template', 'workos-login' ); ?></p>
<?php
/* translators: %d: a count. */
$i = 0 === $n ? __( 'none', 'workos-login' ) : sprintf( _n( '%d thing', '%d things', $n, 'workos-login' ), $n );
`;
  const { messages, unextractable } = extractPhp(php, 'x.php', 'workos-login');
  const by = (msgid: string) => messages.find((m) => m.msgid === msgid);

  it('reads translators comments, plurals, contexts and %1$s strings with their lines', () => {
    expect(by('Hello %s')).toMatchObject({ comment: 'translators: %s: a name.', reference: 'x.php:3' });
    expect(by('%1$s entry on %2$s')).toMatchObject({
      plural: '%1$s entries on %2$s',
      comment: 'translators: 1: a number, 2: a date.',
      reference: 'x.php:6',
    });
    expect(by('Post')).toMatchObject({ context: 'verb', comment: undefined });
    expect(by('One')).toMatchObject({ plural: 'Many', context: 'things' });
    expect(by('In a template')).toMatchObject({ reference: 'x.php:19' });
  });

  it('decodes escapes and joins literal concatenations', () => {
    expect(by("It's a \\ path")).toBeDefined();
    expect(by('Tab\tand "quotes" and $5')).toBeDefined();
    expect(by('Joined text')).toBeDefined();
  });

  it('gives a placeholder comment to the string with placeholders, not to a plain one before it', () => {
    expect(by('none')?.comment).toBeUndefined();
    expect(by('%d thing')?.comment).toBe('translators: %d: a count.');
  });

  it('skips comments, methods and other domains, and reports what it cannot read', () => {
    expect(by('In a comment')).toBeUndefined();
    expect(by('A method')).toBeUndefined();
    expect(by('Other plugin')).toBeUndefined();
    expect(unextractable.map((u) => [u.line, u.why])).toEqual([
      [13, 'the text, plural or context is not a literal'],
      [14, 'no text domain (the string goes to WordPress core)'],
    ]);
  });
});

describe('the TypeScript extractor', () => {
  const tsx = `import { __, _n, _x, sprintf, _nx as nx } from '@wordpress/i18n';
const a = sprintf(/* translators: %s: profile title. */ __('Edit “%s”', 'workos-login'), title);
const b = (
  <Button
    label={
      /* translators: 1: a count. */
      sprintf(_n('%1$d rule', '%1$d rules', n, 'workos-login'), n)
    }
  />
);
const c = _x('Post', 'noun', 'workos-login');
const d = nx('One', 'Many', n, 'things', 'workos-login');
const e = __(\`Template\`, 'workos-login') + __('x', 'other');
const f = __(text, 'workos-login');
`;
  const { messages, unextractable } = extractTs(tsx, 'a.tsx', 'workos-login');
  const by = (msgid: string) => messages.find((m) => m.msgid === msgid);

  it('reads @wordpress/i18n calls with translators comments, plurals and contexts', () => {
    expect(by('Edit “%s”')).toMatchObject({ comment: 'translators: %s: profile title.', reference: 'a.tsx:2' });
    expect(by('%1$d rule')).toMatchObject({ plural: '%1$d rules', comment: 'translators: 1: a count.' });
    expect(by('Post')).toMatchObject({ context: 'noun' });
    expect(by('One')).toMatchObject({ plural: 'Many', context: 'things' });
    expect(by('Template')).toBeDefined();
    expect(by('x')).toBeUndefined();
    expect(unextractable).toHaveLength(1);
  });
});

describe('the catalog formats', () => {
  const entries = mergeMessages([
    { msgid: 'A "quoted"\\ line\nand another', reference: 'a.php:1', format: 'php' },
    {
      msgid: '%s file',
      plural: '%s files',
      comment: 'translators: %s: a number.',
      reference: 'a.php:2',
      format: 'php',
    },
    { msgid: 'Post', context: 'verb', reference: 'b.ts:1', format: 'js' },
  ]);
  entries[0].msgstr = ['Ein „zitierter“\\ Satz\nund noch einer'];
  entries[1].msgstr = ['%s Datei', '%s Dateien'];
  entries[2].msgstr = ['Veröffentlichen'];
  const text = renderPo([], [['Plural-Forms', 'nplurals=2; plural=(n != 1);']], entries, {
    references: true,
    fuzzyHeader: false,
  });

  it('writes and reads .po text (escapes, multi-line strings, plurals, contexts, flags)', () => {
    expect(text).toContain('msgid ""\n"A \\"quoted\\"\\\\ line\\n"\n"and another"');
    expect(text).toContain('#. translators: %s: a number.\n#: a.php:2\n#, php-format\nmsgid "%s file"');
    const po = parsePo(text);
    expect(po.headers['Plural-Forms']).toBe('nplurals=2; plural=(n != 1);');
    expect(po.entries.map((e) => [e.msgid, e.plural, e.context, e.msgstr])).toEqual(
      entries.map((e) => [e.msgid, e.plural, e.context, e.msgstr]),
    );
  });

  it('writes a .mo gettext reads: sorted keys, context\\u0004msgid, plural forms joined by NUL', () => {
    const mo = readMo(renderMo(parsePo(text)));
    expect([...mo.keys()]).toEqual(['', '%s file\0%s files', 'A "quoted"\\ line\nand another', 'verb\u0004Post']);
    expect(mo.get('%s file\0%s files')).toBe('%s Datei\0%s Dateien');
    expect(mo.get('')).toContain('Plural-Forms: nplurals=2; plural=(n != 1);\n');
  });

  it('writes Jed 1.x JSON with only the strings a script uses', () => {
    const json = JSON.parse(
      renderJed(parsePo(text), 'de_DE', 'build/x.js', new Set(['verb\u0004Post', '%s file']))!,
    ) as {
      locale_data: { messages: Record<string, unknown> };
    };
    expect(json.locale_data.messages).toEqual({
      '': { domain: 'messages', lang: 'de_DE', 'plural-forms': 'nplurals=2; plural=(n != 1);' },
      'verb\u0004Post': ['Veröffentlichen'],
      '%s file': ['%s Datei', '%s Dateien'],
    });
    expect(renderJed(parsePo(text), 'de_DE', 'build/x.js', new Set())).toBeNull();
  });
});
