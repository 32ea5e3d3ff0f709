/**
 * A compact, readable diff of an audit event's before/after JSON, one line per top-level key:
 * changed (old → new), added (only after), removed (only before) or same (context). Pure: no I/O.
 */
export type AuditChangeKind = 'changed' | 'added' | 'removed' | 'same';

export interface AuditChange {
  /** Top-level key; '' when before/after are not objects (the whole value). */
  key: string;
  kind: AuditChangeKind;
  before?: string;
  after?: string;
}

const MAX_VALUE_LENGTH = 120;

export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  if (!hasBefore && !hasAfter) return [];
  if ((hasBefore && !isRecord(before)) || (hasAfter && !isRecord(after))) {
    return [change('', hasBefore, before, hasAfter, after)];
  }
  const from = (hasBefore ? before : {}) as Record<string, unknown>;
  const to = (hasAfter ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  return keys.map((key) => change(key, key in from, from[key], key in to, to[key]));
}

function change(key: string, inBefore: boolean, before: unknown, inAfter: boolean, after: unknown): AuditChange {
  if (inBefore && inAfter) {
    const same = JSON.stringify(before) === JSON.stringify(after);
    return same
      ? { key, kind: 'same', after: formatAuditValue(after) }
      : { key, kind: 'changed', before: formatAuditValue(before), after: formatAuditValue(after) };
  }
  return inBefore ? { key, kind: 'removed', before: formatAuditValue(before) } : { key, kind: 'added', after: formatAuditValue(after) };
}

/** A JSON value as short text: strings bare, everything else as compact JSON, long values cut with "…". */
export function formatAuditValue(value: unknown): string {
  const text = typeof value === 'string' ? value : value === undefined ? '—' : JSON.stringify(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
