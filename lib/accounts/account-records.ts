import type { Tx } from '@/lib/db/tenant';
import { Prisma } from '@/lib/generated/prisma/client';
import { AppError } from '@/lib/errors';
import type { AccountSnapshot } from './account-fields';

/** Helpers the account use cases share: the audited snapshot, reference checks and the error messages. */

const SNAPSHOT_SELECT = {
  name: true,
  externalId: true,
  segmentId: true,
  journeyStageId: true,
  ownerUserId: true,
  arr: true,
  renewalDate: true,
  archivedAt: true,
  version: true,
} as const;

/** The account as audit events record it, or null when this organisation has no such account. */
export async function findAccountSnapshot(tx: Tx, organizationId: string, accountId: string): Promise<AccountSnapshot | null> {
  const account = await tx.account.findFirst({ where: { organizationId, id: accountId }, select: SNAPSHOT_SELECT });
  if (!account) return null;
  return {
    ...account,
    arr: account.arr === null ? null : account.arr.toFixed(2),
    renewalDate: account.renewalDate ? account.renewalDate.toISOString().slice(0, 10) : null,
    archivedAt: account.archivedAt ? account.archivedAt.toISOString() : null,
  };
}

export function staleVersionError(current: number): AppError {
  return new AppError(
    'CONFLICT',
    `Someone else changed this account while you were editing it (it is now at version ${current}). ` +
      'Nothing was saved: reload to see their changes, then make yours again.',
  );
}

/** A segment and stage must belong to the organisation; a retired one only stays if the account already has it. */
export async function assertAccountReferences(
  tx: Tx,
  organizationId: string,
  wanted: { segmentId: string | null; journeyStageId: string | null },
  current?: { segmentId: string | null; journeyStageId: string | null },
): Promise<void> {
  const fieldErrors: Record<string, string[]> = {};
  if (wanted.segmentId && wanted.segmentId !== current?.segmentId) {
    const segment = await tx.segment.findFirst({ where: { organizationId, id: wanted.segmentId, retiredAt: null }, select: { id: true } });
    if (!segment) fieldErrors.segmentId = ['Choose one of the organisation’s segments.'];
  }
  if (wanted.journeyStageId && wanted.journeyStageId !== current?.journeyStageId) {
    const stage = await tx.journeyStage.findFirst({
      where: { organizationId, id: wanted.journeyStageId, retiredAt: null },
      select: { id: true },
    });
    if (!stage) fieldErrors.journeyStageId = ['Choose one of the organisation’s journey stages.'];
  }
  if (Object.keys(fieldErrors).length > 0) throw new AppError('VALIDATION', 'Please correct the highlighted fields.', fieldErrors);
}

export async function assertExternalIdFree(tx: Tx, organizationId: string, externalId: string | null, accountId?: string): Promise<void> {
  if (!externalId) return;
  const other = await tx.account.findFirst({
    where: { organizationId, externalId, ...(accountId ? { NOT: { id: accountId } } : {}) },
    select: { name: true },
  });
  if (other) throw duplicateExternalIdError(other.name);
}

function duplicateExternalIdError(otherName?: string): AppError {
  return new AppError('VALIDATION', 'Please correct the highlighted fields.', {
    externalId: [otherName ? `“${otherName}” already has this external id.` : 'Another account already has this external id.'],
  });
}

/** A unique violation that slipped between our check and the write (two admins at once) reads like the check. */
export function mapUniqueViolation(error: unknown): unknown {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return duplicateExternalIdError();
  return error;
}

export async function assertOwnerIsMember(tx: Tx, organizationId: string, ownerUserId: string | null): Promise<void> {
  if (!ownerUserId) return;
  const membership = await tx.membership.findFirst({ where: { organizationId, userId: ownerUserId }, select: { userId: true } });
  if (!membership) {
    throw new AppError('VALIDATION', 'Please correct the highlighted fields.', {
      ownerUserId: ['The owner must be a member of this organisation.'],
    });
  }
}
