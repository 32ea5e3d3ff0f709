import type { PrismaClient } from '@/lib/db/create-prisma-client';
import { withTenant } from '@/lib/db/tenant';
import { requireActorPermission, type OrganizationActor } from '@/lib/tenancy/require-actor-permission';

export interface TaxonomyEntryRow {
  id: string;
  name: string;
  retired: boolean;
  version: number;
  /** Accounts (archived ones included: they keep it too) that have this segment or stage. */
  accounts: number;
}
export interface SegmentRow extends TaxonomyEntryRow {
  tier: number;
}
export interface StageRow extends TaxonomyEntryRow {
  position: number;
}

/** The organisation's segments (by tier, name) and journey stages (in order), with how many accounts use each (admins). */
export async function listTaxonomy(prisma: PrismaClient, actor: OrganizationActor): Promise<{ segments: SegmentRow[]; stages: StageRow[] }> {
  const { organizationId } = actor;
  return withTenant(prisma, { organizationId, userId: actor.userId }, async (tx) => {
    await requireActorPermission(tx, actor, 'settings.read');
    const select = { id: true, name: true, retiredAt: true, version: true, _count: { select: { accounts: true } } } as const;
    const [segments, stages] = [
      await tx.segment.findMany({ where: { organizationId }, select: { ...select, tier: true }, orderBy: [{ tier: 'asc' }, { name: 'asc' }] }),
      await tx.journeyStage.findMany({ where: { organizationId }, select: { ...select, position: true }, orderBy: [{ position: 'asc' }, { name: 'asc' }] }),
    ];
    const row = (entry: { id: string; name: string; retiredAt: Date | null; version: number; _count: { accounts: number } }) => ({
      id: entry.id,
      name: entry.name,
      retired: entry.retiredAt !== null,
      version: entry.version,
      accounts: entry._count.accounts,
    });
    return {
      segments: segments.map((segment) => ({ ...row(segment), tier: segment.tier })),
      // Shown as 1…n in order, whatever gaps the stored positions have.
      stages: stages.map((stage, index) => ({ ...row(stage), position: index + 1 })),
    };
  });
}
