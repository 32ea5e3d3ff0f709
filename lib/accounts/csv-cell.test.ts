import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { csvCell, csvLines } from './csv-cell';

describe('csvCell', () => {
  it('leaves plain values alone and writes null as empty', () => {
    expect(csvCell('Acme')).toBe('Acme');
    expect(csvCell(120000.5)).toBe('120000.5');
    expect(csvCell(null)).toBe('');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('Acme, Inc.')).toBe('"Acme, Inc."');
    expect(csvCell('The "Big" one')).toBe('"The ""Big"" one"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('neutralises formulas', () => {
    for (const formula of ['=HYPERLINK("x")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
      expect(csvCell(formula).replace(/^"/, '').startsWith("'")).toBe(true);
    }
  });

  it('round-trips through a CSV parser', () => {
    const rows = [['name', 'note'], ['A, "quoted"\nname', '=1+1']];
    expect(parse(csvLines(rows))).toEqual([['name', 'note'], ['A, "quoted"\nname', "'=1+1"]]);
  });
});
