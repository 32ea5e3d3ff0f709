import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';

/**
 * A Prisma client on the pg driver adapter. Callers own its lifetime; tests pass the client into the code
 * under test instead of importing a process-wide singleton, so a test can never reach the dev database.
 */
export function createPrismaClient(connectionString: string, options: { max?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: options.max ?? 10 });
  return new PrismaClient({ adapter });
}

export type { PrismaClient };
