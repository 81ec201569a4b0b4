import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../protocol/messages.ts';
import { realClock } from './context.ts';
import { atFloor } from './floor.ts';
import { stepContext, stubWorkOS } from './test-support.ts';

describe('enumeration floor', () => {
  it('pads a fast answer up to the floor', async () => {
    const ctx = stepContext(stubWorkOS({}));
    expect(await atFloor(ctx, async () => (ctx.clock.advance(120), 'done'))).toBe('done');
    expect(ctx.clock.sleeps).toEqual([LIMITS.enumerationFloorMs - 120]);
  });

  it('adds nothing to an answer already slower than the floor', async () => {
    const ctx = stepContext(stubWorkOS({}));
    await atFloor(ctx, async () => ctx.clock.advance(LIMITS.enumerationFloorMs + 5));
    expect(ctx.clock.sleeps).toEqual([]);
  });

  it('pads failures too', async () => {
    const ctx = stepContext(stubWorkOS({}));
    await expect(atFloor(ctx, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(ctx.clock.sleeps).toEqual([LIMITS.enumerationFloorMs]);
  });

  it('sleeps for real with the default clock', async () => {
    const started = realClock.now();
    await realClock.sleep(20);
    expect(realClock.now() - started).toBeGreaterThanOrEqual(19);
  });
});
