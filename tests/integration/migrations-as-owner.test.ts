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

    // The portfolio rollups as 20261129100000 left them for such an owner: its fill saw no organisation, so they
    // started empty (here: emptied) and held only later deltas.
    await asAdmin(async (admin) => {
      await admin.query('DELETE FROM portfolio_group_score');
      await admin.query('DELETE FROM portfolio_group_period_score');
    }, database);

    expect(await applyMigrations(ownerUrl)).toContain('20261201110000_account_score_unanswered_backfill');
    const [row] = await ownerPrisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('app.org_id', ${organization!.id}, true)`;
      return tx.$queryRaw<{ unanswered: number }[]>`SELECT unanswered FROM account_score WHERE account_id = ${latest!.account_id}::uuid`;
    });
    expect(row!.unanswered).toBe(3);
    // 20261203100000 filled account_renewal_risk from the accounts that were there.
    const [risk] = await ownerPrisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('app.org_id', ${organization!.id}, true)`;
      return tx.$queryRaw<{ stored: number; expected: number }[]>`
        SELECT (SELECT count(*)::int FROM account_renewal_risk) AS stored,
               (SELECT count(*)::int FROM account a JOIN account_score sc ON sc.organization_id = a.organization_id AND sc.account_id = a.id
                 WHERE a.archived_at IS NULL AND a.renewal_date IS NOT NULL AND sc.band IN ('at_risk', 'critical')) AS expected`;
    });
    expect(risk!.expected).toBeGreaterThan(0);
    expect(risk!.stored).toBe(risk!.expected);
    // ...and recomputed the rollups: every non-archived account counted once, every month row once. So did
    // 20261204100000 and 20261204200000 fill the ARR and renewal rollups, from the accounts with an ARR / a renewal date.
    const rollupPairs: [string, string, string][] = [
      ['portfolio_group_score', 'portfolio_group_period_score', 'true'],
      ['portfolio_arr_score', 'portfolio_arr_period_score', 'a.arr IS NOT NULL'],
      ['portfolio_renewal_score', 'portfolio_renewal_period_score', 'a.renewal_date IS NOT NULL'],
    ];
    for (const [scores, periods, accountsIn] of rollupPairs) {
      const [rollups] = await asAdmin(
        async (admin) =>
          (await admin.query<{ grouped: number; accounts: number; grouped_months: number; months: number }>(`
            SELECT (SELECT coalesce(sum(accounts), 0)::int FROM ${scores}) AS grouped,
                   (SELECT count(*)::int FROM account a WHERE a.archived_at IS NULL AND ${accountsIn}) AS accounts,
                   (SELECT coalesce(sum(accounts), 0)::int FROM ${periods}) AS grouped_months,
                   (SELECT count(*)::int FROM account_period_score p JOIN account a ON a.organization_id = p.organization_id AND a.id = p.account_id
                     WHERE a.archived_at IS NULL AND ${accountsIn}) AS months`)).rows,
        database,
      );
      expect(rollups!.accounts, scores).toBeGreaterThan(0);
      expect(rollups!.grouped, scores).toBe(rollups!.accounts);
      expect(rollups!.grouped_months, periods).toBe(rollups!.months);
    }
    // FORCE is back on: the owner again sees nothing without an organisation.
    expect(await ownerPrisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM account_score`).toEqual([{ n: 0 }]);
  }, 120_000);
});
