/**
 * `npx tsx scripts/bench/organization-data.ts [--org-slug large-50000] [--export-only]`
 *
 * Benchmarks issue 6's organisation data on a seed:large organisation: the streamed export (as the app role,
 * RLS applies, one REPEATABLE READ snapshot) to a zip on disk, then `org:import` of that zip into a fresh
 * migrated database on the same server, and checks the scores there equal the source's. Prints wall times,
 * archive size and peak RSS. Use a throwaway cluster, never the development one:
 *
 *   DESIRED_STATE_DATA_DIR=/tmp/h3-bench EMBEDDED_POSTGRES_PORT=55730 npm run seed:large -- --accounts 50000 --assessments 10
 *   DESIRED_STATE_DATA_DIR=/tmp/h3-bench EMBEDDED_POSTGRES_PORT=55730 npx tsx scripts/bench/organization-data.ts
 *
 * A benchmark prints figures; it asserts nothing (docs/benchmarks.md records the results).
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import pg from 'pg';
import { createPrismaClient } from '@/lib/db/create-prisma-client';
import { applyMigrations } from '@/lib/db/migrate';
import { openDatabase } from '@/lib/db/open-database';
import { parseEnv } from '@/lib/env';
import { exportOrganizationArchive } from '@/lib/organization-data/export-organization';
import { importOrganizationArchive } from '@/lib/organization-data/import-organization';
import { arg } from './arg';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);

async function scoreFingerprint(url: string, organizationId: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Identical rows give an identical digest of every stored score (history and latest).
    const { rows } = await client.query<{ results: string; latest: string }>(
      `SELECT (SELECT md5(string_agg(row_to_json(r)::text, '' ORDER BY assessment_id)) FROM assessment_result r WHERE organization_id = $1) AS results,
              (SELECT md5(string_agg(row_to_json(s)::text, '' ORDER BY account_id)) FROM account_score s WHERE organization_id = $1) AS latest`,
      [organizationId],
    );
    return `${rows[0]!.results}/${rows[0]!.latest}`;
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const slug = arg('org-slug', 'large-50000');
  const database = await openDatabase(parseEnv(process.env), { reuseRunning: true });
  const owner = createPrismaClient(database.ownerUrl, { max: 2 });
  const app = createPrismaClient(database.appUrl, { max: 2 });
  const workDir = await mkdtemp(path.join(tmpdir(), 'org-data-bench-'));
  const targetName = `org_import_bench_${Date.now()}`;
  const targetUrl = new URL(database.ownerUrl);
  targetUrl.pathname = `/${targetName}`;
  try {
    const org = await owner.organization.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    const admin = await owner.membership.findFirstOrThrow({ where: { organizationId: org.id, role: 'ADMIN' }, select: { userId: true } });
    const file = path.join(workDir, `${slug}.zip`);

    let started = performance.now();
    const output = createWriteStream(file);
    const manifest = await exportOrganizationArchive(app, { organizationId: org.id, userId: admin.userId }, output);
    await finished(output);
    const exportMs = performance.now() - started;
    const size = (await stat(file)).size;
    const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    console.log(`export: ${seconds(exportMs)}, ${rows.toLocaleString('en')} rows, archive ${(size / 1024 / 1024).toFixed(1)} MiB, peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MiB`);
    for (const table of manifest.tables) console.log(`  ${table.name.padEnd(18)} ${table.rows.toLocaleString('en').padStart(10)}`);

    if (process.argv.includes('--export-only')) return;
    await owner.$executeRawUnsafe(`CREATE DATABASE "${targetName}"`);
    await applyMigrations(targetUrl.toString());
    peakRss = 0;
    started = performance.now();
    await importOrganizationArchive(targetUrl.toString(), file);
    const importMs = performance.now() - started;
    console.log(`import into an empty database: ${seconds(importMs)}, peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MiB`);
    const [source, restored] = await Promise.all([scoreFingerprint(database.ownerUrl, org.id), scoreFingerprint(targetUrl.toString(), org.id)]);
    console.log(`scores identical after import: ${source === restored ? 'yes' : `NO (${source} vs ${restored})`}`);
  } finally {
    clearInterval(sampler);
    await owner.$executeRawUnsafe(`DROP DATABASE IF EXISTS "${targetName}" WITH (FORCE)`).catch(() => {});
    await owner.$disconnect();
    await app.$disconnect();
    await rm(workDir, { recursive: true, force: true });
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
