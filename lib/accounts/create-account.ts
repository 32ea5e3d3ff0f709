import { z } from 'zod';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { Tx } from '@/lib/db/tenant';
import { AppError } from '@/lib/errors';
import { accountFieldsSchema } from './account-fields';
import { assertAccountReferences, assertExternalIdFree, assertOwnerIsMember, findAccountSnapshot, mapUniqueViolation } from './account-records';

export const createAccountInputSchema = accountFieldsSchema.extend({
  ownerUserId: z.preprocess((value) => (value === '' ? null : value), z.uuid('Choose one from the list.').nullable().default(null)),
});
export type CreateAccountInput = z.output<typeof createAccountInputSchema>;

/** Creates an account (ADMIN) and records who created it with what. */
export async function createAccount(
  tx: Tx,
  context: { organizationId: string; actorUserId: string },
  input: CreateAccountInput,
): Promise<{ id: string }> {
  const { organizationId } = context;
  await assertAccountReferences(tx, organizationId, input);
  await assertExternalIdFree(tx, organizationId, input.externalId);
  await assertOwnerIsMember(tx, organizationId, input.ownerUserId);
  const account = await tx.account
    .create({
      data: {
        organizationId,
        name: input.name,
        externalId: input.externalId,
        segmentId: input.segmentId,
        journeyStageId: input.journeyStageId,
        ownerUserId: input.ownerUserId,
        arr: input.arr,
        renewalDate: input.renewalDate ? new Date(`${input.renewalDate}T00:00:00Z`) : null,
      },
      select: { id: true },
    })
    .catch((error: unknown) => {
      throw mapUniqueViolation(error);
    });
  const after = await findAccountSnapshot(tx, organizationId, account.id);
  if (!after) throw new AppError('NOT_FOUND', 'Not found.');
  await recordAuditEvent(tx, {
    organizationId,
    actorUserId: context.actorUserId,
    action: 'account.created',
    entityType: 'account',
    entityId: account.id,
    after: { ...after },
  });
  return account;
}
