import type { PrismaClient } from '@/lib/db/create-prisma-client';
import { withTenant } from '@/lib/db/tenant';
import type { Role } from '@/lib/generated/prisma/enums';
import { requireActorPermission, type OrganizationActor } from '@/lib/tenancy/require-actor-permission';

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: Date;
  /** Accounts (archived included) this member owns; a member who owns any cannot be removed yet. */
  ownedAccounts: number;
}

/** The organisation's members, by name (admins). */
export async function listMembers(prisma: PrismaClient, actor: OrganizationActor): Promise<MemberRow[]> {
  const rows = await withTenant(prisma, { organizationId: actor.organizationId, userId: actor.userId }, async (tx) => {
    await requireActorPermission(tx, actor, 'members.read');
    return tx.membership.findMany({
      where: { organizationId: actor.organizationId },
      select: {
        userId: true,
        role: true,
        createdAt: true,
        user: { select: { name: true, email: true } },
        _count: { select: { ownedAccounts: true } },
      },
      orderBy: [{ user: { name: 'asc' } }, { user: { email: 'asc' } }],
    });
  });
  return rows.map((row) => ({
    userId: row.userId,
    name: row.user.name,
    email: row.user.email,
    role: row.role,
    joinedAt: row.createdAt,
    ownedAccounts: row._count.ownedAccounts,
  }));
}
