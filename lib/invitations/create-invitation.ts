import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { PrismaClient } from '@/lib/db/create-prisma-client';
import { withTenant } from '@/lib/db/tenant';
import { AppError } from '@/lib/errors';
import type { Role } from '@/lib/generated/prisma/enums';
import { requireActorPermission, type OrganizationActor } from '@/lib/tenancy/require-actor-permission';
import { invitationEmailSchema, roleSchema } from './invitation-input';
import { INVITATION_TTL_MS } from './invitation-status';
import { generateInvitationToken, hashInvitationToken } from './invitation-token';

export const createInvitationInputSchema = z.object({ email: invitationEmailSchema, role: roleSchema });
export type CreateInvitationInput = z.output<typeof createInvitationInputSchema>;

export interface IssuedInvitation {
  id: string;
  email: string;
  role: Role;
  expiresAt: Date;
  /** The secret for the link. Returned once, never stored: only its SHA-256 is. */
  token: string;
  /** Earlier pending invitations for the same email, revoked by this one. */
  supersededInvitationIds: string[];
}

export const alreadyMemberMessage = (email: string) => `${email} is already a member of this organisation.`;

/**
 * An admin invites an email with a role: a single-use link that works for INVITATION_TTL_DAYS.
 *
 * One pending invitation per email and organisation: inviting an email again revokes its earlier pending
 * invitation(s) (audited as 'invitation.revoked', reason 'superseded'), so an admin who lost a link simply
 * invites again and only the newest link works. Issuing for one address is serialised by a transaction-level
 * advisory lock, so two admins inviting the same email at once still leave exactly one pending invitation.
 * An email that already belongs to a member is refused (CONFLICT).
 */
export async function createInvitation(
  prisma: PrismaClient,
  actor: OrganizationActor,
  input: CreateInvitationInput,
  options: { now?: Date } = {},
): Promise<IssuedInvitation> {
  const now = options.now ?? new Date();
  const { organizationId } = actor;
  const email = input.email.trim().toLowerCase();
  const token = generateInvitationToken();
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);

  return withTenant(prisma, { organizationId, userId: actor.userId }, async (tx) => {
    await requireActorPermission(tx, actor, 'members.invite');
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`invitation:${organizationId}:${email}`}, 0))`;

    // Users are global (no RLS); the membership filter keeps this to the organisation.
    const member = await tx.membership.findFirst({ where: { organizationId, user: { email } }, select: { userId: true } });
    if (member) throw new AppError('CONFLICT', alreadyMemberMessage(email), { email: [alreadyMemberMessage(email)] });

    const earlier = await tx.invitation.findMany({
      where: { organizationId, email, acceptedAt: null, revokedAt: null },
      select: { id: true, role: true, expiresAt: true },
    });
    if (earlier.length > 0) {
      await tx.invitation.updateMany({
        where: { organizationId, id: { in: earlier.map((invitation) => invitation.id) }, acceptedAt: null, revokedAt: null },
        data: { revokedAt: now },
      });
      for (const invitation of earlier) {
        await recordAuditEvent(tx, {
          organizationId,
          actorUserId: actor.userId,
          action: 'invitation.revoked',
          entityType: 'invitation',
          entityId: invitation.id,
          before: { email, role: invitation.role, status: 'pending' },
          after: { email, role: invitation.role, status: 'revoked', reason: 'superseded', supersededBy: id },
        });
      }
    }

    await tx.invitation.create({
      data: {
        organizationId,
        id,
        email,
        role: input.role,
        tokenHash: hashInvitationToken(token),
        invitedByUserId: actor.userId,
        expiresAt,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      organizationId,
      actorUserId: actor.userId,
      action: 'invitation.issued',
      entityType: 'invitation',
      entityId: id,
      after: { email, role: input.role, expiresAt: expiresAt.toISOString() },
    });
    return { id, email, role: input.role, expiresAt, token, supersededInvitationIds: earlier.map((invitation) => invitation.id) };
  });
}
