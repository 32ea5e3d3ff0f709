import { readFileSync } from 'node:fs';
import { get_dmmf } from '@prisma/prisma-schema-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

/**
 * The migrations are hand-written SQL, so this test is what keeps them honest: the database they produce
 * must match prisma/schema.prisma in tables, columns, types, nullability, defaults, keys, relations and indexes.
 */

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'object' | 'enum';
  type: string;
  isRequired: boolean;
  isList: boolean;
  hasDefaultValue: boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  fields: { name: string }[];
}
interface Dmmf {
  datamodel: {
    models: DmmfModel[];
    enums: { name: string; dbName?: string | null; values: { name: string; dbName?: string | null }[] }[];
    indexes: DmmfIndex[];
  };
}

const dmmf = JSON.parse(
  get_dmmf(JSON.stringify({ prismaSchema: readFileSync('prisma/schema.prisma', 'utf8') })),
) as Dmmf;
const { models, enums, indexes } = dmmf.datamodel;
const enumDbName = new Map(enums.map((e) => [e.name, e.dbName ?? e.name]));
const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
const columnOf = (field: DmmfField) => field.dbName ?? field.name;
const modelByName = new Map(models.map((m) => [m.name, m]));
const columnsOf = (modelName: string, fieldNames: string[]) => {
  const model = modelByName.get(modelName)!;
  return fieldNames.map((name) => columnOf(model.fields.find((f) => f.name === name)!));
};

function expectedSqlType(field: DmmfField): string {
  if (field.kind === 'enum') return enumDbName.get(field.type)!;
  const native = field.nativeType?.[0];
  switch (field.type) {
    case 'String':
      return native === 'Uuid' ? 'uuid' : 'text';
    case 'Int':
      return 'integer';
    case 'BigInt':
      return 'bigint';
    case 'Float':
      return 'double precision';
    case 'Boolean':
      return 'boolean';
    case 'Json':
      return native === 'Json' ? 'json' : 'jsonb';
    case 'Decimal':
      return `numeric(${field.nativeType?.[1].join(',') ?? '65,30'})`;
    case 'DateTime':
      if (native === 'Date') return 'date';
      return `timestamp(${field.nativeType?.[1][0] ?? '3'}) with time zone`;
    default:
      throw new Error(`No SQL type mapping for Prisma type ${field.type}`);
  }
}

const defaultOnDelete = (field: DmmfField) => (field.isRequired ? 'Restrict' : 'SetNull');
const sqlAction: Record<string, string> = { a: 'NoAction', r: 'Restrict', c: 'Cascade', n: 'SetNull', d: 'SetDefault' };

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

async function query<T>(sql: string): Promise<T[]> {
  return db.prisma.$queryRawUnsafe<T[]>(sql);
}

