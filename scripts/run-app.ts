/**
 * `npm run dev` / `npm start`: one command that brings the whole app up.
 * Validates the environment, opens the database (embedded PostgreSQL unless DATABASE_URL is set), applies
 * migrations, seeds the demo organisation into an empty database, prints the demo sign-in details, then runs
 * Next.js. Ctrl-C stops Next.js and then the embedded database cleanly.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { EnvError, parseEnv } from '@/lib/env';
import { openDatabase, type OpenDatabase } from '@/lib/db/open-database';
import { EmbeddedPostgresError } from '@/lib/db/embedded-postgres';
import { MigrationError } from '@/lib/db/migrate';
import { ensureDemoData } from './ensure-demo-data';
import { loadOrCreateAuthSecret } from './auth-secret';

const mode = process.argv[2];
if (mode !== 'dev' && mode !== 'start') {
  console.error('Usage: tsx scripts/run-app.ts dev|start');
  process.exit(2);
}

async function main(): Promise<void> {
  const config = parseEnv(process.env);
  if (mode === 'start' && !existsSync('.next/BUILD_ID')) {
    throw new UserFacingError('No production build found. Run `npm run build` first (or use `npm run dev`).');
  }

  log(config.DATABASE_URL ? 'Using the PostgreSQL server in DATABASE_URL.' : 'Starting the embedded PostgreSQL…');
  const database = await openDatabase(config, { reuseRunning: false });
  log(`Database ready${database.embedded ? ` (embedded, data in ${config.DESIRED_STATE_DATA_DIR}/postgres)` : ''}; migrations applied.`);
  if (!database.rowLevelSecurityEnforced) {
    log('WARNING: DATABASE_URL connects as a superuser or BYPASSRLS role, so row-level security is NOT enforced. ' +
      'Connect the app as desired_state_app (see README) and put the owner in MIGRATION_DATABASE_URL.');
  }
  const stopDatabase = once(() => database.close());

  const publicUrl = config.NEXTAUTH_URL ?? `http://localhost:${config.PORT}`;
  try {
    await ensureDemoData(database.ownerUrl, config.DESIRED_STATE_DATA_DIR, publicUrl);
  } catch (error) {
    await stopDatabase();
    throw error;
  }

  const authSecret = config.NEXTAUTH_SECRET ?? (await loadOrCreateAuthSecret(config.DESIRED_STATE_DATA_DIR));
  runNext(config.PORT, database, authSecret, publicUrl, stopDatabase);
}

function runNext(
  port: number,
  database: OpenDatabase,
  authSecret: string,
  publicUrl: string,
  stopDatabase: () => Promise<void>,
): void {
  const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
  const child = spawn(process.execPath, [nextBin, mode!, '--port', String(port)], {
    stdio: 'inherit',
    env: {
      ...process.env,
      DATABASE_URL: database.appUrl,
      NEXTAUTH_SECRET: authSecret,
      NEXTAUTH_URL: publicUrl,
      // No telemetry: the product must not phone home.
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });

  let shuttingDown = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log(`${signal} received: stopping the server${database.embedded ? ' and the embedded database' : ''}…`);
    child.kill('SIGTERM');
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  child.on('exit', async (code, signal) => {
    await stopDatabase();
    if (shuttingDown) log('Stopped cleanly.');
    process.exit(shuttingDown ? 0 : (code ?? (signal ? 1 : 0)));
  });
}

class UserFacingError extends Error {}

function log(message: string): void {
  console.log(`[desired-state] ${message}`);
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let promise: Promise<void> | undefined;
  return () => (promise ??= fn());
}

main().catch((error: unknown) => {
  const expected = [EnvError, EmbeddedPostgresError, MigrationError, UserFacingError].some((type) => error instanceof type);
  console.error(`\n[desired-state] ${expected ? (error as Error).message : 'Start-up failed:'}`);
  if (!expected) console.error(error);
  process.exit(1);
});
