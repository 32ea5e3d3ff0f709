import { describe, expect, it } from 'vitest';
import { archivedRowSchema } from './row-schema';
import type { ColumnDescription, TableDescription } from './table-catalog';

const column = (name: string, dataType: string, extra: Partial<ColumnDescription> = {}): ColumnDescription => ({
  name,
  dataType,
  udtName: dataType,
  nullable: false,
  hasDefault: false,
  ...extra,
});

const account: TableDescription = {
  name: 'account',
  columns: [
    column('organization_id', 'uuid'),
    column('name', 'text'),
    column('arr', 'numeric', { nullable: true }),
    column('renewal_date', 'date', { nullable: true }),
    column('version', 'integer'),
    column('created_at', 'timestamp with time zone'),
    column('band', 'USER-DEFINED', { udtName: 'band' }),
    column('output', 'jsonb'),
  ],
  primaryKey: ['organization_id'],
  userColumns: [],
};
const enums = new Map([['band', ['desired', 'engaged', 'at_risk', 'critical']]]);
const schema = archivedRowSchema(account, account.columns.map((c) => c.name), enums);
const valid = {
  organization_id: '0b0e9c1e-7d6a-4b43-9c55-2d1f5b8c9e10',
  name: 'Acme',
  arr: '123456789012.34',
  renewal_date: '2027-02-28',
  version: 3,
  created_at: '2026-11-25T10:00:00.123+00:00',
  band: 'at_risk',
  output: { score: 61.5, components: [1, null, 'x'] },
};

describe('archivedRowSchema', () => {
  it('accepts a row in the exported JSON shape', () => {
    expect(schema.safeParse(valid).success).toBe(true);
    expect(schema.safeParse({ ...valid, arr: null, renewal_date: null }).success).toBe(true);
  });

  it.each([
    ['organization_id', 'not-a-uuid'],
    ['name', null],
    ['arr', 12.5],
    ['renewal_date', '28/02/2027'],
    ['version', 1.5],
    ['created_at', 'yesterday'],
    ['band', 'great'],
  ])('refuses a bad %s', (key, value) => {
    expect(schema.safeParse({ ...valid, [key]: value }).success).toBe(false);
  });

  it('refuses unknown and missing columns', () => {
    expect(schema.safeParse({ ...valid, password_hash: 'x' }).success).toBe(false);
    const { name: _name, ...withoutName } = valid;
    void _name;
    expect(schema.safeParse(withoutName).success).toBe(false);
  });
});
