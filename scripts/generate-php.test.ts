/**
 * The generated PHP mirror of protocol/ is current: change protocol/ (or the browser request
 * schemas) without `npm run generate:php` and this fails.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED_PHP, generatedFiles, renderProtocolPhp } from './generate-php.ts';

describe('includes/generated/protocol.php', () => {
  it('and strings.php are what scripts/generate-php.ts generates from protocol/ today (npm run generate:php)', () => {
    for (const [file, text] of generatedFiles())
      expect(readFileSync(file, 'utf8') === text, `${file} is stale: run npm run generate:php`).toBe(true);
    expect(generatedFiles().map(([file]) => file)).toContain(GENERATED_PHP);
  });

  it('speaks only the JSON Schema WordPress validates (no $ref, $defs, const or JavaScript email patterns)', () => {
    const text = renderProtocolPhp();
    for (const word of ["'$ref'", "'$defs'", "'const'", "'$schema'", "'propertyNames'"])
      expect(text).not.toContain(word);
    expect(text).toContain("'format'    => 'email'");
  });
});
