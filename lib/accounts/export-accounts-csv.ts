import type { Tx } from '@/lib/db/tenant';
import type { AccountListParams } from './account-list-params';
import { csvLines } from './csv-cell';
import { selectAccountRows, type AccountListScope } from './list-accounts';

export const EXPORT_HEADER = [
  'name',
  'external id',
  'segment',
  'owner name',
  'owner email',
  'stage',
  'ARR',
  'renewal date',
  'score',
  'gap',
  'band',
  'last assessed',
  'stale',
] as const;

const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/**
 * The whole list for a list state (every page, same filters and order) as CSV. Scores are exported unrounded
 * so a spreadsheet can recompute anything; the file round-trips through the import's columns.
 */
export async function exportAccountsCsv(tx: Tx, scope: AccountListScope, params: AccountListParams): Promise<string> {
  const rows = await selectAccountRows(tx, scope, params, null);
  return csvLines([
    [...EXPORT_HEADER],
    ...rows.map((row) => [
      row.name,
      row.externalId,
      row.segment,
      row.owner,
      row.ownerEmail,
      row.stage,
      row.arr,
      isoDay(row.renewalDate),
      row.score,
      row.gap,
      row.band,
      row.lastAssessedAt ? row.lastAssessedAt.toISOString() : null,
      row.stale ? 'yes' : 'no',
    ]),
  ]);
}
