import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { PrismaClient } from '@/lib/db/create-prisma-client';
import { setTenant, withUser } from '@/lib/db/tenant';
import type { Prisma } from '@/lib/generated/prisma/client';

export type SecurityAction = 'auth.sign_in' | 'auth.sign_in_failed' | 'auth.locked_out';

/**
 * Writes a security event about a user into the audit log of every organisation they belong to (each
 * organisation's admins see what happened to their members), in one transaction. Users without a membership
 * leave no trace; unknown emails never get here.
 */
export async function recordSecurityEvent(
  prisma: PrismaClient,
  userId: string,
  action: SecurityAction,
  after: Prisma.InputJsonObject,
): Promise<void> {
  await withUser(prisma, userId, async (tx) => {
    const memberships = await tx.membership.findMany({ where: { userId }, select: { organizationId: true } });
    for (const { organizationId } of memberships) {
      await setTenant(tx, organizationId);
      await recordAuditEvent(tx, { organizationId, actorUserId: userId, action, entityType: 'user', entityId: userId, after });
    }
  });
}
