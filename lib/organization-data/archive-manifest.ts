import { z } from 'zod';
import { TENANT_TABLES } from './tenant-tables';

/**
 * The archive's table of contents, written first: what it holds, from which organisation and schema, and how
 * many rows each file has (an import checks every count). Files: manifest.json, users.{jsonl,csv}, and per
 * tenant table data/<table>.jsonl (one exact JSON object per line, for restore) and csv/<table>.csv (for people).
 */
export const ARCHIVE_FORMAT = 'desired-state.organization-export';
export const ARCHIVE_FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';
export const USERS_JSON_FILE = 'users.jsonl';
export const USERS_CSV_FILE = 'users.csv';
export const tableJsonFile = (table: string) => `data/${table}.jsonl`;
export const tableCsvFile = (table: string) => `csv/${table}.csv`;

const rowCount = z.number().int().nonnegative();

export const archiveManifestSchema = z
  .strictObject({
    format: z.literal(ARCHIVE_FORMAT),
    formatVersion: z.literal(ARCHIVE_FORMAT_VERSION),
    exportedAt: z.iso.datetime(),
    organization: z.strictObject({ id: z.guid(), name: z.string().min(1), slug: z.string().min(1) }),
    /** The migrations the exporting database had applied: the importing one must have all of them. */
    migrations: z.array(z.string().min(1)),
    users: z.strictObject({ json: z.literal(USERS_JSON_FILE), csv: z.literal(USERS_CSV_FILE), rows: rowCount }),
    tables: z.array(
      z.strictObject({
        name: z.enum(TENANT_TABLES),
        columns: z.array(z.strictObject({ name: z.string().min(1), type: z.string().min(1) })).min(1),
        primaryKey: z.array(z.string().min(1)),
        rows: rowCount,
        json: z.string(),
        csv: z.string(),
      }),
    ),
  })
  .superRefine((manifest, context) => {
    const names = manifest.tables.map((table) => table.name);
    const expectedOrder = TENANT_TABLES.filter((name) => names.includes(name));
    if (names.join() !== expectedOrder.join()) {
      context.addIssue({ code: 'custom', path: ['tables'], message: 'tables are missing, repeated or out of dependency order' });
    }
    const organization = manifest.tables.find((table) => table.name === 'organization');
    if (!organization || organization.rows !== 1) {
      context.addIssue({ code: 'custom', path: ['tables'], message: 'the organization table must hold exactly one row' });
    }
    manifest.tables.forEach((table, index) => {
      if (table.json !== tableJsonFile(table.name) || table.csv !== tableCsvFile(table.name)) {
        context.addIssue({ code: 'custom', path: ['tables', index], message: `unexpected file names for ${table.name}` });
      }
    });
  });

export type ArchiveManifest = z.infer<typeof archiveManifestSchema>;
