import type { Tx } from '@/lib/db/tenant';
import { notFoundError } from '@/lib/errors';

export interface AccountForEdit {
  id: string;
  name: string;
  externalId: string | null;
  segmentId: string | null;
  journeyStageId: string | null;
  ownerUserId: string | null;
  arr: string | null;
  renewalDate: string | null;
  archivedAt: Date | null;
  version: number;
}

/** An account of this organisation as the edit forms show it; another organisation's id is NOT_FOUND. */
export async function getAccountForEdit(tx: Tx, organizationId: string, accountId: string): Promise<AccountForEdit> {
  const account = /^[0-9a-f-]{36}$/i.test(accountId)
    ? await tx.account.findFirst({
        where: { organizationId, id: accountId },
        select: {
          id: true,
          name: true,
          externalId: true,
          segmentId: true,
          journeyStageId: true,
          ownerUserId: true,
          arr: true,
          renewalDate: true,
          archivedAt: true,
          version: true,
        },
      })
    : null;
  if (!account) throw notFoundError();
  return {
    ...account,
    arr: account.arr === null ? null : account.arr.toFixed(2),
    renewalDate: account.renewalDate ? account.renewalDate.toISOString().slice(0, 10) : null,
  };
}
