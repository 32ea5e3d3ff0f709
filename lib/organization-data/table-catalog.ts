import { organizationColumnOf } from './tenant-tables';

/**
 * What the database says about the tenant tables: columns (in table order), primary key, which columns point to
 * the global user table, and enum labels. Read from the catalogs rather than hard-coded, so a column another
 * migration adds is exported and restored without touching this code.
 */

/** Runs one parameterised SQL query; Prisma ($queryRawUnsafe) and node-postgres both fit. */
export type SqlQuery = <Row>(sql: string, params?: unknown[]) => Promise<Row[]>;

export interface ColumnDescription {
  name: string;
  /** information_schema data_type, e.g. 'uuid', 'text', 'jsonb', 'timestamp with time zone', 'USER-DEFINED'. */
  dataType: string;
  /** The type's own name (int4, float8, role, band …), used to cast keyset parameters. */
  udtName: string;
  nullable: boolean;
  hasDefault: boolean;
}

export interface TableDescription {
  name: string;
  columns: ColumnDescription[];
  primaryKey: string[];
  /** Columns with a foreign key to "user" (authors, owners, actors): remapped when a user is linked by email. */
  userColumns: string[];
}

export interface Catalog {
  tables: Map<string, TableDescription>;
  enums: Map<string, string[]>;
}

export async function describeTables(query: SqlQuery, tableNames: readonly string[]): Promise<Catalog> {
  const names = [...tableNames];
  // One after another: a node-postgres client runs one query at a time. Generated columns (account_score's
  // score_delta) are derived: never exported, and an import could not write them.
  const columns = await query<{ table: string; name: string; dataType: string; udtName: string; nullable: boolean; hasDefault: boolean }>(
    `SELECT table_name::text AS "table", column_name::text AS name, data_type::text AS "dataType",
            udt_name::text AS "udtName", is_nullable = 'YES' AS nullable, column_default IS NOT NULL AS "hasDefault"
       FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = ANY($1::text[]) AND is_generated = 'NEVER'
      ORDER BY table_name, ordinal_position`,
    [names],
  );
  const keys = await query<{ table: string; name: string }>(
    `SELECT t.relname::text AS "table", a.attname::text AS name
       FROM pg_index i
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
      CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE i.indisprimary AND t.relname = ANY($1::text[])
      ORDER BY t.relname, k.position`,
    [names],
  );
  const userKeys = await query<{ table: string; name: string }>(
    `SELECT t.relname::text AS "table", a.attname::text AS name
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
      WHERE c.contype = 'f' AND c.confrelid = 'public."user"'::regclass AND t.relname = ANY($1::text[])
      ORDER BY t.relname, a.attname`,
    [names],
  );
  const enumLabels = await query<{ type: string; label: string }>(
    `SELECT t.typname::text AS type, e.enumlabel::text AS label
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
       JOIN pg_namespace n ON n.oid = t.typnamespace AND n.nspname = 'public'
      ORDER BY t.typname, e.enumsortorder`,
  );

  const tables = new Map<string, TableDescription>();
  for (const column of columns) {
    const table = tables.get(column.table) ?? { name: column.table, columns: [], primaryKey: [], userColumns: [] };
    const { name, dataType, udtName, nullable, hasDefault } = column;
    table.columns.push({ name, dataType, udtName, nullable, hasDefault });
    tables.set(column.table, table);
  }
  for (const key of keys) tables.get(key.table)?.primaryKey.push(key.name);
  for (const key of userKeys) tables.get(key.table)?.userColumns.push(key.name);
  const enums = new Map<string, string[]>();
  for (const { type, label } of enumLabels) enums.set(type, [...(enums.get(type) ?? []), label]);
  return { tables, enums };
}

/** Every table of the schema with an `organization_id` column (what TENANT_TABLES must cover). */
export async function listTablesWithOrganizationColumn(query: SqlQuery): Promise<string[]> {
  const rows = await query<{ table: string }>(
  `SELECT table_name::text AS "table" FROM information_schema.columns
    WHERE table_schema = 'public' AND column_name = 'organization_id' ORDER BY table_name`,
  );
  return rows.map((row) => row.table);
}

/** The migrations a database has applied (the app role may read exactly these columns of the table). */
export const APPLIED_MIGRATIONS_SQL = `SELECT migration_name AS name FROM _prisma_migrations
                                        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`;

export const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * The SELECT list that row_to_json turns into one exact JSON line per row: numeric and bigint become strings
 * (a JSON number would pass through a double on the way back), everything else keeps PostgreSQL's own JSON
 * form (timestamps with their offset, jsonb as nested JSON, float8 in its shortest exact form).
 */
export function exactSelectList(table: TableDescription): string {
  return table.columns
    .map((column) =>
      column.dataType === 'numeric' || column.dataType === 'bigint'
        ? `${quoteIdentifier(column.name)}::text AS ${quoteIdentifier(column.name)}`
        : quoteIdentifier(column.name),
    )
    .join(', ');
}

/** The primary-key columns after the organisation column: the keyset a table is read in. */
export function keysetColumns(table: TableDescription): string[] {
  const organizationColumn = organizationColumnOf(table.name);
  return table.primaryKey.filter((column) => column !== organizationColumn);
}
