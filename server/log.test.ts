import { describe, expect, it } from 'vitest';
import { createLogger, redact } from './log.ts';

describe('logger', () => {
  it('redacts secret-looking fields at any depth', () => {
    expect(
      redact({ email: 'a@b.c', password: 'p', nested: { access_token: 't', ok: 1, list: [{ apiKey: 'k' }] } }),
    ).toEqual({
      email: 'a@b.c',
      password: '[redacted]',
      nested: { access_token: '[redacted]', ok: 1, list: [{ apiKey: '[redacted]' }] },
    });
  });

  it('writes one JSON line per record at or above the level', () => {
    const lines: string[] = [];
    const log = createLogger('info', (line) => lines.push(line));
    log.debug('hidden');
    log.info('step done', { step: 'password', secret: 'nope' });
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0]);
    expect(record).toMatchObject({ level: 'info', msg: 'step done', step: 'password', secret: '[redacted]' });
    expect(lines[0]).not.toContain('nope');
  });
});
