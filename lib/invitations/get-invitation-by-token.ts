import type { PrismaClient } from '@/lib/db/create-prisma-client';
import { setTenant, withInvitationToken } from '@/lib/db/tenant';
import type { Role } from '@/lib/generated/prisma/enums';
import { invitationStatus, type InvitationStatus } from './invitation-status';
import { hashInvitationToken, isWellFormedInvitationToken } from './invitation-token';

export interface InvitationDetails {
  id: string;
  email: string;
  role: Role;
  expiresAt: Date;
  organization: { id: string; name: string; slug: string };
  invitedByName: string | null;
  /** Whether a user with the invited email exists (they sign in to accept rather than create an account). */
  accountExists: boolean;
}

export type InvitationLookup = { status: 'invalid' } | { status: InvitationStatus; invitation: InvitationDetails };

/**
 * What the link /invite/<token> points at, for its page. Before the organisation is known, row-level security
 * shows only the invitation whose token hash matches (withInvitationToken); its organisation is then set to read
 * the organisation's name. Unknown and tampered tokens are both 'invalid'.
 */
export async function getInvitationByToken(
  prisma: PrismaClient,
  token: unknown,
  options: { now?: Date } = {},
): Promise<InvitationLookup> {
  if (!isWellFormedInvitationToken(token)) return { status: 'invalid' };
  const tokenHash = hashInvitationToken(token);
  return withInvitationToken(prisma, tokenHash, async (tx) => {
    const invitation = await tx.invitation.findFirst({
      where: { tokenHash },
      select: {
        id: true,
        organizationId: true,
        email: true,
        role: true,
        expiresAt: true,
        acceptedAt: true,
        revokedAt: true,
        invitedBy: { select: { name: true } },
      },
    });
    if (!invitation) return { status: 'invalid' };
    await setTenant(tx, invitation.organizationId);
    const organization = await tx.organization.findUniqueOrThrow({
      where: { id: invitation.organizationId },
      select: { id: true, name: true, slug: true },
    });
    const account = await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
    return {
      status: invitationStatus(invitation, options.now),
      invitation: {
        id: invitation.id,
        email: invitation.email,
        role: invitation.role,
        expiresAt: invitation.expiresAt,
        organization,
        invitedByName: invitation.invitedBy?.name ?? null,
        accountExists: account !== null,
      },
    };
  });
}
