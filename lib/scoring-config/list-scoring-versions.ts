import type { PrismaClient } from '@/lib/db/create-prisma-client';
import { withTenant } from '@/lib/db/tenant';
import { requireActorPermission, type OrganizationActor } from '@/lib/tenancy/require-actor-permission';
import { configurationEntries } from './audit-snapshot';
import { readComponentNumbers, readTargetsSnapshot, readThresholds } from './configuration-snapshot';

export interface ScoringVersionChange {
  label: string;
  /** null: not set in the previous version (e.g. a new segment override). */
  before: number | null;
  /** null: removed in this version (e.g. an override that now inherits the default). */
  after: number | null;
}

export interface ScoringVersionSummary {
  version: number;
  createdAt: Date;
  reason: string | null;
  /** null when the author's account was deleted. */
  authorName: string | null;
  /** Settings that differ from the previous version (every setting for version 1). */
  changes: ScoringVersionChange[];
  /** The version in force now (it cannot be restored: it is already current). */
  isLatest: boolean;
}

/** Every configuration version, newest first, each with its side-by-side diff against the previous one (admins). */
export async function listScoringVersions(prisma: PrismaClient, actor: OrganizationActor): Promise<ScoringVersionSummary[]> {
  return withTenant(prisma, { organizationId: actor.organizationId, userId: actor.userId }, async (tx) => {
    await requireActorPermission(tx, actor, 'settings.read');
    const rows = await tx.weightConfig.findMany({
      where: { organizationId: actor.organizationId },
      orderBy: { version: 'asc' },
      select: {
        version: true, createdAt: true, reason: true, weights: true, targets: true, thresholds: true,
        createdBy: { select: { name: true } },
      },
    });
    const segments = await tx.segment.findMany({ where: { organizationId: actor.organizationId }, select: { id: true, name: true } });
    const names = new Map(segments.map((s) => [s.id, s.name]));
    let previous: Map<string, number> | null = null;
    const summaries: ScoringVersionSummary[] = [];
    for (const row of rows) {
      const entries = new Map(
        configurationEntries(
          { weights: readComponentNumbers(row.weights), targets: readTargetsSnapshot(row.targets), thresholds: readThresholds(row.thresholds) },
          names,
        ),
      );
      summaries.push({
        version: row.version,
        createdAt: row.createdAt,
        reason: row.reason,
        authorName: row.createdBy?.name ?? null,
        changes: diffEntries(previous, entries),
        isLatest: row === rows.at(-1),
      });
      previous = entries;
    }
    return summaries.reverse();
  });
}

function diffEntries(before: Map<string, number> | null, after: Map<string, number>): ScoringVersionChange[] {
  if (before === null) return [...after].map(([label, value]) => ({ label, before: null, after: value }));
  const changes: ScoringVersionChange[] = [];
  for (const [label, value] of after) {
    if (before.get(label) !== value) changes.push({ label, before: before.get(label) ?? null, after: value });
  }
  for (const [label, value] of before) if (!after.has(label)) changes.push({ label, before: value, after: null });
  return changes;
}
