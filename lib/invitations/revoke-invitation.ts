import { z } from 'zod';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { PrismaClient } from '@/lib/db/create-prisma-client';
import { withTenant } from '@/lib/db/tenant';
import { AppError, notFoundError } from '@/lib/errors';
import { requireActorPermission, type OrganizationActor } from '@/lib/tenancy/require-actor-permission';
import { invitationIdSchema } from './invitation-input';

export const revokeInvitationInputSchema = z.object({ invitationId: invitationIdSchema });
export type RevokeInvitationInput = z.output<typeof revokeInvitationInputSchema>;

const ALREADY_ACCEPTED = 'This invitation has already been accepted. Change the member’s role or remove them instead.';

/**
 * Revokes a pending invitation so its link stops working. Another organisation's invitation is not found (the
 * organisation is a condition of the query; RLS is the second line). Revoking a revoked invitation changes
 * nothing; an accepted one cannot be revoked. The guarded update means a revoke and an accept racing on the same
 * invitation cannot both succeed.
 */
export async function revokeInvitation(
  prisma: PrismaClient,
  actor: OrganizationActor,
  input: RevokeInvitationInput,
  options: { now?: Date } = {},
): Promise<{ revoked: boolean }> {
  const now = options.now ?? new Date();
  const { organizationId } = actor;
  return withTenant(prisma, { organizationId, userId: actor.userId }, async (tx) => {
    await requireActorPermission(tx, actor, 'members.invite');
    const invitation = await tx.invitation.findUnique({
      where: { organizationId_id: { organizationId, id: input.invitationId } },
      select: { id: true, email: true, role: true, acceptedAt: true, revokedAt: true },
    });
    if (!invitation) throw notFoundError();
    if (invitation.acceptedAt) throw new AppError('CONFLICT', ALREADY_ACCEPTED);
    if (invitation.revokedAt) return { revoked: false };

    const { count } = await tx.invitation.updateMany({
      where: { organizationId, id: invitation.id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    if (count === 0) throw new AppError('CONFLICT', ALREADY_ACCEPTED);
    await recordAuditEvent(tx, {
      organizationId,
      actorUserId: actor.userId,
      action: 'invitation.revoked',
      entityType: 'invitation',
      entityId: invitation.id,
      before: { email: invitation.email, role: invitation.role, status: 'pending' },
      after: { email: invitation.email, role: invitation.role, status: 'revoked' },
    });
    return { revoked: true };
  });
}
