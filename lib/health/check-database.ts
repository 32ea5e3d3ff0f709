import type { PrismaClient } from '@/lib/db/create-prisma-client';

export type DatabaseHealth = { db: 'up' } | { db: 'down'; reason: string };

const TIMEOUT_MS = 2_000;

/**
 * Round-trips a trivial query. The reason is a fixed, user-safe phrase: raw driver errors can carry
 * host names and credentials, so they go to the server log only.
 */
export async function checkDatabase(prisma: PrismaClient): Promise<DatabaseHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), TIMEOUT_MS);
  });
  try {
    const outcome = await Promise.race([prisma.$queryRaw`SELECT 1`, timeout]);
    if (outcome === 'timeout') return { db: 'down', reason: `database did not answer within ${TIMEOUT_MS} ms` };
    return { db: 'up' };
  } catch (error) {
    console.error('[health] database check failed:', error);
    return { db: 'down', reason: 'database unreachable' };
  } finally {
    clearTimeout(timer);
  }
}
