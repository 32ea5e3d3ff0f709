import type { Writable } from 'node:stream';
import { csvLines } from '@/lib/accounts/csv-cell';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { PrismaClient } from '@/lib/db/create-prisma-client';
import { withTenant, type Tx } from '@/lib/db/tenant';
import { notFoundError } from '@/lib/errors';
import { requireActorPermission, type OrganizationActor } from '@/lib/tenancy/require-actor-permission';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  MANIFEST_FILE,
  USERS_CSV_FILE,
  USERS_JSON_FILE,
  tableCsvFile,
  tableJsonFile,
  type ArchiveManifest,
} from './archive-manifest';
import {
  APPLIED_MIGRATIONS_SQL,
  describeTables,
  exactSelectList,
  keysetColumns,
  quoteIdentifier,
  type SqlQuery,
  type TableDescription,
} from './table-catalog';
import { EXPORTED_USER_COLUMNS, TENANT_TABLES, organizationColumnOf } from './tenant-tables';
import { ZipStreamWriter } from './zip-stream-writer';

export interface ExportOptions {
  /** Rows per keyset batch (default 2,000). */
  batchSize?: number;
  /** Called once access is checked and the snapshot is open, before the first byte is written. */
  onStarted?: (manifest: ArchiveManifest) => void;
}

/** Long enough for hundreds of MB; the snapshot transaction stays open while the client downloads. */
const EXPORT_TIMEOUT_MS = 60 * 60 * 1000;

/**
 * Streams the whole organisation as a zip archive (see archive-manifest.ts) into `output`. Everything is read
 * inside one REPEATABLE READ transaction, so the archive is one consistent snapshot even while people keep
 * working, in keyset-ordered batches so no table is ever held in memory. Admins only (`organization.delete`);
 * audited as 'organization.exported'.
 */
export async function exportOrganizationArchive(
  prisma: PrismaClient,
  actor: OrganizationActor,
  output: Writable,
  options: ExportOptions = {},
): Promise<ArchiveManifest> {
  const batchSize = options.batchSize ?? 2000;
  // Committed before the snapshot opens, so a download of everything stays on record even if it is cut short
  // (and the archive holds its own export event).
  await withTenant(prisma, { organizationId: actor.organizationId, userId: actor.userId }, async (tx) => {
    await requireActorPermission(tx, actor, 'organization.delete');
    await recordAuditEvent(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: 'organization.exported',
      entityType: 'organization',
      entityId: actor.organizationId,
    });
  });
  return withTenant(
    prisma,
    { organizationId: actor.organizationId, userId: actor.userId },
    async (tx) => {
      await requireActorPermission(tx, actor, 'organization.delete');
      const query: SqlQuery = (sql, params = []) => tx.$queryRawUnsafe(sql, ...params);
      const organization = await tx.organization.findUnique({
        where: { id: actor.organizationId },
        select: { id: true, name: true, slug: true },
      });
      if (!organization) throw notFoundError();
      const migrations = (await query<{ name: string }>(APPLIED_MIGRATIONS_SQL)).map((row) => row.name);
      const { tables } = await describeTables(query, TENANT_TABLES);
      const described = TENANT_TABLES.map((name) => {
        const table = tables.get(name);
        if (!table) throw new Error(`Tenant table "${name}" does not exist in the database.`);
        return table;
      });
      const users = await query<{ json: string; id: string }>(usersSql(described), [actor.organizationId]);
      const manifest: ArchiveManifest = {
        format: ARCHIVE_FORMAT,
        formatVersion: ARCHIVE_FORMAT_VERSION,
        exportedAt: new Date().toISOString(),
        organization,
        migrations,
        users: { json: USERS_JSON_FILE, csv: USERS_CSV_FILE, rows: users.length },
        tables: [],
      };
      for (const table of described) {
        const [{ rows }] = (await query<{ rows: number }>(
          `SELECT count(*)::int AS rows FROM ${quoteIdentifier(table.name)} WHERE ${organizationColumnOf(table.name)} = $1::uuid`,
          [actor.organizationId],
        )) as [{ rows: number }];
        manifest.tables.push({
          name: table.name as (typeof TENANT_TABLES)[number],
          columns: table.columns.map((column) => ({ name: column.name, type: column.dataType === 'USER-DEFINED' ? column.udtName : column.dataType })),
          primaryKey: table.primaryKey,
          rows,
          json: tableJsonFile(table.name),
          csv: tableCsvFile(table.name),
        });
      }
      options.onStarted?.(manifest);

      const zip = new ZipStreamWriter(output);
      await zip.file(MANIFEST_FILE, (write) => write(`${JSON.stringify(manifest, null, 2)}\n`));
      await zip.file(USERS_JSON_FILE, async (write) => {
        for (const user of users) await write(`${user.json}\n`);
      });
      await zip.file(USERS_CSV_FILE, async (write) => {
        await write(csvLines([[...EXPORTED_USER_COLUMNS]]));
        for (const user of users) await write(csvRow(JSON.parse(user.json) as Record<string, unknown>, EXPORTED_USER_COLUMNS));
      });
      for (const table of described) {
        const columnNames = table.columns.map((column) => column.name);
        await zip.file(tableJsonFile(table.name), async (write) => {
          for await (const batch of readBatches(tx, table, actor.organizationId, batchSize)) {
            await write(`${batch.join('\n')}\n`);
          }
        });
        await zip.file(tableCsvFile(table.name), async (write) => {
          await write(csvLines([columnNames]));
          for await (const batch of readBatches(tx, table, actor.organizationId, batchSize)) {
            await write(batch.map((json) => csvRow(JSON.parse(json) as Record<string, unknown>, columnNames)).join(''));
          }
        });
      }
      await zip.finish();
      return manifest;
    },
    { isolationLevel: 'RepeatableRead', timeout: EXPORT_TIMEOUT_MS },
  );
}

