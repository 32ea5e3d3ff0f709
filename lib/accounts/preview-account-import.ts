import { z } from 'zod';
import type { Tx } from '@/lib/db/tenant';
import { checkAccountImport, type AccountImportCheck, type ImportRow } from './account-import';

export const accountImportInputSchema = z.object({
  csv: z.string('Choose a CSV file.').min(1, 'Choose a CSV file.'),
});

export interface AccountImportPreview extends Omit<AccountImportCheck, 'rows'> {
  rows: Omit<ImportRow, 'resolved'>[];
}

/** Reads an accounts CSV and reports what importing it would do, row by row. Writes nothing. */
export async function previewAccountImport(tx: Tx, organizationId: string, csv: string): Promise<AccountImportPreview> {
  const check = await checkAccountImport(tx, organizationId, csv);
  return { ...check, rows: check.rows.map((row) => ({ line: row.line, values: row.values, action: row.action, errors: row.errors })) };
}
