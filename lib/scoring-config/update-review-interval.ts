import { z } from 'zod';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { PrismaClient } from '@/lib/db/create-prisma-client';
import { withTenant } from '@/lib/db/tenant';
import { requireActorPermission, type OrganizationActor } from '@/lib/tenancy/require-actor-permission';
import type { reviewIntervalInputSchema } from './scoring-config-input';

/**
 * Sets after how many days an assessment counts as stale (admins). Staleness is read at display time and changes
 * no score, so this is audited ('organization.review_interval_changed') but neither versioned nor re-scored.
 */
export async function updateReviewInterval(
  prisma: PrismaClient,
  actor: OrganizationActor,
  input: z.output<typeof reviewIntervalInputSchema>,
): Promise<{ changed: boolean; reviewIntervalDays: number }> {
  const { organizationId } = actor;
  return withTenant(prisma, { organizationId, userId: actor.userId }, async (tx) => {
    await requireActorPermission(tx, actor, 'settings.write');
    await tx.$executeRaw`SELECT 1 FROM organization WHERE id = ${organizationId}::uuid FOR UPDATE`;
    const before = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { reviewIntervalDays: true } });
    if (before.reviewIntervalDays === input.reviewIntervalDays) return { changed: false, reviewIntervalDays: input.reviewIntervalDays };
    await tx.organization.update({
      where: { id: organizationId },
      data: { reviewIntervalDays: input.reviewIntervalDays },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      organizationId,
      actorUserId: actor.userId,
      action: 'organization.review_interval_changed',
      entityType: 'organization',
      entityId: organizationId,
      before: { 'Review interval (days)': before.reviewIntervalDays },
      after: { 'Review interval (days)': input.reviewIntervalDays },
    });
    return { changed: true, reviewIntervalDays: input.reviewIntervalDays };
  });
}
