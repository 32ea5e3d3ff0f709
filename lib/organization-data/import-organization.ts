import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { z } from 'zod';
import { hashPassword } from '@/lib/auth/password';
import { RESULT_UNANSWERED_SQL } from '@/lib/db/account-score-sql';
import { newPasswordSchema } from '@/lib/auth/password-policy';
import { ArchiveEntries } from './archive-entries';
import { MANIFEST_FILE, USERS_CSV_FILE, USERS_JSON_FILE, archiveManifestSchema, type ArchiveManifest } from './archive-manifest';
import { archivedRowSchema } from './row-schema';
import { APPLIED_MIGRATIONS_SQL, describeTables, quoteIdentifier, type Catalog, type SqlQuery, type TableDescription } from './table-catalog';
import { TENANT_TABLES, organizationColumnOf } from './tenant-tables';
import { readZipEvents } from './zip-stream-reader';

/** An archive this import refuses, with a message for the person running it. Nothing has been written. */
export class OrganizationImportError extends Error {
  override readonly name = 'OrganizationImportError';
}

export interface ImportOptions {
  /** Sets this admin's password (only for a user the import creates; an existing account keeps its own). */
  admin?: { email: string; password: string };
  /** Rows per INSERT (default 1,000). */
  batchSize?: number;
  onProgress?: (line: string) => void;
}

export interface ImportSummary {
  organization: ArchiveManifest['organization'];
  rows: Record<string, number>;
  users: { created: number; linked: number };
  adminPassword: 'set' | 'kept' | 'not requested';
}

const archivedUserSchema = z.strictObject({
  id: z.guid('must be a UUID'),
  email: z.email('must be an email').refine((email) => email === email.toLowerCase(), 'must be lower-case'),
  name: z.string('must be text'),
});

/**
 * `npm run org:import`: restores an organisation export (export-organization.ts) into this database, as the
 * owner role, in ONE transaction — a refused archive or a failure half-way leaves the database as it was.
 * The manifest is checked first (format, schema migrations, the organisation must not exist yet), then every
 * row is validated with zod before it is written. A person whose email already has an account is linked to it
 * (their memberships, authorship and audit rows point to the existing user); everyone else is created without
 * a password (see README: restored members' access).
 */
