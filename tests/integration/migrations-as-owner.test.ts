import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@/lib/db/create-prisma-client';
import { applyMigrations, MIGRATIONS_DIR } from '@/lib/db/migrate';
import { seedDemoOrganization } from '@/lib/demo/seed-demo-organization';
import { databaseUrl } from '../helpers/database-url';
import { withAdmin } from '../helpers/test-database';

/**
 * The README's production set-up: migrations run as a non-superuser owner (CREATEROLE only). The tables FORCE
 * row-level security, so a migration that reads or writes rows sees none of them unless it lifts FORCE for its
 * transaction — a data backfill would silently change nothing. The other tests migrate as a superuser, which
 * bypasses row-level security and could not notice.
 */

const owner = `dsce_owner_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
const password = randomUUID();
const database = `dsce_owned_${randomUUID().replaceAll('-', '')}`;
let ownerUrl: string;
let ownerPrisma: PrismaClient;
let migrationsUpTo: (last: string) => Promise<string>;
const workDirs: string[] = [];

/** A superuser connection (row-level security does not apply): to the server's own database, or to `db`. */
function asAdmin<T>(work: (client: pg.Client) => Promise<T>, db?: string): Promise<T> {
  const adminUrl = inject('databaseAdminUrl');
  return withAdmin(db ? databaseUrl(adminUrl, db) : adminUrl, work);
}

beforeAll(async () => {
  await asAdmin(async (admin) => {
    await admin.query(`CREATE ROLE "${owner}" LOGIN NOSUPERUSER CREATEROLE PASSWORD '${password}'`);
    await admin.query(`CREATE DATABASE "${database}" OWNER "${owner}" TEMPLATE template0`);
  });
  const url = new URL(databaseUrl(inject('databaseAdminUrl'), database));
  url.username = owner;
  url.password = password;
  ownerUrl = url.toString();
  ownerPrisma = createPrismaClient(ownerUrl, { max: 2 });
  const names = (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  // A migrations folder holding the migrations up to `last`, as a deployment of that version would have.
  migrationsUpTo = async (last) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'migrations-'));
    workDirs.push(dir);
    for (const name of names.filter((candidate) => candidate <= last)) await cp(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
    return dir;
  };
}, 60_000);

afterAll(async () => {
  await ownerPrisma?.$disconnect();
  await asAdmin(async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.query(`DROP OWNED BY "${owner}"`).catch(() => undefined);
    await admin.query(`DROP ROLE IF EXISTS "${owner}"`);
  });
  for (const dir of workDirs) await rm(dir, { recursive: true, force: true });
});

describe('migrations run by a non-superuser owner', () => {
  it('apply from scratch, and a backfill reaches the rows of every organisation', async () => {
    expect(await applyMigrations(ownerUrl, await migrationsUpTo('20261201100000_account_score_unanswered'))).toContain(
      '20261201100000_account_score_unanswered',
    );
    await seedDemoOrganization(ownerPrisma, { seed: 5 });
    const [organization] = await asAdmin(async (admin) => (await admin.query<{ id: string }>('SELECT id::text FROM organization')).rows, database);
    expect(organization).toBeDefined();

    // A latest result with unanswered questions whose account_score row predates the column (default 0), as
    // 20261201100000 found them: its own backfill could not see them under row-level security.
    const [latest] = await ownerPrisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('app.org_id', ${organization!.id}, true)`;
      const rows = await tx.$queryRaw<{ account_id: string; assessment_id: string }[]>`
        SELECT account_id::text, assessment_id::text FROM account_score ORDER BY account_id LIMIT 1`;
      await tx.$executeRaw`UPDATE assessment_result SET output = output || '{"unanswered": 3}'
                            WHERE assessment_id = ${rows[0]!.assessment_id}::uuid`;
      await tx.$executeRaw`UPDATE account_score SET unanswered = 0 WHERE account_id = ${rows[0]!.account_id}::uuid`;
      return rows;
    });

    expect(await applyMigrations(ownerUrl)).toContain('20261201110000_account_score_unanswered_backfill');
    const [row] = await ownerPrisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('app.org_id', ${organization!.id}, true)`;
      return tx.$queryRaw<{ unanswered: number }[]>`SELECT unanswered FROM account_score WHERE account_id = ${latest!.account_id}::uuid`;
    });
    expect(row!.unanswered).toBe(3);
    // FORCE is back on: the owner again sees nothing without an organisation.
    expect(await ownerPrisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM account_score`).toEqual([{ n: 0 }]);
  }, 120_000);
});
