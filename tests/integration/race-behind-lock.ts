import { expect } from 'vitest';
import type { PrismaClient } from '@/lib/db/create-prisma-client';
import type { Prisma } from '@/lib/generated/prisma/client';

/**
 * Makes a race deterministic: holds row locks (`lockSql`, run as the owner) while every attempt starts, waits
 * until all of them are blocked on those rows in a query matching `blockedQuery` (an ILIKE pattern), then
 * releases the locks so they contend at exactly the point under test.
 */
export async function raceBehindLock<T>(
  owner: PrismaClient,
  lockSql: Prisma.Sql,
  blockedQuery: string,
  attempts: (() => Promise<T>)[],
): Promise<PromiseSettledResult<T>[]> {
  const { racing } = await owner.$transaction(
    async (tx) => {
      await tx.$queryRaw(lockSql);
      const started = Promise.allSettled(attempts.map((attempt) => attempt()));
      await expect
        .poll(
          async () => {
            const [row] = await owner.$queryRaw<{ waiting: number }[]>`
              SELECT count(*)::int AS waiting FROM pg_stat_activity
               WHERE datname = current_database() AND usename = 'desired_state_app'
                 AND wait_event_type = 'Lock' AND query ILIKE ${blockedQuery}`;
            return row?.waiting ?? 0;
          },
          { timeout: 15_000, interval: 50 },
        )
        .toBe(attempts.length);
      // Wrapped, so the transaction does not wait for the attempts it is blocking.
      return { racing: started };
    },
    { timeout: 20_000 },
  );
  return racing;
}