describe('migrated database matches schema.prisma', () => {
  it('has exactly the models as tables (plus Prisma’s migration table)', async () => {
    const rows = await query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    const actual = rows.map((r) => r.table_name).filter((t) => t !== '_prisma_migrations').sort();
    expect(actual).toEqual(models.map(tableOf).sort());
  });

  it('has the enums with the same values', async () => {
    const rows = await query<{ typname: string; labels: string[] }>(
      `SELECT t.typname::text AS typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    const actual = Object.fromEntries(rows.map((r) => [r.typname, r.labels]));
    const expected = Object.fromEntries(
      enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name)]),
    );
    expect(actual).toEqual(expected);
  });

  it.each(models.map((m) => [m.name, m] as const))('%s: columns, types, nullability and defaults', async (_, model) => {
    const rows = await query<{ column_name: string; type: string; not_null: boolean; has_default: boolean }>(
      `SELECT a.attname::text AS column_name, format_type(a.atttypid, a.atttypmod) AS type,
              a.attnotnull AS not_null, a.atthasdef AS has_default
         FROM pg_attribute a
        WHERE a.attrelid = 'public."${tableOf(model)}"'::regclass AND a.attnum > 0 AND NOT a.attisdropped`,
    );
    const actual = Object.fromEntries(
      rows.map((r) => [r.column_name, { type: r.type, notNull: r.not_null, hasDefault: r.has_default }]),
    );
    const expected = Object.fromEntries(
      model.fields
        .filter((f) => f.kind !== 'object')
        .map((f) => [
          columnOf(f),
          {
            type: expectedSqlType(f),
            notNull: f.isRequired,
            hasDefault: f.hasDefaultValue,
          },
        ]),
    );
    expect(actual).toEqual(expected);
  });

  it('has the primary keys, unique constraints and indexes of the schema', async () => {
    const rows = await query<{ table_name: string; columns: string[]; is_unique: boolean; is_primary: boolean }>(
      `SELECT t.relname::text AS table_name, i.indisunique AS is_unique, i.indisprimary AS is_primary,
              array_agg(a.attname::text ORDER BY k.ord) AS columns
         FROM pg_index i
         JOIN pg_class t ON t.oid = i.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
         CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        WHERE t.relname <> '_prisma_migrations'
        GROUP BY t.relname, i.indexrelid, i.indisunique, i.indisprimary`,
    );
    const describeIndex = (table: string, kind: string, columns: string[]) => `${table} ${kind} (${columns.join(', ')})`;
    const actual = rows
      .map((r) => describeIndex(r.table_name, r.is_primary ? 'id' : r.is_unique ? 'unique' : 'normal', r.columns))
      .sort();
    const expected = indexes
      .map((index) =>
        describeIndex(
          tableOf(modelByName.get(index.model)!),
          index.type,
          columnsOf(index.model, index.fields.map((f) => f.name)),
        ),
      )
      .sort();
    expect(actual).toEqual(expected);
  });

  it('has the relations as foreign keys with the same columns and delete rules', async () => {
    const rows = await query<{ table_name: string; columns: string[]; ref_table: string; ref_columns: string[]; on_delete: string }>(
      `SELECT c.conrelid::regclass::text AS table_name, c.confrelid::regclass::text AS ref_table,
              c.confdeltype::text AS on_delete,
              (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
              (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS ref_columns
         FROM pg_constraint c
         JOIN pg_namespace n ON n.oid = c.connamespace AND n.nspname = 'public'
        WHERE c.contype = 'f'`,
    );
    const unquote = (name: string) => name.replaceAll('"', '');
    const actual = rows
      .map((r) => `${unquote(r.table_name)}(${r.columns.join(',')}) -> ${unquote(r.ref_table)}(${r.ref_columns.join(',')}) on delete ${sqlAction[r.on_delete]}`)
      .sort();
    const expected = models
      .flatMap((model) =>
        model.fields
          .filter((f) => f.kind === 'object' && f.relationFromFields && f.relationFromFields.length > 0)
          .map((f) => {
            const target = modelByName.get(f.type)!;
            return `${tableOf(model)}(${columnsOf(model.name, f.relationFromFields!).join(',')}) -> ${tableOf(target)}(${columnsOf(target.name, f.relationToFields!).join(',')}) on delete ${f.relationOnDelete ?? defaultOnDelete(f)}`;
          }),
      )
      .sort();
    expect(actual).toEqual(expected);
  });

  it('every tenant-owned table keys, constrains and references by organization_id', async () => {
    const tenantModels = models.filter((m) => m.fields.some((f) => columnOf(f) === 'organization_id'));
    expect(tenantModels.length).toBeGreaterThan(5);
    for (const model of tenantModels) {
      const modelIndexes = indexes.filter((i) => i.model === model.name && i.type !== 'normal');
      for (const index of modelIndexes) {
        expect(columnsOf(model.name, index.fields.map((f) => f.name))[0], `${model.name} ${index.type}`).toBe('organization_id');
      }
      for (const relation of model.fields.filter((f) => f.kind === 'object' && f.relationFromFields?.length)) {
        const target = modelByName.get(relation.type)!;
        const targetIsTenantOwned = target.fields.some((f) => columnOf(f) === 'organization_id');
        if (targetIsTenantOwned) {
          expect(columnsOf(model.name, relation.relationFromFields!), `${model.name}.${relation.name}`).toContain('organization_id');
        }
      }
    }
  });
});
