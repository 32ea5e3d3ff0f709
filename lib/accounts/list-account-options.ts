import type { Tx } from '@/lib/db/tenant';
import type { Role } from '@/lib/generated/prisma/enums';

export interface AccountOptions {
  segments: { id: string; name: string; retired: boolean }[];
  stages: { id: string; name: string; retired: boolean }[];
  members: { userId: string; name: string; email: string; role: Role }[];
}

/** The choices the list's filters offer: segments and journey stages (in order), without the members. */
export async function listAccountFilterOptions(tx: Tx, organizationId: string): Promise<Pick<AccountOptions, 'segments' | 'stages'>> {
  const [segments, stages] = await Promise.all([
    tx.segment.findMany({
      where: { organizationId },
      select: { id: true, name: true, retiredAt: true },
      orderBy: [{ tier: 'asc' }, { name: 'asc' }],
    }),
    tx.journeyStage.findMany({
      where: { organizationId },
      select: { id: true, name: true, retiredAt: true },
      orderBy: [{ position: 'asc' }, { name: 'asc' }],
    }),
  ]);
  return {
    segments: segments.map(({ id, name, retiredAt }) => ({ id, name, retired: retiredAt !== null })),
    stages: stages.map(({ id, name, retiredAt }) => ({ id, name, retired: retiredAt !== null })),
  };
}

/** The choices for account filters and forms: segments, journey stages (in order) and members of the organisation. */
export async function listAccountOptions(tx: Tx, organizationId: string): Promise<AccountOptions> {
  const [lookups, members] = await Promise.all([
    listAccountFilterOptions(tx, organizationId),
    tx.membership.findMany({
      where: { organizationId },
      select: { userId: true, role: true, user: { select: { name: true, email: true } } },
      orderBy: { user: { name: 'asc' } },
    }),
  ]);
  return { ...lookups, members: members.map(({ userId, role, user }) => ({ userId, role, name: user.name, email: user.email })) };
}
