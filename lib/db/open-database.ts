import path from 'node:path';
import type { Env } from '@/lib/env';
import { startEmbeddedPostgres } from './embedded-postgres';
import { applyMigrations } from './migrate';

export const EMBEDDED_DATABASE_NAME = 'desired_state';

export interface OpenDatabase {
  url: string;
  embedded: boolean;
  /** Stops the embedded server if this process started it; a no-op otherwise. */
  close(): Promise<void>;
}

/**
 * The database the app and the scripts use: DATABASE_URL when set, else the embedded PostgreSQL whose data
 * lives in DESIRED_STATE_DATA_DIR. Migrations are applied before it is handed out.
 */
export async function openDatabase(
  config: Env,
  options: { reuseRunning: boolean; onLog?: (line: string) => void },
): Promise<OpenDatabase> {
  if (config.DATABASE_URL) {
    await applyMigrations(config.DATABASE_URL);
    return { url: config.DATABASE_URL, embedded: false, close: async () => undefined };
  }
  const server = await startEmbeddedPostgres({
    dataDir: path.join(config.DESIRED_STATE_DATA_DIR, 'postgres'),
    port: config.EMBEDDED_POSTGRES_PORT,
    database: EMBEDDED_DATABASE_NAME,
    reuseRunning: options.reuseRunning,
    onLog: options.onLog,
  });
  try {
    await applyMigrations(server.url);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url: server.url, embedded: true, close: () => server.stop() };
}