/** The people the organisation's rows point to (members, authors, actors, inviters), without credentials. */
function usersSql(tables: TableDescription[]): string {
  const references = tables.flatMap((table) =>
    table.userColumns.map(
      (column) =>
        `SELECT ${quoteIdentifier(column)} FROM ${quoteIdentifier(table.name)} WHERE ${organizationColumnOf(table.name)} = $1::uuid`,
    ),
  );
  const columns = EXPORTED_USER_COLUMNS.map(quoteIdentifier).join(', ');
  return `SELECT row_to_json(u)::text AS json, u.id::text AS id
            FROM (SELECT ${columns} FROM "user" WHERE id IN (${references.join(' UNION ')})) u
           ORDER BY u.id`;
}

/**
 * One table of one organisation, in primary-key order, `batchSize` rows per query (keyset, no OFFSET). Each row
 * is PostgreSQL's exact JSON text; the keyset values come as separate text columns, so rows need no parsing.
 */
async function* readBatches(tx: Tx, table: TableDescription, organizationId: string, batchSize: number): AsyncGenerator<string[]> {
  const keyset = keysetColumns(table);
  const from = `FROM ${quoteIdentifier(table.name)} WHERE ${organizationColumnOf(table.name)} = $1::uuid`;
  if (keyset.length === 0) {
    // The organisation row itself: its key is the organisation.
    const rows = await tx.$queryRawUnsafe<{ json: string }[]>(`SELECT row_to_json(r)::text AS json FROM (SELECT ${exactSelectList(table)} ${from}) r`, organizationId);
    yield rows.map((row) => row.json);
    return;
  }
  const typeOf = (name: string) => table.columns.find((column) => column.name === name)!.udtName;
  const keyList = keyset.map(quoteIdentifier).join(', ');
  const keyOutputs = keyset.map((name, index) => `r.${quoteIdentifier(name)}::text AS k${index}`).join(', ');
  const after = `(${keyList}) > (${keyset.map((name, index) => `$${index + 2}::${quoteIdentifier(typeOf(name))}`).join(', ')})`;
  let last: string[] | null = null;
  for (;;) {
    const sql = `SELECT row_to_json(r)::text AS json, ${keyOutputs}
                   FROM (SELECT ${exactSelectList(table)} ${from}${last ? ` AND ${after}` : ''} ORDER BY ${keyList} LIMIT ${batchSize}) r
                  ORDER BY ${keyset.map((name) => `r.${quoteIdentifier(name)}`).join(', ')}`;
    const rows: Record<string, string>[] = await tx.$queryRawUnsafe<Record<string, string>[]>(sql, organizationId, ...(last ?? []));
    if (rows.length === 0) return;
    yield rows.map((row) => row.json!);
    if (rows.length < batchSize) return;
    const lastRow = rows[rows.length - 1]!;
    last = keyset.map((_, index) => lastRow[`k${index}`]!);
  }
}

/** One CSV line: nested JSON (answers, results) as JSON text, every cell safe from formula injection. */
function csvRow(values: Record<string, unknown>, columns: readonly string[]): string {
  return csvLines([
    columns.map((column) => {
      const value = values[column];
      if (value === null || value === undefined) return null;
      if (typeof value === 'object') return JSON.stringify(value);
      return typeof value === 'number' ? value : String(value);
    }),
  ]);
}
