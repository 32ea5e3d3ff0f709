/**
 * `npm run seed:large -- --accounts N --assessments K [--org-slug S] [--seed S]`: loads a new synthetic organisation
 * (N accounts, K scored assessments each) with COPY, for load and performance work. Uses DATABASE_URL, or the
 * embedded PostgreSQL (connecting to it if `npm start` runs it already).
 */
import { openDatabase } from '@/lib/db/open-database';
import { parseSeedLargeArgs, SeedLargeArgsError } from '@/lib/demo/large/seed-large-args';
import { seedLargeOrganization, SeedLargeError, type SeedLargeSummary } from '@/lib/demo/large/seed-large-organization';
import { EnvError, parseEnv } from '@/lib/env';

const log = (message: string) => console.log(`[seed:large] ${message}`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function printSummary(summary: SeedLargeSummary): void {
  const { timings } = summary;
  const { organization } = summary;
  log(`Organisation '${organization.name}' (slug ${organization.slug}) loaded in ${seconds(timings.total)}.`);
  const phases = (['setup', 'accounts', 'assessments', 'results', 'latest', 'periods', 'commit', 'vacuum'] as const)
    .map((phase) => `${phase} ${seconds(timings[phase])}`)
    .join(', ');
  log(`Phases: ${phases}.`);
  log(`Node CPU inside them: generation ${seconds(timings.generation)}, scoring + JSON ${seconds(timings.scoring)}.`);
  log('Rows per table:');
  for (const [table, count] of Object.entries(summary.rowCounts)) {
    log(`  ${table.padEnd(18)} ${count.toLocaleString('en').padStart(12)}`);
  }
  log(`Sign in as ${summary.adminEmail} (admin), ${summary.leaderEmail} (CS leader) or any of its ${summary.csmCount} CSMs`);
  log(`with the shared password: ${summary.password}`);
}

async function main(): Promise<void> {
  const args = parseSeedLargeArgs(process.argv.slice(2));
  const config = parseEnv(process.env);
  const database = await openDatabase(config, { reuseRunning: true });
  try {
    const size = `${args.accounts.toLocaleString('en')} accounts × ${args.assessments} assessments`;
    log(`Loading ${size} into a new organisation '${args.slug}'${database.embedded ? ' (embedded PostgreSQL)' : ''}…`);
    printSummary(await seedLargeOrganization(database.ownerUrl, { ...args, onProgress: log }));
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  const expected = error instanceof SeedLargeArgsError || error instanceof SeedLargeError || error instanceof EnvError;
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(expected ? (error as Error).message : `[seed:large] Failed: ${detail}`);
  process.exit(1);
});