export async function importOrganizationArchive(ownerUrl: string, archivePath: string, options: ImportOptions = {}): Promise<ImportSummary> {
  const batchSize = options.batchSize ?? 1000;
  const log = options.onProgress ?? (() => {});
  const entries = new ArchiveEntries(readZipEvents(archivePath)[Symbol.asyncIterator]());
  const manifest = await readManifest(entries);
  const adminPassword = options.admin ? parseAdminPassword(options.admin) : null;

  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    // Tables FORCE row-level security, so even the owner (when it is not a superuser) writes only the
    // organisation named here.
    await client.query(`SELECT set_config('app.org_id', $1, true)`, [manifest.organization.id]);
    // The portfolio rollups are derived (not in the archive): computed once below, not by every batch's triggers.
    await client.query(`SELECT set_config('app.portfolio_rollup_deferred', 'on', true)`);
    const query: SqlQuery = async (sql, params = []) => (await client.query(sql, params)).rows;
    await checkMigrations(query, manifest);
    const catalog = await describeTables(query, TENANT_TABLES);
    checkColumns(catalog, manifest);
    await checkNoConflict(query, manifest);

    const userIds = new Map<string, string>();
    const createdUserIds = new Set<string>();
    const rows: Record<string, number> = {};
    let nextTable = 0;
    let usersRead = false;
    for (let name = await entries.nextFile(); name !== null; name = await entries.nextFile()) {
      if (name === MANIFEST_FILE) throw new OrganizationImportError('The archive holds more than one manifest.json.');
      if (name === USERS_CSV_FILE || manifest.tables.some((table) => table.csv === name)) continue;
      if (name === USERS_JSON_FILE) {
        const counts = await importUsers(client, entries, userIds, createdUserIds);
        if (counts.created + counts.linked !== manifest.users.rows) {
          throw new OrganizationImportError(`${USERS_JSON_FILE} has ${counts.created + counts.linked} users; the manifest says ${manifest.users.rows}.`);
        }
        usersRead = true;
        log(`users: ${counts.created} created, ${counts.linked} linked to existing accounts by email`);
        continue;
      }
      const archived = manifest.tables[nextTable];
      if (!archived || archived.json !== name) {
        throw new OrganizationImportError(`Unexpected file "${name}" in the archive (expected ${archived ? `"${archived.json}"` : 'no more data'}).`);
      }
      if (!usersRead) throw new OrganizationImportError(`${USERS_JSON_FILE} must come before the table data.`);
      const table = catalog.tables.get(archived.name)!;
      const count = await importTable(client, entries, {
        table,
        file: archived.json,
        columns: archived.columns.map((column) => column.name),
        schema: archivedRowSchema(table, archived.columns.map((column) => column.name), catalog.enums),
        manifest,
        userIds,
        batchSize,
      });
      if (count !== archived.rows) {
        throw new OrganizationImportError(`${archived.json} has ${count} rows; the manifest says ${archived.rows}.`);
      }
      rows[archived.name] = count;
      log(`${archived.name}: ${count.toLocaleString('en')} rows`);
      nextTable += 1;
    }
    if (!usersRead || nextTable !== manifest.tables.length) {
      const missing = usersRead ? manifest.tables[nextTable]!.json : USERS_JSON_FILE;
      throw new OrganizationImportError(`The archive is incomplete: "${missing}" is missing.`);
    }

    await deriveColumnsOlderArchivesLack(client, manifest);
    await client.query(`SELECT set_config('app.portfolio_rollup_deferred', '', true), refresh_portfolio_rollups($1::uuid)`, [manifest.organization.id]);
    const adminOutcome = adminPassword ? await setAdminPassword(client, manifest, adminPassword, userIds, createdUserIds) : 'not requested';
    await client.query('COMMIT');
    return {
      organization: manifest.organization,
      rows,
      users: { created: createdUserIds.size, linked: userIds.size - createdUserIds.size },
      adminPassword: adminOutcome,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw asImportError(error);
  } finally {
    await client.end();
  }
}

async function readManifest(entries: ArchiveEntries): Promise<ArchiveManifest> {
  let first: string | null;
  try {
    first = await entries.nextFile();
  } catch {
    throw new OrganizationImportError('This file is not a zip archive (or it is damaged).');
  }
  if (first !== MANIFEST_FILE) {
    throw new OrganizationImportError(`This is not an organisation export: its first file must be ${MANIFEST_FILE}.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await entries.text(MANIFEST_FILE));
  } catch {
    throw new OrganizationImportError(`${MANIFEST_FILE} is not valid JSON.`);
  }
  const parsed = archiveManifestSchema.safeParse(raw);
  if (!parsed.success) throw new OrganizationImportError(`${MANIFEST_FILE} is not valid: ${describeIssues(parsed.error)}.`);
  return parsed.data;
}

/**
 * account_score.unanswered (migration 20261201100000) copies the latest result's output; an archive exported
 * before it has no such column, and the default 0 would be written into that output by the next re-score.
 */
async function deriveColumnsOlderArchivesLack(client: pg.Client, manifest: ArchiveManifest): Promise<void> {
  const accountScore = manifest.tables.find((table) => table.name === 'account_score');
  if (!accountScore || accountScore.columns.some((column) => column.name === 'unanswered')) return;
  await client.query(
    `UPDATE account_score s SET unanswered = ${RESULT_UNANSWERED_SQL}
       FROM assessment_result r
      WHERE s.organization_id = $1::uuid AND r.organization_id = s.organization_id AND r.assessment_id = s.assessment_id
        AND ${RESULT_UNANSWERED_SQL} <> s.unanswered`,
    [manifest.organization.id],
  );
}

function parseAdminPassword(admin: NonNullable<ImportOptions['admin']>): { email: string; password: string } {
  const password = newPasswordSchema.safeParse(admin.password);
  if (!password.success) throw new OrganizationImportError(`The admin password is not accepted: ${password.error.issues[0]?.message}`);
  return { email: admin.email.trim().toLowerCase(), password: password.data };
}

async function checkMigrations(query: SqlQuery, manifest: ArchiveManifest): Promise<void> {
  const applied = new Set((await query<{ name: string }>(APPLIED_MIGRATIONS_SQL)).map((row) => row.name));
  const missing = manifest.migrations.filter((name) => !applied.has(name));
  if (missing.length > 0) {
    throw new OrganizationImportError(
      `The archive comes from a newer version of Desired State: this database lacks migration ${missing.join(', ')}. Update and run \`npm run db:migrate\` first.`,
    );
  }
}

