/**
 * Encoding of values for PostgreSQL's COPY ... FROM STDIN in text format: tab-separated columns, one row per line,
 * `\N` for NULL, and backslash escapes for the characters that would otherwise end a column or a row.
 */

export type CopyValue = string | number | null;

const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

export function copyValue(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') {
    // COPY would read NaN/Infinity as special float values; our data never has them, so they are a bug.
    if (!Number.isFinite(value)) throw new RangeError(`Cannot COPY non-finite number ${value}`);
    return String(value);
  }
  // Fast path: JSON of numbers and plain keys, uuids and names contain none of the special characters.
  return SPECIAL.test(value) ? value.replace(SPECIAL_ALL, (c) => ESCAPES[c] ?? c) : value;
}

export function copyLine(values: readonly CopyValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i += 1) {
    if (i > 0) line += '\t';
    line += copyValue(values[i] ?? null);
  }
  return `${line}\n`;
}
