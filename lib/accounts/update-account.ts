import { z } from 'zod';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { Tx } from '@/lib/db/tenant';
import { notFoundError } from '@/lib/errors';
import { accountFieldsSchema, accountIdSchema, accountVersionSchema } from './account-fields';
import {
  assertAccountReferences,
  assertExternalIdFree,
  findAccountSnapshot,
  mapUniqueViolation,
  staleVersionError,
} from './account-records';

export const updateAccountInputSchema = accountFieldsSchema.extend({
  accountId: accountIdSchema,
  version: accountVersionSchema,
});
export type UpdateAccountInput = z.output<typeof updateAccountInputSchema>;

/**
 * Edits an account's fields (ADMIN) under optimistic concurrency: the write only happens if the account is still
 * at the version the editor loaded; otherwise CONFLICT and nothing changes.
 */
export async function updateAccount(
  tx: Tx,
  context: { organizationId: string; actorUserId: string },
  input: UpdateAccountInput,
): Promise<{ version: number }> {
  const { organizationId } = context;
  const before = await findAccountSnapshot(tx, organizationId, input.accountId);
  if (!before) throw notFoundError();
  if (before.version !== input.version) throw staleVersionError(before.version);
  await assertAccountReferences(tx, organizationId, input, before);
  await assertExternalIdFree(tx, organizationId, input.externalId, input.accountId);
  const { count } = await tx.account
    .updateMany({
      where: { organizationId, id: input.accountId, version: input.version },
      data: {
        name: input.name,
        externalId: input.externalId,
        segmentId: input.segmentId,
        journeyStageId: input.journeyStageId,
        arr: input.arr,
        renewalDate: input.renewalDate ? new Date(`${input.renewalDate}T00:00:00Z`) : null,
        version: { increment: 1 },
      },
    })
    .catch((error: unknown) => {
      throw mapUniqueViolation(error);
    });
  if (count === 0) throw staleVersionError((await findAccountSnapshot(tx, organizationId, input.accountId))?.version ?? input.version);
  const after = (await findAccountSnapshot(tx, organizationId, input.accountId))!;
  await recordAuditEvent(tx, {
    organizationId,
    actorUserId: context.actorUserId,
    action: 'account.updated',
    entityType: 'account',
    entityId: input.accountId,
    before: { ...before },
    after: { ...after },
  });
  return { version: after.version };
}