function checkColumns(catalog: Catalog, manifest: ArchiveManifest): void {
  for (const archived of manifest.tables) {
    const table = catalog.tables.get(archived.name);
    if (!table) throw new OrganizationImportError(`This database has no table "${archived.name}".`);
    const archivedNames = new Set(archived.columns.map((column) => column.name));
    const unknown = [...archivedNames].filter((name) => !table.columns.some((column) => column.name === name));
    if (unknown.length > 0) throw new OrganizationImportError(`Table "${archived.name}" here has no column ${unknown.join(', ')}.`);
    const required = table.columns.filter((column) => !archivedNames.has(column.name) && !column.nullable && !column.hasDefault);
    if (required.length > 0) {
      throw new OrganizationImportError(`The archive lacks column ${required.map((column) => column.name).join(', ')} of "${archived.name}", which needs a value.`);
    }
    if (!archivedNames.has(organizationColumnOf(archived.name))) {
      throw new OrganizationImportError(`Table "${archived.name}" in the archive lacks its organisation column.`);
    }
  }
}

async function checkNoConflict(query: SqlQuery, manifest: ArchiveManifest): Promise<void> {
  const { id, slug } = manifest.organization;
  const existing = await query<{ id: string; slug: string }>(`SELECT id::text, slug FROM organization WHERE id = $1::uuid OR slug = $2`, [id, slug]);
  if (existing.some((row) => row.id === id)) {
    throw new OrganizationImportError(`Organisation ${id} ("${manifest.organization.name}") already exists in this database; delete it first or import into another database.`);
  }
  if (existing.length > 0) throw slugTaken(slug);
}

const slugTaken = (slug: string) => new OrganizationImportError(`An organisation with the address "${slug}" already exists in this database.`);

/** Creates the archive's people, or links them by email to existing accounts; fills `userIds` (archived id → id here). */
async function importUsers(client: pg.Client, entries: ArchiveEntries, userIds: Map<string, string>, createdUserIds: Set<string>) {
  const users: z.infer<typeof archivedUserSchema>[] = [];
  let lineNumber = 0;
  for await (const line of entries.lines(USERS_JSON_FILE)) {
    lineNumber += 1;
    users.push(parseLine(archivedUserSchema, line, USERS_JSON_FILE, lineNumber));
  }
  const emails = users.map((user) => user.email);
  const existing = await client.query<{ id: string; email: string }>(`SELECT id::text, email FROM "user" WHERE email = ANY($1::text[]) OR id = ANY($2::uuid[])`, [
    emails,
    users.map((user) => user.id),
  ]);
  const byEmail = new Map(existing.rows.map((row) => [row.email, row.id]));
  const takenIds = new Set(existing.rows.map((row) => row.id));
  const created: typeof users = [];
  for (const user of users) {
    if (userIds.has(user.id)) throw new OrganizationImportError(`${USERS_JSON_FILE} lists user ${user.id} twice.`);
    const linked = byEmail.get(user.email);
    if (linked) {
      userIds.set(user.id, linked);
      continue;
    }
    // Same id, different email: a different person here, so the restored one gets a fresh id.
    const id = takenIds.has(user.id) ? randomUUID() : user.id;
    userIds.set(user.id, id);
    createdUserIds.add(id);
    created.push({ ...user, id });
  }
  if (created.length > 0) {
    await client.query(`INSERT INTO "user" (id, email, name) SELECT id, email, name FROM json_populate_recordset(NULL::"user", $1::json)`, [
      JSON.stringify(created),
    ]);
  }
  return { created: created.length, linked: users.length - created.length };
}

