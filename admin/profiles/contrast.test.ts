import { describe, expect, it } from 'vitest';
import { contrastRatio, contrastReport, DEFAULT_PRIMARY, formatRatio } from './contrast.ts';

describe('contrast', () => {
  it('computes WCAG ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#0b6e4f', '#ffffff')).toBeGreaterThan(4.5);
    expect(contrastRatio('#ffd60a', '#ffffff')).toBeLessThan(4.5);
  });

  it('reports the button text the element picks and the ratios to warn about', () => {
    const yellow = contrastReport('#FFD60A');
    expect(yellow.primary).toBe('#ffd60a');
    expect(yellow.buttonText).toBe('#000000');
    expect(yellow.onWhiteText).toBeLessThan(4.5);
    expect(yellow.onCard).toBeLessThan(4.5);
    expect(contrastReport('').primary).toBe(DEFAULT_PRIMARY);
    expect(contrastReport('#0b6e4f').buttonText).toBe('#ffffff');
  });

  it('never rounds a failing ratio up to a passing one', () => {
    expect(formatRatio(4.4999)).toBe('4.49');
    expect(formatRatio(7.9)).toBe('7.90');
  });
});
