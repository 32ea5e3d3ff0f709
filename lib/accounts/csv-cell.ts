/**
 * One CSV cell, safe to open in a spreadsheet: a value starting with = + - @ (or a tab / carriage return) is
 * prefixed with an apostrophe so it is shown as text instead of run as a formula (CSV injection), and a value
 * containing a comma, quote or line break is quoted with its quotes doubled (RFC 4180).
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows of cells → CSV text with CRLF line ends (what spreadsheets expect). */
export function csvLines(rows: (string | number | null | undefined)[][]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
