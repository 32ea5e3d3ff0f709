import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '@/lib/auth/password';
import { seedLargeOrganization, type SeedLargeSummary } from '@/lib/demo/large/seed-large-organization';
import { withTenant } from '@/lib/db/tenant';
import { AppError } from '@/lib/errors';
import { deleteOrganization, WRONG_CONFIRMATION_MESSAGE } from '@/lib/organization-data/delete-organization';
import { exportOrganizationArchive } from '@/lib/organization-data/export-organization';
import { importOrganizationArchive, OrganizationImportError } from '@/lib/organization-data/import-organization';
import { listTablesWithOrganizationColumn, type SqlQuery } from '@/lib/organization-data/table-catalog';
import { TENANT_TABLES, UNEXPORTED_TENANT_TABLES, organizationColumnOf } from '@/lib/organization-data/tenant-tables';
import type { OrganizationActor } from '@/lib/tenancy/require-actor-permission';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

/**
 * Organisation data: export (app role, RLS applies) → delete → `org:import` (owner) must give back every row of
 * every tenant table, byte for byte, and touch nothing of any other organisation.
 */

const NOW = new Date('2026-11-25T12:00:00.000Z');
let db: TestDatabase;
let workDir: string;
let orgA: SeedLargeSummary;
let orgB: SeedLargeSummary;

beforeAll(async () => {
  db = await createTestDatabase();
  workDir = await mkdtemp(path.join(tmpdir(), 'org-data-test-'));
  orgA = await seedLargeOrganization(db.url, { accounts: 40, assessments: 3, slug: 'data-a', seed: 3, now: NOW });
  orgB = await seedLargeOrganization(db.url, { accounts: 30, assessments: 2, slug: 'data-b', seed: 4, now: NOW });
  await addAwkwardRows(orgA.organization.id);
}, 120_000);

