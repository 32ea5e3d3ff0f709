import { describe, expect, it } from 'vitest';
import { SLUG_MAX_LENGTH, slugCandidates, slugFromName } from './organization-slug';

describe('organisation slugs', () => {
  it('lower-cases and hyphenates the name', () => {
    expect(slugFromName('Acme Corp')).toBe('acme-corp');
    expect(slugFromName('  Northwind -- Logistics!  ')).toBe('northwind-logistics');
    expect(slugFromName('Smith & Sons')).toBe('smith-and-sons');
  });

  it('drops accents and anything outside a-z and 0-9', () => {
    expect(slugFromName('Café Müller 42')).toBe('cafe-muller-42');
    expect(slugFromName('株式会社')).toBe('organisation');
    expect(slugFromName('---')).toBe('organisation');
  });

  it('keeps slugs short, without a trailing hyphen', () => {
    const slug = slugFromName(`${'a'.repeat(SLUG_MAX_LENGTH - 1)} b c`);
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(slug.endsWith('-')).toBe(false);
  });

  it('numbers the candidates after the base and keeps them within the length', () => {
    expect(slugCandidates('acme', 4)).toEqual(['acme', 'acme-2', 'acme-3', 'acme-4']);
    const long = 'x'.repeat(SLUG_MAX_LENGTH);
    for (const candidate of slugCandidates(long, 12)) expect(candidate.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(slugCandidates(long, 12).at(-1)).toMatch(/-12$/);
  });
});
