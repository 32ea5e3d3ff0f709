import { z } from 'zod';
import type { Catalog, ColumnDescription, TableDescription } from './table-catalog';

/**
 * A zod schema for one archived row of a table, built from the importing database's own column types: every
 * column the archive lists must exist there, have the right JSON shape for its type, and be null only where the
 * column allows it. PostgreSQL's CHECK and foreign-key constraints then check the meaning, in the same transaction.
 */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}(:\d{2})?)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

function columnSchema(column: ColumnDescription, enums: Catalog['enums']): z.ZodType {
  const base = ((): z.ZodType => {
    switch (column.dataType) {
      case 'uuid':
        return z.guid('must be a UUID');
      case 'text':
      case 'character varying':
        return z.string('must be text');
      case 'integer':
      case 'smallint':
        return z.number('must be a number').int('must be a whole number');
      case 'double precision':
      case 'real':
        return z.number('must be a number');
      case 'numeric':
      case 'bigint':
        return z.string('must be a decimal written as text').regex(DECIMAL, 'must be a decimal written as text');
      case 'boolean':
        return z.boolean('must be true or false');
      case 'timestamp with time zone':
      case 'timestamp without time zone':
        return z.string('must be a timestamp').regex(TIMESTAMP, 'must be an ISO timestamp');
      case 'date':
        return z.string('must be a date').regex(DATE, 'must be a date (YYYY-MM-DD)');
      case 'json':
      case 'jsonb':
        // The row came out of JSON.parse, so any value here is JSON; only a missing key is refused.
        return z.custom<unknown>((value) => value !== undefined, 'must be JSON');
      case 'USER-DEFINED': {
        const labels = enums.get(column.udtName);
        return labels ? z.enum(labels as [string, ...string[]], `must be one of ${labels.join(', ')}`) : z.string();
      }
      default:
        // A type this list does not know yet: PostgreSQL's own input function checks it on insert.
        return z.string(`must be text (${column.dataType})`);
    }
  })();
  return column.nullable ? base.nullable() : base;
}

/** The schema of a row of `table` as archived with `archivedColumns`. */
export function archivedRowSchema(table: TableDescription, archivedColumns: readonly string[], enums: Catalog['enums']) {
  const shape: Record<string, z.ZodType> = {};
  for (const name of archivedColumns) {
    const column = table.columns.find((candidate) => candidate.name === name);
    if (column) shape[name] = columnSchema(column, enums);
  }
  return z.strictObject(shape);
}
