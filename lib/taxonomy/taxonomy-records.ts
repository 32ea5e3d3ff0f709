import type { Tx } from '@/lib/db/tenant';
import { AppError, notFoundError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import type { TaxonomyKind } from './taxonomy-input';

/** Helpers the segment and journey-stage use cases share: the lock, the audited snapshot, name checks, messages. */

export const KIND_LABEL: Record<TaxonomyKind, string> = { segment: 'segment', stage: 'journey stage' };
export const ENTITY_TYPE: Record<TaxonomyKind, string> = { segment: 'segment', stage: 'journey_stage' };

/** The state of a segment or stage as audit events record it (before / after). */
export interface TaxonomySnapshot {
  name: string;
  /** Segments only. */
  tier?: number;
  /** Stages only. */
  position?: number;
  retiredAt: string | null;
  version: number;
}

/**
 * Serialises every change to the organisation's segments and stages: the case-insensitive name check and the
 * stage order are read-then-write, and two admins at once must not both pass the check (the unique index is
 * only case-sensitive).
 */
export async function lockTaxonomy(tx: Tx, organizationId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`taxonomy:${organizationId}`}, 0))`;
}

export async function findTaxonomySnapshot(tx: Tx, organizationId: string, kind: TaxonomyKind, id: string): Promise<TaxonomySnapshot | null> {
  if (kind === 'segment') {
    const row = await tx.segment.findFirst({ where: { organizationId, id }, select: { name: true, tier: true, retiredAt: true, version: true } });
    return row ? { ...row, retiredAt: row.retiredAt?.toISOString() ?? null } : null;
  }
  const row = await tx.journeyStage.findFirst({ where: { organizationId, id }, select: { name: true, position: true, retiredAt: true, version: true } });
  return row ? { ...row, retiredAt: row.retiredAt?.toISOString() ?? null } : null;
}

/**
 * The prologue of every edit of an existing entry: takes the taxonomy lock, then reads the entry as the admin's
 * page saw it — NOT_FOUND when it is missing or another organisation's, CONFLICT when it changed since.
 */
export async function lockEntryForEdit(
  tx: Tx,
  organizationId: string,
  kind: TaxonomyKind,
  id: string,
  expectedVersion: number,
): Promise<TaxonomySnapshot> {
  await lockTaxonomy(tx, organizationId);
  const entry = await findTaxonomySnapshot(tx, organizationId, kind, id);
  if (!entry) throw notFoundError();
  if (entry.version !== expectedVersion) throw staleTaxonomyError(kind, entry.name);
  return entry;
}

/** Names are unique per organisation regardless of case ("Enterprise" and "enterprise" are one segment). */
export async function assertTaxonomyNameFree(tx: Tx, organizationId: string, kind: TaxonomyKind, name: string, exceptId?: string): Promise<void> {
  const where = { organizationId, name: { equals: name, mode: 'insensitive' as const }, ...(exceptId ? { NOT: { id: exceptId } } : {}) };
  const select = { name: true, retiredAt: true } as const;
  const other = kind === 'segment' ? await tx.segment.findFirst({ where, select }) : await tx.journeyStage.findFirst({ where, select });
  if (other) throw duplicateNameError(kind, other.name, other.retiredAt !== null);
}

export function duplicateNameError(kind: TaxonomyKind, existingName: string, retired = false): AppError {
  const hint = retired ? ` It is retired: restore it instead of adding it again.` : '';
  return new AppError('VALIDATION', 'Please correct the highlighted fields.', {
    name: [`There is already a ${KIND_LABEL[kind]} named “${existingName}”.${hint}`],
  });
}

/** A unique violation that slipped past the check still reads like the check. */
export function mapTaxonomyUniqueViolation(kind: TaxonomyKind, name: string, error: unknown): unknown {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return duplicateNameError(kind, name);
  return error;
}

export function staleTaxonomyError(kind: TaxonomyKind, name: string): AppError {
  return new AppError(
    'CONFLICT',
    `Someone else changed the ${KIND_LABEL[kind]} “${name}” while you were looking at it. Nothing was saved: reload the page and try again.`,
  );
}

/**
 * Makes stage positions 1…n in their current order (seeded or imported data may have gaps or ties), so "the
 * place in the journey" an admin sees is exactly the stored position.
 */
export async function renumberStages(tx: Tx, organizationId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE journey_stage s SET position = o.rank
      FROM (SELECT id, row_number() OVER (ORDER BY position, name, id)::int AS rank
              FROM journey_stage WHERE organization_id = ${organizationId}::uuid) o
     WHERE s.organization_id = ${organizationId}::uuid AND s.id = o.id AND s.position <> o.rank`;
}
