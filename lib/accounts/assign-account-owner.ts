import { z } from 'zod';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { Tx } from '@/lib/db/tenant';
import { notFoundError } from '@/lib/errors';
import { accountIdSchema, accountVersionSchema } from './account-fields';
import { assertOwnerIsMember, findAccountSnapshot, staleVersionError } from './account-records';

export const assignAccountOwnerInputSchema = z.object({
  accountId: accountIdSchema,
  version: accountVersionSchema,
  /** A member of the organisation, or empty / null for "unassigned". */
  ownerUserId: z.preprocess((value) => (value === '' ? null : value), z.uuid('Choose one from the list.').nullable()),
});
export type AssignAccountOwnerInput = z.output<typeof assignAccountOwnerInputSchema>;

/** (Re)assigns an account's owner (ADMIN, LEADER); the owner must be a member of the organisation. */
export async function assignAccountOwner(
  tx: Tx,
  context: { organizationId: string; actorUserId: string },
  input: AssignAccountOwnerInput,
): Promise<{ version: number }> {
  const { organizationId } = context;
  const before = await findAccountSnapshot(tx, organizationId, input.accountId);
  if (!before) throw notFoundError();
  if (before.version !== input.version) throw staleVersionError(before.version);
  await assertOwnerIsMember(tx, organizationId, input.ownerUserId);
  if (before.ownerUserId === input.ownerUserId) return { version: before.version };
  const { count } = await tx.account.updateMany({
    where: { organizationId, id: input.accountId, version: input.version },
    data: { ownerUserId: input.ownerUserId, version: { increment: 1 } },
  });
  if (count === 0) throw staleVersionError((await findAccountSnapshot(tx, organizationId, input.accountId))?.version ?? input.version);
  const after = (await findAccountSnapshot(tx, organizationId, input.accountId))!;
  await recordAuditEvent(tx, {
    organizationId,
    actorUserId: context.actorUserId,
    action: 'account.owner_assigned',
    entityType: 'account',
    entityId: input.accountId,
    before: { ...before },
    after: { ...after },
  });
  return { version: after.version };
}
