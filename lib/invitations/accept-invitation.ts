import { z } from 'zod';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { hashPassword } from '@/lib/auth/password';
import { passwordPolicySchema } from '@/lib/auth/password-policy';
import type { PrismaClient } from '@/lib/db/create-prisma-client';
import { setTenant, withInvitationToken, type Tx } from '@/lib/db/tenant';
import { AppError } from '@/lib/errors';
import type { Role } from '@/lib/generated/prisma/enums';
import { INVITATION_UNAVAILABLE_MESSAGES, invitationStatus, type InvitationStatus } from './invitation-status';
import { hashInvitationToken, isWellFormedInvitationToken } from './invitation-token';

/** A new user's details; the email is the invitation's and the password follows the sign-up policy. */
export const newInvitedUserSchema = passwordPolicySchema.safeExtend({
  name: z.string({ error: 'Enter your name.' }).trim().min(1, 'Enter your name.').max(100, 'Use at most 100 characters.'),
});

export interface AcceptInvitationInput {
  /** The token from the link, as received (validated here). */
  token: unknown;
  /** The signed-in user, if any: they accept as themselves and must be the invited email. */
  user: { id: string; email: string } | null;
  /** Without a signed-in user: { name, password } for the new account. */
  newUser?: unknown;
}

export interface AcceptedInvitation {
  userId: string;
  organizationId: string;
  slug: string;
  role: Role;
  /** True when accepting created the user. */
  createdUser: boolean;
}

export const invalidInvitationError = () => new AppError('NOT_FOUND', INVITATION_UNAVAILABLE_MESSAGES.invalid);
const unavailableError = (status: Exclude<InvitationStatus, 'pending'>) =>
  new AppError('CONFLICT', INVITATION_UNAVAILABLE_MESSAGES[status]);
const signInFirstError = (email: string) =>
  new AppError('UNAUTHENTICATED', `An account with ${email} already exists. Sign in as ${email} to accept this invitation.`);

/**
 * Accepts an invitation, in one transaction: the user (when new), their membership with the invited role, the
 * invitation marked accepted and an 'invitation.accepted' audit event — all or nothing.
 *
 * The invitation is found by its token hash (withInvitationToken), then the transaction switches to its
 * organisation (setTenant) to write. Claiming it is a guarded update
 * (… WHERE accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()) made before anything else is
 * written: of two concurrent accepts, the second waits for the first's row lock and then updates nothing, so
 * exactly one membership results. The email is fixed by the invitation: a signed-in user must be that email;
 * without a session, an email that already has an account must sign in first.
 */
export async function acceptInvitation(
  prisma: PrismaClient,
  input: AcceptInvitationInput,
  options: { now?: Date } = {},
): Promise<AcceptedInvitation> {
  if (!isWellFormedInvitationToken(input.token)) throw invalidInvitationError();
  const tokenHash = hashInvitationToken(input.token);

  return withInvitationToken(prisma, tokenHash, async (tx) => {
    const invitation = await findByToken(tx, tokenHash);
    if (!invitation) throw invalidInvitationError();
    const status = invitationStatus(invitation, options.now);
    if (status !== 'pending') throw unavailableError(status);
    const { organizationId, email, role } = invitation;
    await setTenant(tx, organizationId);
    const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true, slug: true } });

    let existingUserId: string | null = null;
    let newUser: { name: string; passwordHash: string } | null = null;
    if (input.user) {
      if (input.user.email.trim().toLowerCase() !== email) {
        throw new AppError(
          'FORBIDDEN',
          `This invitation is for ${email}, but you are signed in as ${input.user.email}. Sign out, then open the link again.`,
        );
      }
      existingUserId = input.user.id;
      const member = await tx.membership.findUnique({
        where: { organizationId_userId: { organizationId, userId: existingUserId } },
        select: { role: true },
      });
      if (member) throw new AppError('CONFLICT', `You are already a member of ${organization.name}.`);
    } else {
      if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw signInFirstError(email);
      const raw = typeof input.newUser === 'object' && input.newUser !== null ? input.newUser : {};
      const parsed = newInvitedUserSchema.safeParse({ ...raw, email });
      if (!parsed.success) {
        const { fieldErrors } = z.flattenError(parsed.error);
        throw new AppError('VALIDATION', 'Please correct the highlighted fields.', fieldErrors as Record<string, string[]>);
      }
      newUser = { name: parsed.data.name, passwordHash: await hashPassword(parsed.data.password) };
    }

    // The claim comes first: it takes the row lock that serialises concurrent accepts (and revokes).
    const claimed = await tx.$executeRaw`
      UPDATE invitation SET accepted_at = now()
       WHERE organization_id = ${organizationId}::uuid AND id = ${invitation.id}::uuid
         AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()`;
    if (claimed !== 1) {
      const current = await findByToken(tx, tokenHash);
      const now = current ? invitationStatus(current, options.now) : 'revoked';
      throw unavailableError(now === 'pending' ? 'expired' : now);
    }

    let userId: string;
    if (newUser) {
      try {
        ({ id: userId } = await tx.user.create({ data: { email, ...newUser }, select: { id: true } }));
      } catch (error) {
        if (isUniqueViolation(error)) throw signInFirstError(email);
        throw error;
      }
    } else {
      userId = existingUserId!;
    }
    try {
      await tx.membership.create({ data: { organizationId, userId, role }, select: { role: true } });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('CONFLICT', `You are already a member of ${organization.name}.`);
      throw error;
    }
    await tx.invitation.update({
      where: { organizationId_id: { organizationId, id: invitation.id } },
      data: { acceptedByUserId: userId },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      organizationId,
      actorUserId: userId,
      action: 'invitation.accepted',
      entityType: 'invitation',
      entityId: invitation.id,
      before: { email, role, status: 'pending' },
      after: { email, role, status: 'accepted', userId, newUser: newUser !== null },
    });
    return { userId, organizationId, slug: organization.slug, role, createdUser: newUser !== null };
  });
}

function findByToken(tx: Tx, tokenHash: string) {
  return tx.invitation.findFirst({
    where: { tokenHash },
    select: { id: true, organizationId: true, email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true },
  });
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'P2002';
}
