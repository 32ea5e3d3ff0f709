import { z } from 'zod';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { PrismaClient } from '@/lib/db/create-prisma-client';
import { withTenant } from '@/lib/db/tenant';
import { AppError, notFoundError } from '@/lib/errors';
import { requireActorPermission, type OrganizationActor } from '@/lib/tenancy/require-actor-permission';
import { lastAdminMessage, lockAdminMemberships } from './lock-admins';
import { memberUserIdSchema } from './member-input';

export const removeMemberInputSchema = z.object({ userId: memberUserIdSchema });
export type RemoveMemberInput = z.output<typeof removeMemberInputSchema>;

export const ownsAccountsMessage = (name: string, count: number) =>
  `${name} owns ${count} account${count === 1 ? '' : 's'}. Assign ${count === 1 ? 'it' : 'them'} to another member before removing ${name}.`;

/**
 * Removes a member from the organisation (admins), audited as 'member.removed'. The user, and what they
 * authored, stay. Refused while they own accounts (accounts reference their membership; reassignMemberAccounts
 * moves them all at once) and for the last ADMIN.
 */
export async function removeMember(
  prisma: PrismaClient,
  actor: OrganizationActor,
  input: RemoveMemberInput,
): Promise<{ removed: true }> {
  const { organizationId } = actor;
  return withTenant(prisma, { organizationId, userId: actor.userId }, async (tx) => {
    // Lock first, then check: an admin demoted a moment ago by a concurrent change is refused, not let through.
    const admins = await lockAdminMemberships(tx, organizationId);
    await requireActorPermission(tx, actor, 'members.manage');
    const member = await tx.membership.findUnique({
      where: { organizationId_userId: { organizationId, userId: input.userId } },
      select: { role: true, createdAt: true, user: { select: { name: true, email: true } } },
    });
    if (!member) throw notFoundError();
    const { name, email } = member.user;
    if (member.role === 'ADMIN' && admins.length <= 1) throw new AppError('CONFLICT', lastAdminMessage(name));

    const owned = await tx.account.count({ where: { organizationId, ownerUserId: input.userId } });
    if (owned > 0) throw new AppError('CONFLICT', ownsAccountsMessage(name, owned));

    try {
      const { count } = await tx.membership.deleteMany({ where: { organizationId, userId: input.userId } });
      if (count === 0) throw notFoundError();
    } catch (error) {
      // An account assigned to them a moment ago: the foreign key refuses the delete.
      if (isForeignKeyViolation(error)) throw new AppError('CONFLICT', ownsAccountsMessage(name, 1));
      throw error;
    }
    await recordAuditEvent(tx, {
      organizationId,
      actorUserId: actor.userId,
      action: 'member.removed',
      entityType: 'membership',
      entityId: input.userId,
      before: { name, email, role: member.role, joinedAt: member.createdAt.toISOString() },
    });
    return { removed: true };
  });
}

function isForeignKeyViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = 'code' in error ? error.code : undefined;
  return code === 'P2003' || (error instanceof Error && /foreign key/i.test(error.message));
}