afterAll(async () => {
  await db?.drop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** Rows the synthetic loader does not make: an invitation, an audit event with JSON before/after, odd values. */
async function addAwkwardRows(organizationId: string) {
  const admin = await userByEmail(orgA.adminEmail);
  await db.prisma.account.create({
    data: { organizationId, name: '=HYPERLINK("http://evil.example")', externalId: 'crm,"quoted"\nline', arr: '123456789012.34', renewalDate: new Date('2027-02-28') },
  });
  await db.prisma.invitation.create({
    data: { organizationId, email: 'invitee@example.com', role: 'CSM', tokenHash: 'x'.repeat(64), invitedByUserId: admin, expiresAt: new Date('2026-12-01T00:00:00.123Z') },
  });
  await db.prisma.auditEvent.create({
    data: { organizationId, actorUserId: admin, action: 'weights.changed', entityType: 'weight_config', before: { w: [0.1, 1e-7, 1 / 3] }, after: { note: 'ünïcödé ✓' } },
  });
}

async function withOwner<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const ownerQuery =
  (url: string): SqlQuery =>
  (sql, params = []) =>
    withOwner(url, async (client) => (await client.query(sql, params)).rows);

async function userByEmail(email: string, url = db.url): Promise<string> {
  const [row] = await ownerQuery(url)<{ id: string }>(`SELECT id::text FROM "user" WHERE email = $1`, [email]);
  return row!.id;
}

async function actorOf(summary: SeedLargeSummary, email = summary.adminEmail): Promise<OrganizationActor> {
  return { organizationId: summary.organization.id, userId: await userByEmail(email) };
}

/** Every row of every tenant table of the organisation, as PostgreSQL's JSON, in a stable order. */
async function snapshot(organizationId: string, url = db.url): Promise<Record<string, string[]>> {
  return withOwner(url, async (client) => {
    const tables: Record<string, string[]> = {};
    for (const table of TENANT_TABLES) {
      const { rows } = await client.query<{ json: string }>(
        `SELECT row_to_json(t)::text AS json FROM "${table}" t WHERE ${organizationColumnOf(table)} = $1::uuid ORDER BY 1`,
        [organizationId],
      );
      tables[table] = rows.map((row) => row.json);
    }
    return tables;
  });
}

async function countUsers(url = db.url): Promise<number> {
  const [row] = await ownerQuery(url)<{ count: number }>(`SELECT count(*)::int AS count FROM "user"`);
  return row!.count;
}

async function exportToFile(actor: OrganizationActor, name: string): Promise<string> {
  const file = path.join(workDir, name);
  const output = createWriteStream(file);
  await exportOrganizationArchive(db.appPrisma, actor, output, { batchSize: 7 });
  await finished(output);
  return file;
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

/** Rewrites one file of an archive (for tampering tests). */
async function tampered(source: string, name: string, edit: (text: string) => string): Promise<string> {
  const files = unzipSync(new Uint8Array(await readFile(source)));
  files[name] = strToU8(edit(strFromU8(files[name]!)));
  const target = path.join(workDir, `tampered-${name.replace(/\W/g, '-')}.zip`);
  await writeFile(target, zipSync(files));
  return target;
}

describe('the list of tenant tables', () => {
  it('covers every table with an organization_id column, so none can be left out of exports', async () => {
    const inDatabase = await listTablesWithOrganizationColumn(ownerQuery(db.url));
    const listed = [...TENANT_TABLES.filter((table) => table !== 'organization'), ...UNEXPORTED_TENANT_TABLES];
    const missing = inDatabase.filter((table) => !(listed as readonly string[]).includes(table));
    expect(missing, 'add these tables to TENANT_TABLES in lib/organization-data/tenant-tables.ts').toEqual([]);
    expect([...inDatabase].sort()).toEqual([...listed].sort());
  });
});

describe('exporting an organisation', () => {
  it('writes a zip with a manifest, a JSON Lines and a CSV file per table, and people without passwords', async () => {
    const file = await exportToFile(await actorOf(orgA), 'a-contents.zip');
    const files = unzipSync(new Uint8Array(await readFile(file)));
    const names = Object.keys(files);
    expect(names[0]).toBe('manifest.json');
    for (const table of TENANT_TABLES) expect(names).toEqual(expect.arrayContaining([`data/${table}.jsonl`, `csv/${table}.csv`]));
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as {
      organization: { id: string };
      migrations: string[];
      tables: { name: string; rows: number }[];
      users: { rows: number };
    };
    expect(manifest.organization.id).toBe(orgA.organization.id);
    expect(manifest.migrations.length).toBeGreaterThan(0);
    const before = await snapshot(orgA.organization.id);
    for (const table of manifest.tables) {
      expect(table.rows, table.name).toBe(before[table.name]!.length);
      const lines = strFromU8(files[`data/${table.name}.jsonl`]!).split('\n').filter(Boolean);
      expect(lines).toHaveLength(table.rows);
    }
    const users = strFromU8(files['users.jsonl']!);
    expect(users).not.toMatch(/password|argon2/i);
    expect(users.split('\n').filter(Boolean)).toHaveLength(manifest.users.rows);
    expect(manifest.users.rows).toBe(orgA.csmCount + 2);
    // Spreadsheet safety: a formula-looking cell is neutralised and quoting survives commas, quotes and newlines.
    const accountsCsv = strFromU8(files['csv/account.csv']!);
    expect(accountsCsv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(accountsCsv).toContain('"crm,""quoted""\nline"');
    expect(accountsCsv).not.toContain(orgB.organization.id);
  });

  it('is for admins only: LEADER and CSM are refused, another organisation is not found', async () => {
    const leader = await actorOf(orgA, orgA.leaderEmail);
    const outcome = async (actor: OrganizationActor) =>
      ((await rejection(exportOrganizationArchive(db.appPrisma, actor, new PassThrough()))) as AppError).code;
    expect(await outcome(leader)).toBe('FORBIDDEN');
    const [csm] = await ownerQuery(db.url)<{ id: string }>(
      `SELECT user_id::text AS id FROM membership WHERE organization_id = $1::uuid AND role = 'CSM' LIMIT 1`,
      [orgA.organization.id],
    );
    expect(await outcome({ organizationId: orgA.organization.id, userId: csm!.id })).toBe('FORBIDDEN');
    const adminOfB = await actorOf(orgB);
    expect(await outcome({ organizationId: orgA.organization.id, userId: adminOfB.userId })).toBe('NOT_FOUND');
  });
});

describe('deleting an organisation', () => {
  it('refuses a wrong name, non-admins and other organisations, deleting nothing', async () => {
    const before = await snapshot(orgA.organization.id);
    const admin = await actorOf(orgA);
    const wrong = (await rejection(deleteOrganization(db.appPrisma, admin, { confirmationName: orgA.organization.name.toUpperCase() }))) as AppError;
    expect(wrong.code).toBe('VALIDATION');
    expect(wrong.message).toBe(WRONG_CONFIRMATION_MESSAGE);
    const leader = await actorOf(orgA, orgA.leaderEmail);
    expect(((await rejection(deleteOrganization(db.appPrisma, leader, { confirmationName: orgA.organization.name }))) as AppError).code).toBe('FORBIDDEN');
    const adminOfB = await actorOf(orgB);
    const crossTenant = { organizationId: orgA.organization.id, userId: adminOfB.userId };
    expect(((await rejection(deleteOrganization(db.appPrisma, crossTenant, { confirmationName: orgA.organization.name }))) as AppError).code).toBe('NOT_FOUND');
    expect(await snapshot(orgA.organization.id)).toEqual(before);
  });

  it('is possible for the app role only for the organisation its transaction is scoped to (RLS)', async () => {
    const before = await snapshot(orgB.organization.id);
    const deleted = await withTenant(db.appPrisma, { organizationId: orgA.organization.id }, (tx) =>
      tx.$executeRaw`DELETE FROM organization WHERE id = ${orgB.organization.id}::uuid`,
    );
    expect(deleted).toBe(0);
    expect(await snapshot(orgB.organization.id)).toEqual(before);
  });
});

describe('export → delete → import', () => {
  it('restores every row of every table identically, and never touches another organisation', async () => {
    const archive = await exportToFile(await actorOf(orgA), 'a-roundtrip.zip');
    // After the export: it records an audit event, which the archive holds too.
    const beforeA = await snapshot(orgA.organization.id);
    const beforeB = await snapshot(orgB.organization.id);
    const usersBefore = await countUsers();
    expect(beforeA.audit_event!.some((event) => event.includes('"organization.exported"'))).toBe(true);

    // A staging row left behind by a re-score that rolled back: it has no foreign key to cascade along.
    const [orphanSource] = await ownerQuery(db.url)<{ assessment_id: string; account_id: string }>(
      'SELECT assessment_id, account_id FROM account_score WHERE organization_id = $1::uuid LIMIT 1', [orgA.organization.id]);
    await ownerQuery(db.url)(
      `INSERT INTO rescore_staging (organization_id, batch_id, assessment_id, account_id, score, gap, band, targets, output)
       VALUES ($1::uuid, gen_random_uuid(), $2::uuid, $3::uuid, 50, 50, 'at_risk', '{}', '{}')`,
      [orgA.organization.id, orphanSource!.assessment_id, orphanSource!.account_id]);

    const deleted = await deleteOrganization(db.appPrisma, await actorOf(orgA), { confirmationName: ` ${orgA.organization.name} ` });
    expect(deleted.rows.account).toBe(41);
    expect(deleted.rows.rescore_staging).toBe(1);
    const gone = await snapshot(orgA.organization.id);
    for (const table of TENANT_TABLES) expect(gone[table], table).toEqual([]);
    for (const table of UNEXPORTED_TENANT_TABLES) {
      const left = await ownerQuery(db.url)(`SELECT 1 FROM "${table}" WHERE organization_id = $1::uuid`, [orgA.organization.id]);
      expect(left, table).toEqual([]);
    }
    expect(await snapshot(orgB.organization.id)).toEqual(beforeB);
    // Users are global: everyone stays, including people who now belong to no organisation.
    expect(await countUsers()).toBe(usersBefore);

    const summary = await importOrganizationArchive(db.url, archive, { batchSize: 5 });
    expect(summary.users).toEqual({ created: 0, linked: orgA.csmCount + 2 });
    expect(await snapshot(orgA.organization.id)).toEqual(beforeA);
    expect(await snapshot(orgB.organization.id)).toEqual(beforeB);
    expect(await countUsers()).toBe(usersBefore);
  });

  it('restores into an empty database with identical scores, and gives the named admin a password', async () => {
    const archive = await exportToFile(await actorOf(orgB), 'b-fresh.zip');
    const fresh = await createTestDatabase();
    try {
      const password = 'restored admin passphrase 42';
      const summary = await importOrganizationArchive(fresh.url, archive, { admin: { email: orgB.adminEmail.toUpperCase(), password } });
      expect(summary).toMatchObject({ adminPassword: 'set', users: { created: orgB.csmCount + 2, linked: 0 } });
      expect(await snapshot(orgB.organization.id, fresh.url)).toEqual(await snapshot(orgB.organization.id));
      const people = await ownerQuery(fresh.url)<{ email: string; password_hash: string | null }>(`SELECT email, password_hash FROM "user"`);
      expect(people.filter((person) => person.password_hash !== null).map((person) => person.email)).toEqual([orgB.adminEmail]);
      const hash = people.find((person) => person.email === orgB.adminEmail)!.password_hash!;
      expect(await verifyPassword(hash, password)).toBe(true);
    } finally {
      await fresh.drop();
    }
  });
});

describe('an archive from an earlier version', () => {
  it('without account_score.unanswered (before migration 20261201100000): the count is taken from the results', async () => {
    // The app never stores a result with unanswered questions, so give one latest result some, as data from
    // elsewhere would have, and its account_score row the same count.
    const { id: organizationId } = orgB.organization;
    const [latest] = await ownerQuery(db.url)<{ assessment_id: string; account_id: string }>(
      `SELECT assessment_id::text, account_id::text FROM account_score WHERE organization_id = $1::uuid ORDER BY account_id LIMIT 1`, [organizationId]);
    await withOwner(db.url, async (client) => {
      await client.query(`UPDATE assessment_result SET output = (output::jsonb || '{"unanswered": 4}')::json WHERE organization_id = $1::uuid AND assessment_id = $2::uuid`, [organizationId, latest!.assessment_id]);
      await client.query(`UPDATE account_score SET unanswered = 4 WHERE organization_id = $1::uuid AND account_id = $2::uuid`, [organizationId, latest!.account_id]);
    });
    const current = await exportToFile(await actorOf(orgB), 'b-current.zip');
    const withoutColumn = await tampered(
      await tampered(current, 'manifest.json', (text) => {
        const manifest = JSON.parse(text) as { tables: { name: string; columns: { name: string }[] }[] };
        const table = manifest.tables.find((t) => t.name === 'account_score')!;
        table.columns = table.columns.filter((column) => column.name !== 'unanswered');
        return JSON.stringify(manifest);
      }),
      'data/account_score.jsonl',
      (text) => text.split('\n').filter(Boolean).map((line) => {
        const row = JSON.parse(line) as Record<string, unknown>;
        delete row.unanswered;
        return JSON.stringify(row);
      }).join('\n'),
    );
    const fresh = await createTestDatabase();
    try {
      await importOrganizationArchive(fresh.url, withoutColumn);
      expect(await snapshot(organizationId, fresh.url)).toEqual(await snapshot(organizationId));
      const [restored] = await ownerQuery(fresh.url)<{ unanswered: number }>(
        `SELECT unanswered FROM account_score WHERE organization_id = $1::uuid AND account_id = $2::uuid`, [organizationId, latest!.account_id]);
      expect(restored!.unanswered).toBe(4);
    } finally {
      await fresh.drop();
    }
  });
});

describe('import links people by email', () => {
  it('points memberships, authorship and audit rows at an existing account with the same email', async () => {
    const archive = await exportToFile(await actorOf(orgB), 'b-link.zip');
    const fresh = await createTestDatabase();
    try {
      const [existing] = await ownerQuery(fresh.url)<{ id: string }>(
        `INSERT INTO "user" (email, name, password_hash) VALUES ($1, 'Already Here', 'kept-hash') RETURNING id::text`,
        [orgB.adminEmail],
      );
      const summary = await importOrganizationArchive(fresh.url, archive, { admin: { email: orgB.adminEmail, password: 'restored admin passphrase 42' } });
      expect(summary).toMatchObject({ adminPassword: 'kept', users: { created: orgB.csmCount + 1, linked: 1 } });
      const [membership] = await ownerQuery(fresh.url)<{ role: string }>(
        `SELECT role::text FROM membership WHERE organization_id = $1::uuid AND user_id = $2::uuid`,
        [orgB.organization.id, existing!.id],
      );
      expect(membership?.role).toBe('ADMIN');
      const [user] = await ownerQuery(fresh.url)<{ password_hash: string; name: string }>(`SELECT password_hash, name FROM "user" WHERE id = $1::uuid`, [existing!.id]);
      expect(user).toEqual({ password_hash: 'kept-hash', name: 'Already Here' });
      // Everything else is identical; the admin's rows differ only in the user id they point to.
      const originalAdmin = await userByEmail(orgB.adminEmail);
      const source = await snapshot(orgB.organization.id);
      const restored = await snapshot(orgB.organization.id, fresh.url);
      for (const table of TENANT_TABLES) {
        expect(restored[table]!.map((row) => row.replaceAll(existing!.id, originalAdmin)).sort(), table).toEqual([...source[table]!].sort());
      }
    } finally {
      await fresh.drop();
    }
  });
});

describe('import refuses, writing nothing', () => {
  let archive: string;
  beforeAll(async () => {
    archive = await exportToFile(await actorOf(orgB), 'b-refusals.zip');
  });

  async function expectRefused(file: string, message: RegExp, url = db.url) {
    const users = await countUsers(url);
    const [orgs] = await ownerQuery(url)<{ count: number }>(`SELECT count(*)::int AS count FROM organization`);
    const error = await rejection(importOrganizationArchive(url, file));
    expect(error).toBeInstanceOf(OrganizationImportError);
    expect(error.message).toMatch(message);
    expect(await countUsers(url)).toBe(users);
    const [after] = await ownerQuery(url)<{ count: number }>(`SELECT count(*)::int AS count FROM organization`);
    expect(after!.count).toBe(orgs!.count);
  }

  it('an organisation that already exists', async () => {
    const before = await snapshot(orgB.organization.id);
    await expectRefused(archive, /already exists in this database/);
    expect(await snapshot(orgB.organization.id)).toEqual(before);
  });

  it('a tampered manifest, a bad row, a wrong row count or a row of another organisation', async () => {
    const fresh = await createTestDatabase();
    try {
      await expectRefused(await tampered(archive, 'manifest.json', (text) => text.replace('"formatVersion": 1', '"formatVersion": 99')), /manifest\.json is not valid: formatVersion/, fresh.url);
      await expectRefused(
        await tampered(archive, 'manifest.json', (text) => text.replace('"migrations": [', '"migrations": [\n    "29990101000000_from_the_future",')),
        /newer version of Desired State: this database lacks migration 29990101000000_from_the_future/,
        fresh.url,
      );
      await expectRefused(
        await tampered(archive, 'data/account.jsonl', (text) => text.replace(/"arr":"[^"]*"/, '"arr":"lots"')),
        /data\/account\.jsonl line \d+: arr must be a decimal/,
        fresh.url,
      );
      await expectRefused(
        await tampered(archive, 'data/assessment_result.jsonl', (text) => text.split('\n').slice(1).join('\n')),
        /assessment_result\.jsonl has \d+ rows; the manifest says \d+/,
        fresh.url,
      );
      await expectRefused(
        await tampered(archive, 'data/segment.jsonl', (text) => text.replace(orgB.organization.id, orgA.organization.id)),
        /segment\.jsonl line 1 belongs to another organisation/,
        fresh.url,
      );
      // Rows the database itself refuses (a score over 100 breaks a CHECK) roll the whole import back.
      await expectRefused(
        await tampered(archive, 'data/assessment_result.jsonl', (text) => text.replace(/"score":[0-9.e-]+/, '"score":101')),
        /refused rows of data\/assessment_result\.jsonl.*assessment_result_score_check/,
        fresh.url,
      );
      const notZip = path.join(workDir, 'not-a-zip.zip');
      await writeFile(notZip, 'hello');
      await expectRefused(notZip, /not a zip archive|not an organisation export|damaged/, fresh.url);
    } finally {
      await fresh.drop();
    }
  });
});
