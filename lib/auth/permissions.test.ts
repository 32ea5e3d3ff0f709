import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS, scopeOf } from './permissions';
import { permissionsDocument } from './permissions-document';

describe('permissions', () => {
  it('docs/permissions.md is generated from the table (run npm run docs:permissions)', () => {
    expect(readFileSync('docs/permissions.md', 'utf8')).toBe(permissionsDocument());
  });

  it('ADMIN may do everything', () => {
    for (const permission of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      expect(scopeOf('ADMIN', permission)).toBe('all');
    }
  });

  it('a CSM writes assessments only for accounts they own; a LEADER never', () => {
    expect(can('CSM', 'assessments.write', true)).toBe(true);
    expect(can('CSM', 'assessments.write', false)).toBe(false);
    expect(can('LEADER', 'assessments.write', true)).toBe(false);
  });

  it('only ADMIN reaches settings, members and the audit log', () => {
    for (const permission of ['settings.read', 'settings.write', 'members.read', 'members.invite', 'members.manage', 'audit.read'] as const) {
      expect(can('LEADER', permission)).toBe(false);
      expect(can('CSM', permission)).toBe(false);
    }
  });

  it('a LEADER reads everything and (re)assigns owners', () => {
    expect(can('LEADER', 'accounts.read')).toBe(true);
    expect(can('LEADER', 'portfolio.read')).toBe(true);
    expect(can('LEADER', 'accounts.assignOwner')).toBe(true);
    expect(can('LEADER', 'accounts.write')).toBe(false);
  });
});
