import { describe, expect, it } from 'vitest';
import { auditChanges, formatAuditValue } from './audit-diff';

describe('auditChanges', () => {
  it('shows a changed key as old → new and keeps unchanged keys as context', () => {
    expect(auditChanges({ email: 'a@x.example', role: 'CSM' }, { email: 'a@x.example', role: 'ADMIN' })).toEqual([
      { key: 'email', kind: 'same', after: 'a@x.example' },
      { key: 'role', kind: 'changed', before: 'CSM', after: 'ADMIN' },
    ]);
  });

  it('lists every key as added when there is no before, and as removed when there is no after', () => {
    expect(auditChanges(null, { role: 'CSM', days: 7 })).toEqual([
      { key: 'role', kind: 'added', after: 'CSM' },
      { key: 'days', kind: 'added', after: '7' },
    ]);
    expect(auditChanges({ role: 'CSM' }, undefined)).toEqual([{ key: 'role', kind: 'removed', before: 'CSM' }]);
  });

  it('mixes added, removed and changed keys in first-seen order', () => {
    expect(auditChanges({ a: 1, b: 2 }, { b: 3, c: null })).toEqual([
      { key: 'a', kind: 'removed', before: '1' },
      { key: 'b', kind: 'changed', before: '2', after: '3' },
      { key: 'c', kind: 'added', after: 'null' },
    ]);
  });

  it('treats non-object values as one whole value', () => {
    expect(auditChanges([1, 2], [1, 3])).toEqual([{ key: '', kind: 'changed', before: '[1,2]', after: '[1,3]' }]);
    expect(auditChanges(null, 'x')).toEqual([{ key: '', kind: 'added', after: 'x' }]);
    expect(auditChanges(5, 5)).toEqual([{ key: '', kind: 'same', after: '5' }]);
  });

  it('is empty when there is neither before nor after', () => {
    expect(auditChanges(null, null)).toEqual([]);
    expect(auditChanges(undefined, undefined)).toEqual([]);
  });

  it('compares nested values structurally and prints them compactly', () => {
    expect(auditChanges({ weights: { a: 1 } }, { weights: { a: 1 } })).toEqual([{ key: 'weights', kind: 'same', after: '{"a":1}' }]);
  });
});

describe('formatAuditValue', () => {
  it('prints strings bare, other JSON compactly, and cuts long values', () => {
    expect(formatAuditValue('CSM')).toBe('CSM');
    expect(formatAuditValue(true)).toBe('true');
    expect(formatAuditValue(undefined)).toBe('—');
    const long = formatAuditValue('x'.repeat(500));
    expect(long).toHaveLength(120);
    expect(long.endsWith('…')).toBe(true);
  });
});
