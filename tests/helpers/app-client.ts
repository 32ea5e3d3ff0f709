import { connectionStringOf } from '@/lib/db/create-prisma-client';
import type { TestDatabase } from './test-database';

/**
 * For tests of modules that use the app's own client (lib/db/prisma), which reads DATABASE_URL once, at first use:
 * call before the first dynamic import of such a module, with `env` for any other setting lib/env should read.
 */
export function pointAppClientAt(db: TestDatabase, env: Record<string, string> = {}): void {
  process.env.DATABASE_URL = connectionStringOf(db.appPrisma);
  Object.assign(process.env, env);
}

/** Closes the app's own client (its pool would otherwise outlive the test database). */
export async function closeAppClient(): Promise<void> {
  const { prisma } = await import('@/lib/db/prisma');
  await prisma().$disconnect();
}
