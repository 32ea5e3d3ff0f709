import type { PrismaClient } from '@/lib/db/create-prisma-client';
import { withTenant } from '@/lib/db/tenant';
import type { Role } from '@/lib/generated/prisma/enums';
import { requireActorPermission, type OrganizationActor } from '@/lib/tenancy/require-actor-permission';

export interface PendingInvitationRow {
  id: string;
  email: string;
  role: Role;
  invitedBy: { name: string; email: string } | null;
  createdAt: Date;
  expiresAt: Date;
  /** Still pending but past its expiry: the link no longer works. */
  expired: boolean;
}

/** The organisation's invitations that are neither accepted nor revoked, newest first (admins). */
export async function listPendingInvitations(
  prisma: PrismaClient,
  actor: OrganizationActor,
  options: { now?: Date } = {},
): Promise<PendingInvitationRow[]> {
  const now = options.now ?? new Date();
  const rows = await withTenant(prisma, { organizationId: actor.organizationId, userId: actor.userId }, async (tx) => {
    await requireActorPermission(tx, actor, 'members.read');
    return tx.invitation.findMany({
      where: { organizationId: actor.organizationId, acceptedAt: null, revokedAt: null },
      select: {
        id: true,
        email: true,
        role: true,
        createdAt: true,
        expiresAt: true,
        invitedBy: { select: { name: true, email: true } },
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    });
  });
  return rows.map((row) => ({ ...row, expired: row.expiresAt.getTime() <= now.getTime() }));
}