interface TableImport {
  table: TableDescription;
  file: string;
  columns: string[];
  schema: z.ZodType<Record<string, unknown>>;
  manifest: ArchiveManifest;
  userIds: Map<string, string>;
  batchSize: number;
}

async function importTable(client: pg.Client, entries: ArchiveEntries, job: TableImport): Promise<number> {
  const { table, file, manifest } = job;
  const organizationColumn = organizationColumnOf(table.name);
  const columnList = job.columns.map(quoteIdentifier).join(', ');
  const insert = `INSERT INTO ${quoteIdentifier(table.name)} (${columnList})
                  SELECT ${columnList} FROM json_populate_recordset(NULL::${quoteIdentifier(table.name)}, $1::json)`;
  // Rows as JSON text: the archived line itself when nothing in it changed (no need to serialise it again).
  let batch: string[] = [];
  let lineNumber = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    try {
      await client.query(insert, [`[${batch.join(',')}]`]);
    } catch (error) {
      if (table.name === 'organization' && (error as { code?: string }).code === '23505') throw slugTaken(manifest.organization.slug);
      throw new OrganizationImportError(`The database refused rows of ${file} (lines ${lineNumber - batch.length + 1}–${lineNumber}): ${(error as Error).message}`);
    }
    batch = [];
  };
  for await (const line of entries.lines(file)) {
    lineNumber += 1;
    const row = parseLine(job.schema, line, file, lineNumber);
    if (row[organizationColumn] !== manifest.organization.id) {
      throw new OrganizationImportError(`${file} line ${lineNumber} belongs to another organisation.`);
    }
    if (table.name === 'organization' && (row.name !== manifest.organization.name || row.slug !== manifest.organization.slug)) {
      throw new OrganizationImportError(`${file} does not match the organisation named in ${MANIFEST_FILE}.`);
    }
    let remapped = false;
    for (const column of table.userColumns) {
      const archivedId = row[column];
      if (archivedId === null || archivedId === undefined) continue;
      const id = job.userIds.get(String(archivedId));
      if (!id) throw new OrganizationImportError(`${file} line ${lineNumber}: ${column} refers to user ${String(archivedId)}, who is not in ${USERS_JSON_FILE}.`);
      if (id !== archivedId) {
        row[column] = id;
        remapped = true;
      }
    }
    batch.push(remapped ? JSON.stringify(row) : line);
    if (batch.length >= job.batchSize) await flush();
  }
  await flush();
  return lineNumber;
}

function parseLine<T>(schema: z.ZodType<T>, line: string, file: string, lineNumber: number): T {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    throw new OrganizationImportError(`${file} line ${lineNumber} is not valid JSON.`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new OrganizationImportError(`${file} line ${lineNumber}: ${describeIssues(parsed.error)}.`);
  return parsed.data;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')} ${issue.message}` : issue.message))
    .join('; ');
}

async function setAdminPassword(
  client: pg.Client,
  manifest: ArchiveManifest,
  admin: { email: string; password: string },
  userIds: Map<string, string>,
  createdUserIds: Set<string>,
): Promise<'set' | 'kept'> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT u.id::text FROM "user" u JOIN membership m ON m.user_id = u.id AND m.organization_id = $1::uuid AND m.role = 'ADMIN' WHERE u.email = $2`,
    [manifest.organization.id, admin.email],
  );
  const id = rows[0]?.id;
  if (!id || ![...userIds.values()].includes(id)) {
    throw new OrganizationImportError(`${admin.email} is not an admin of the imported organisation.`);
  }
  // An account that existed before the import keeps its own password: the archive must not take it over.
  if (!createdUserIds.has(id)) return 'kept';
  await client.query(`UPDATE "user" SET password_hash = $1 WHERE id = $2::uuid`, [await hashPassword(admin.password), id]);
  return 'set';
}

function asImportError(error: unknown): Error {
  if (error instanceof OrganizationImportError) return error;
  if (error instanceof Error && /unexpected EOF|invalid zip|unknown compression/i.test(error.message)) {
    return new OrganizationImportError('The archive is damaged or not a zip file.');
  }
  return error instanceof Error ? error : new Error(String(error));
}
