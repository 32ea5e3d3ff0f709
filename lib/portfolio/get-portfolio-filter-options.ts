import type { Tx } from '@/lib/db/tenant';

export interface PortfolioFilterOptions {
  segments: { id: string; name: string }[];
  stages: { id: string; name: string }[];
  owners: { id: string; name: string }[];
}

/** Choices for the filter bar: segments and stages in order, and (unless the viewer sees only their own book) members who own accounts or are CSMs. */
export async function getPortfolioFilterOptions(tx: Tx, organizationId: string, ownOnly: boolean): Promise<PortfolioFilterOptions> {
  const [segments, stages, owners] = await Promise.all([
    tx.segment.findMany({ where: { organizationId }, select: { id: true, name: true }, orderBy: [{ tier: 'asc' }, { name: 'asc' }] }),
    tx.journeyStage.findMany({ where: { organizationId }, select: { id: true, name: true }, orderBy: [{ position: 'asc' }, { name: 'asc' }] }),
    ownOnly
      ? Promise.resolve([])
      : tx.membership.findMany({
          where: { organizationId, OR: [{ role: 'CSM' }, { ownedAccounts: { some: {} } }] },
          select: { userId: true, user: { select: { name: true } } },
          orderBy: { user: { name: 'asc' } },
        }),
  ]);
  return { segments, stages, owners: owners.map((m) => ({ id: m.userId, name: m.user.name })) };
}
