import { mkdtemp, rm, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '@/lib/db/embedded-postgres';
import { findFreePort } from '@/lib/db/free-port';

export interface TestServer {
  /** A URL to any database on the server, used for CREATE/DROP DATABASE. */
  adminUrl: string;
  stop(): Promise<void>;
}

/**
 * The PostgreSQL server the tests use: the one DATABASE_URL names, or else a fresh embedded cluster in a
 * temporary directory that is deleted afterwards (tests never touch the developer's .data database).
 */
export async function startTestServer(): Promise<TestServer> {
  const external = process.env.DATABASE_URL;
  if (external) return { adminUrl: external, stop: async () => undefined };

  const root = await mkdtemp(path.join(tmpdir(), 'desired-state-test-'));
  // The cluster runs as the unprivileged `postgres` user when we are root: it must be able to enter this folder.
  await chmod(root, 0o755);
  const server = await startEmbeddedPostgres({
    dataDir: path.join(root, 'pg'),
    port: await findFreePort(),
    database: 'postgres',
  });
  return {
    adminUrl: server.adminUrl,
    async stop() {
      await server.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}
