/** `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database. */
import { EnvError, parseEnv } from '@/lib/env';
import { openDatabase } from '@/lib/db/open-database';

async function main(): Promise<void> {
  const config = parseEnv(process.env);
  // openDatabase applies the migrations before handing the database out.
  const database = await openDatabase(config, { reuseRunning: true });
  await database.close();
  console.log('[desired-state] Migrations are up to date.');
}

main().catch((error: unknown) => {
  console.error(`[desired-state] ${error instanceof EnvError || error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
