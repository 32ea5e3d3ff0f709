import { describe, expect, it } from 'vitest';
import { formatScore } from './index';

describe('formatScore (display only)', () => {
  it('shows one decimal', () => {
    expect(formatScore(67.5)).toBe('67.5');
    expect(formatScore(100)).toBe('100.0');
    expect(formatScore(0)).toBe('0.0');
    expect(formatScore(600 / 7)).toBe('85.7');
    expect(formatScore(84.96)).toBe('85.0');
    expect(formatScore(12.34)).toBe('12.3');
    expect(formatScore(-3.25)).toBe('-3.3'); // trend deltas may be negative: half away from zero
  });

  it('never shows -0.0, and shows a dash for a missing value', () => {
    expect(formatScore(-0.04)).toBe('0.0');
    expect(formatScore(-0)).toBe('0.0');
    for (const v of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY]) expect(formatScore(v)).toBe('—');
  });
});
