import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { Tx } from '@/lib/db/tenant';
import { AppError } from '@/lib/errors';
import { checkAccountImport } from './account-import';

export interface AccountImportSummary {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Imports a confirmed accounts CSV (ADMIN): re-checks the file itself (the preview's client state is never
 * trusted) and writes nothing unless every row is valid; then upserts every row by external id in one statement
 * (rows without an external id are created) and records one audit event with the counts. Run it in one
 * transaction: a failure anywhere leaves the organisation as it was.
 */
export async function importAccounts(
  tx: Tx,
  context: { organizationId: string; actorUserId: string },
  csv: string,
): Promise<AccountImportSummary> {
  const { organizationId } = context;
  const check = await checkAccountImport(tx, organizationId, csv);
  if (check.fileErrors.length > 0) throw new AppError('VALIDATION', check.fileErrors.join(' '));
  const invalid = check.rows.filter((row) => row.errors.length > 0);
  if (invalid.length > 0) {
    const lines = invalid.slice(0, 10).map((row) => row.line).join(', ');
    throw new AppError(
      'VALIDATION',
      `Nothing was imported: ${invalid.length} row${invalid.length === 1 ? ' has' : 's have'} errors (line${invalid.length === 1 ? '' : 's'} ${lines}${invalid.length > 10 ? ', …' : ''}). Fix the file and upload it again.`,
    );
  }
  const rows = check.rows.map((row) => row.resolved!);
  const column = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((row) => row[key]);
  const written = await tx.$queryRaw<{ inserted: boolean }[]>`
    INSERT INTO account (organization_id, name, external_id, segment_id, owner_user_id, journey_stage_id, arr, renewal_date)
    SELECT ${organizationId}::uuid, t.name, t.external_id, t.segment_id, t.owner_user_id, t.journey_stage_id, t.arr, t.renewal_date
      FROM unnest(${column('name')}::text[], ${column('externalId')}::text[], ${column('segmentId')}::uuid[],
                  ${column('ownerUserId')}::uuid[], ${column('journeyStageId')}::uuid[], ${column('arr')}::numeric[],
                  ${column('renewalDate')}::date[])
           AS t(name, external_id, segment_id, owner_user_id, journey_stage_id, arr, renewal_date)
    ON CONFLICT (organization_id, external_id) DO UPDATE
       SET name = EXCLUDED.name, segment_id = EXCLUDED.segment_id, owner_user_id = EXCLUDED.owner_user_id,
           journey_stage_id = EXCLUDED.journey_stage_id, arr = EXCLUDED.arr, renewal_date = EXCLUDED.renewal_date,
           version = account.version + 1, updated_at = now()
     WHERE (account.name, account.segment_id, account.owner_user_id, account.journey_stage_id, account.arr, account.renewal_date)
           IS DISTINCT FROM
           (EXCLUDED.name, EXCLUDED.segment_id, EXCLUDED.owner_user_id, EXCLUDED.journey_stage_id, EXCLUDED.arr, EXCLUDED.renewal_date)
    RETURNING (xmax = 0) AS inserted`;
  const created = written.filter((row) => row.inserted).length;
  const summary = { rows: rows.length, created, updated: written.length - created, unchanged: rows.length - written.length };
  await recordAuditEvent(tx, {
    organizationId,
    actorUserId: context.actorUserId,
    action: 'accounts.imported',
    entityType: 'account',
    entityId: null,
    after: { ...summary },
  });
  return summary;
}
