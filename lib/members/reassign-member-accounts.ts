import { z } from 'zod';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { PrismaClient } from '@/lib/db/create-prisma-client';
import { withTenant } from '@/lib/db/tenant';
import { AppError, notFoundError } from '@/lib/errors';
import { requireActorPermission, type OrganizationActor } from '@/lib/tenancy/require-actor-permission';
import { memberUserIdSchema } from './member-input';

export const reassignMemberAccountsInputSchema = z
  .object({
    fromUserId: memberUserIdSchema,
    /** Another member, or empty / null for "unassigned". */
    toUserId: z.preprocess((value) => (value === '' ? null : value), z.uuid('Choose a member, or “Unassigned”.').nullable()),
  })
  .refine((input) => input.fromUserId !== input.toUserId, { path: ['toUserId'], message: 'Choose someone other than the current owner.' });
export type ReassignMemberAccountsInput = z.output<typeof reassignMemberAccountsInputSchema>;

/**
 * Moves every account a member owns (archived ones too: they also hold the membership) to another member or to
 * nobody, in one statement in one transaction (admins), so the member can then be removed. Each account's version
 * is bumped, so an edit open on a stale page is refused rather than undoing the move. Audited as one
 * 'accounts.owner_reassigned' event listing the accounts moved, with the owner before and after.
 */
export async function reassignMemberAccounts(
  prisma: PrismaClient,
  actor: OrganizationActor,
  input: ReassignMemberAccountsInput,
): Promise<{ moved: number }> {
  const { organizationId } = actor;
  return withTenant(prisma, { organizationId, userId: actor.userId }, async (tx) => {
    await requireActorPermission(tx, actor, 'members.manage');
    const people = await tx.membership.findMany({
      where: { organizationId, userId: { in: [input.fromUserId, ...(input.toUserId ? [input.toUserId] : [])] } },
      select: { userId: true, user: { select: { name: true, email: true } } },
    });
    const from = people.find((person) => person.userId === input.fromUserId);
    if (!from) throw notFoundError();
    const to = input.toUserId ? people.find((person) => person.userId === input.toUserId) : null;
    if (input.toUserId && !to) {
      throw new AppError('VALIDATION', 'Please correct the highlighted fields.', { toUserId: ['Choose a current member of this organisation.'] });
    }

    const moved = await tx.$queryRaw<{ id: string; name: string }[]>`
      UPDATE account SET owner_user_id = ${input.toUserId}::uuid, version = version + 1, updated_at = now()
       WHERE organization_id = ${organizationId}::uuid AND owner_user_id = ${input.fromUserId}::uuid
      RETURNING id::text AS id, name`;
    if (moved.length === 0) return { moved: 0 };
    moved.sort((a, b) => a.name.localeCompare(b.name));
    const owner = (person: typeof from | null | undefined) =>
      person ? { ownerUserId: person.userId, ownerName: person.user.name, ownerEmail: person.user.email } : { ownerUserId: null };
    await recordAuditEvent(tx, {
      organizationId,
      actorUserId: actor.userId,
      action: 'accounts.owner_reassigned',
      entityType: 'membership',
      entityId: input.fromUserId,
      before: { ...owner(from), accounts: moved.length, accountIds: moved.map((account) => account.id) },
      after: { ...owner(to), accounts: moved.length, accountIds: moved.map((account) => account.id) },
    });
    return { moved: moved.length };
  });
}
