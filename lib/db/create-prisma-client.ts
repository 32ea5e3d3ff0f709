import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';

/**
 * A Prisma client on the pg driver adapter. Callers own its lifetime; tests pass the client into the code
 * under test instead of importing a process-wide singleton, so a test can never reach the dev database.
 */
export function createPrismaClient(connectionString: string, options: { max?: number; idleTimeoutMillis?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({
    connectionString,
    max: options.max ?? 10,
    ...(options.idleTimeoutMillis === undefined ? {} : { idleTimeoutMillis: options.idleTimeoutMillis }),
  });
  const client = new PrismaClient({ adapter });
  connectionStrings.set(client, connectionString);
  return client;
}

// On globalThis, not module scope: Next bundles server code in several layers, each with its own copy of this
// module, while the app's client is created once and shared through globalThis (lib/db/prisma.ts).
const registry = globalThis as typeof globalThis & { desiredStateConnectionStrings?: WeakMap<PrismaClient, string> };
const connectionStrings = (registry.desiredStateConnectionStrings ??= new WeakMap<PrismaClient, string>());

/**
 * The connection string a client was created with, for the rare bulk path that must bypass Prisma's parameter
 * handling on a second connection of the same role (the scoring re-score's staging rows).
 */
export function connectionStringOf(client: PrismaClient): string | undefined {
  return connectionStrings.get(client);
}

export type { PrismaClient };
