import { z } from 'zod';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { PrismaClient } from '@/lib/db/create-prisma-client';
import { withTenant } from '@/lib/db/tenant';
import { AppError, notFoundError } from '@/lib/errors';
import type { Role } from '@/lib/generated/prisma/enums';
import { roleSchema } from '@/lib/invitations/invitation-input';
import { requireActorPermission, type OrganizationActor } from '@/lib/tenancy/require-actor-permission';
import { lastAdminMessage, lockAdminMemberships } from './lock-admins';
import { memberUserIdSchema } from './member-input';

export const changeMemberRoleInputSchema = z.object({ userId: memberUserIdSchema, role: roleSchema });
export type ChangeMemberRoleInput = z.output<typeof changeMemberRoleInputSchema>;

/**
 * Changes a member's role (admins), audited as 'member.role_changed' with the role before and after. The last
 * ADMIN cannot be demoted. Setting the role a member already has changes (and records) nothing.
 */
export async function changeMemberRole(
  prisma: PrismaClient,
  actor: OrganizationActor,
  input: ChangeMemberRoleInput,
): Promise<{ changed: boolean; role: Role }> {
  const { organizationId } = actor;
  return withTenant(prisma, { organizationId, userId: actor.userId }, async (tx) => {
    // Lock first, then check: an admin demoted a moment ago by a concurrent change is refused, not let through.
    const admins = await lockAdminMemberships(tx, organizationId);
    await requireActorPermission(tx, actor, 'members.manage');
    const member = await tx.membership.findUnique({
      where: { organizationId_userId: { organizationId, userId: input.userId } },
      select: { role: true, user: { select: { name: true, email: true } } },
    });
    if (!member) throw notFoundError();
    if (member.role === input.role) return { changed: false, role: member.role };
    if (member.role === 'ADMIN' && admins.length <= 1) throw new AppError('CONFLICT', lastAdminMessage(member.user.name));

    const { count } = await tx.membership.updateMany({
      where: { organizationId, userId: input.userId, role: member.role },
      data: { role: input.role },
    });
    if (count === 0) throw notFoundError();
    await recordAuditEvent(tx, {
      organizationId,
      actorUserId: actor.userId,
      action: 'member.role_changed',
      entityType: 'membership',
      entityId: input.userId,
      before: { email: member.user.email, role: member.role },
      after: { email: member.user.email, role: input.role },
    });
    return { changed: true, role: input.role };
  });
}
