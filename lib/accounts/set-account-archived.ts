import { z } from 'zod';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { Tx } from '@/lib/db/tenant';
import { notFoundError } from '@/lib/errors';
import { accountIdSchema, accountVersionSchema } from './account-fields';
import { findAccountSnapshot, staleVersionError } from './account-records';

export const setAccountArchivedInputSchema = z.object({
  accountId: accountIdSchema,
  version: accountVersionSchema,
  archived: z.preprocess((value) => (value === 'true' ? true : value === 'false' ? false : value), z.boolean('Say whether to archive or restore.')),
});
export type SetAccountArchivedInput = z.output<typeof setAccountArchivedInputSchema>;

/**
 * Archives an account (ADMIN), or restores an archived one. Archived accounts leave the list and the portfolio but
 * keep their history. Same optimistic concurrency as an edit.
 */
export async function setAccountArchived(
  tx: Tx,
  context: { organizationId: string; actorUserId: string },
  input: SetAccountArchivedInput,
): Promise<{ version: number }> {
  const { organizationId } = context;
  const before = await findAccountSnapshot(tx, organizationId, input.accountId);
  if (!before) throw notFoundError();
  if (before.version !== input.version) throw staleVersionError(before.version);
  if ((before.archivedAt !== null) === input.archived) return { version: before.version };
  const { count } = await tx.account.updateMany({
    where: { organizationId, id: input.accountId, version: input.version },
    data: { archivedAt: input.archived ? new Date() : null, version: { increment: 1 } },
  });
  if (count === 0) throw staleVersionError((await findAccountSnapshot(tx, organizationId, input.accountId))?.version ?? input.version);
  const after = (await findAccountSnapshot(tx, organizationId, input.accountId))!;
  await recordAuditEvent(tx, {
    organizationId,
    actorUserId: context.actorUserId,
    action: input.archived ? 'account.archived' : 'account.restored',
    entityType: 'account',
    entityId: input.accountId,
    before: { ...before },
    after: { ...after },
  });
  return { version: after.version };
}
