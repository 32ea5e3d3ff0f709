import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Env } from '@/lib/env';
import { enableAppRoleLogin, isSubjectToRowLevelSecurity } from './app-role';
import { startEmbeddedPostgres } from './embedded-postgres';
import { applyMigrations } from './migrate';

export const EMBEDDED_DATABASE_NAME = 'desired_state';

export interface OpenDatabase {
  /** Owner connection: migrations, seeds, maintenance. */
  ownerUrl: string;
  /** The application's connection: a role that row-level security applies to. */
  appUrl: string;
  embedded: boolean;
  /** False when the app's role bypasses row-level security (a superuser in DATABASE_URL). */
  rowLevelSecurityEnforced: boolean;
  /** Stops the embedded server if this process started it; a no-op otherwise. */
  close(): Promise<void>;
}

/**
 * The database the app and the scripts use, migrated: DATABASE_URL (app role) and MIGRATION_DATABASE_URL
 * (owner, defaults to DATABASE_URL) when set, else the embedded PostgreSQL in DESIRED_STATE_DATA_DIR, where the
 * owner is the cluster's superuser and the app logs in as `desired_state_app`.
 */
export async function openDatabase(
  config: Env,
  options: { reuseRunning: boolean; onLog?: (line: string) => void },
): Promise<OpenDatabase> {
  if (config.DATABASE_URL) {
    const ownerUrl = config.MIGRATION_DATABASE_URL ?? config.DATABASE_URL;
    await applyMigrations(ownerUrl);
    return {
      ownerUrl,
      appUrl: config.DATABASE_URL,
      embedded: false,
      rowLevelSecurityEnforced: await isSubjectToRowLevelSecurity(config.DATABASE_URL),
      close: async () => undefined,
    };
  }
  const dataDir = path.join(config.DESIRED_STATE_DATA_DIR, 'postgres');
  const server = await startEmbeddedPostgres({
    dataDir,
    port: config.EMBEDDED_POSTGRES_PORT,
    database: EMBEDDED_DATABASE_NAME,
    reuseRunning: options.reuseRunning,
    onLog: options.onLog,
  });
  try {
    await applyMigrations(server.url);
    const appUrl = await enableAppRoleLogin(server.url, await appRolePassword(dataDir));
    return { ownerUrl: server.url, appUrl, embedded: true, rowLevelSecurityEnforced: true, close: () => server.stop() };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** Generated once per embedded cluster and kept beside it (git-ignored), never hard-coded. */
async function appRolePassword(dataDir: string): Promise<string> {
  const file = `${path.resolve(dataDir)}.app-password`;
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}
