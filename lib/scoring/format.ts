/**
 * Display-only rounding to one decimal (the library never rounds stored figures).
 * Rounds half away from zero on the exact binary value (Number#toFixed); null/non-finite → an em dash;
 * a negative value that rounds to zero shows as "0.0", not "-0.0" (trend deltas).
 */
export function formatScore(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  const text = n.toFixed(1);
  return text === '-0.0' ? '0.0' : text;
}
