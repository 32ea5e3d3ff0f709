import type { Role } from '@/lib/generated/prisma/enums';

/**
 * Who may do what, as data. Code checks it (`can`, `requirePermission`) and docs/permissions.md is generated
 * from it (a unit test keeps them identical). 'own' means: only for accounts the member owns.
 */
export type Scope = 'all' | 'own';

export const PERMISSIONS = {
  'organization.read': { ADMIN: 'all', LEADER: 'all', CSM: 'all' },
  'organization.delete': { ADMIN: 'all' },
  'accounts.read': { ADMIN: 'all', LEADER: 'all', CSM: 'all' },
  'accounts.write': { ADMIN: 'all' },
  'accounts.assignOwner': { ADMIN: 'all', LEADER: 'all' },
  'assessments.read': { ADMIN: 'all', LEADER: 'all', CSM: 'all' },
  'assessments.write': { ADMIN: 'all', CSM: 'own' },
  'portfolio.read': { ADMIN: 'all', LEADER: 'all', CSM: 'own' },
  'settings.read': { ADMIN: 'all' },
  'settings.write': { ADMIN: 'all' },
  'members.read': { ADMIN: 'all' },
  'members.invite': { ADMIN: 'all' },
  'members.manage': { ADMIN: 'all' },
  'audit.read': { ADMIN: 'all' },
} as const satisfies Record<string, Partial<Record<Role, Scope>>>;

export type Permission = keyof typeof PERMISSIONS;

export const PERMISSION_DESCRIPTIONS: Record<Permission, string> = {
  'organization.read': 'See the organisation, its name and the app shell',
  'organization.delete': 'Export or delete the whole organisation',
  'accounts.read': "Read the organisation's accounts",
  'accounts.write': 'Create, edit, archive and import accounts',
  'accounts.assignOwner': "(Re)assign an account's owner CSM",
  'assessments.read': 'Read assessments and their results',
  'assessments.write': 'Create, edit and submit assessments',
  'portfolio.read': 'Read portfolio dashboards (CSMs: over their own book)',
  'settings.read': 'See settings: weights, targets, thresholds, segments',
  'settings.write': 'Change weights, targets, thresholds, segments and stages',
  'members.read': 'List members and pending invitations',
  'members.invite': 'Invite people and revoke invitations',
  'members.manage': 'Change roles and remove members',
  'audit.read': 'Read the audit log',
};

export const ROLES: readonly Role[] = ['ADMIN', 'LEADER', 'CSM'];

/** The scope a role has for a permission, or null when it has none. */
export function scopeOf(role: Role, permission: Permission): Scope | null {
  const grants: Partial<Record<Role, Scope>> = PERMISSIONS[permission];
  return grants[role] ?? null;
}

/**
 * Whether `role` may do `permission`; for 'own'-scoped grants pass whether the member owns the account.
 * Without `ownsResource`, an 'own' grant counts as allowed (e.g. to show a button on one's own list).
 */
export function can(role: Role, permission: Permission, ownsResource?: boolean): boolean {
  const scope = scopeOf(role, permission);
  if (scope === 'all') return true;
  if (scope === 'own') return ownsResource !== false;
  return false;
}

/** The permission table as Markdown (docs/permissions.md is this, checked by a test). */
export function permissionsMarkdownTable(): string {
  const cell = (scope: Scope | null) => (scope === 'all' ? 'yes' : scope === 'own' ? 'own accounts' : '—');
  const header = `| permission | what it allows | ${ROLES.join(' | ')} |\n|---|---|${ROLES.map(() => '---').join('|')}|`;
  const rows = (Object.keys(PERMISSIONS) as Permission[]).map(
    (permission) =>
      `| \`${permission}\` | ${PERMISSION_DESCRIPTIONS[permission]} | ${ROLES.map((role) => cell(scopeOf(role, permission))).join(' | ')} |`,
  );
  return [header, ...rows].join('\n');
}
