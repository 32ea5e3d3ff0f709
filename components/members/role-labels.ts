import type { Role } from '@/lib/generated/prisma/enums';

export const ROLE_OPTIONS: readonly { value: Role; label: string; description: string }[] = [
  { value: 'CSM', label: 'CSM', description: 'Reads the organisation’s accounts; assesses the accounts they own.' },
  { value: 'LEADER', label: 'Leader', description: 'Reads every account, assessment and dashboard; assigns account owners.' },
  { value: 'ADMIN', label: 'Admin', description: 'Everything, including settings, members and the audit log.' },
];

export const ROLE_LABELS: Record<Role, string> = { ADMIN: 'Admin', LEADER: 'Leader', CSM: 'CSM' };
