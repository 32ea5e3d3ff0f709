import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@/lib/db/create-prisma-client';
import { findFreePort } from '@/lib/db/free-port';
import { checkDatabase } from '@/lib/health/check-database';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

describe('checkDatabase', () => {
  it('reports up when the database answers', async () => {
    await expect(checkDatabase(db.prisma)).resolves.toEqual({ db: 'up' });
  });

  it('reports down with a safe reason (no credentials or hosts) when the server is unreachable', async () => {
    const port = await findFreePort();
    const unreachable = createPrismaClient(`postgresql://someone:s3cret@127.0.0.1:${port}/nowhere`);
    const original = console.error;
    console.error = () => undefined;
    try {
      const health = await checkDatabase(unreachable);
      expect(health).toEqual({ db: 'down', reason: 'database unreachable' });
      expect(JSON.stringify(health)).not.toContain('s3cret');
    } finally {
      console.error = original;
      await unreachable.$disconnect();
    }
  });
});
