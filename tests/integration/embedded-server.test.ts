import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memorySettings } from '@/lib/db/embedded-postgres';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

/** The embedded server's settings (only when the tests run it: with DATABASE_URL the server is someone else's). */
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

describe.skipIf(Boolean(process.env.DATABASE_URL))('the embedded PostgreSQL', () => {
  const show = async (name: string) =>
    (await db.prisma.$queryRawUnsafe<{ setting: string }[]>(`SELECT current_setting('${name}') AS setting`))[0]!.setting;

  it('runs with shared buffers and WAL sized for a 50,000-account re-score', async () => {
    const expected = memorySettings().filter((_, i) => i % 2 === 1);
    const buffersMb = Number(/shared_buffers=(\d+)MB/.exec(expected.join(' '))![1]);
    const [row] = await db.prisma.$queryRaw<{ mb: number }[]>`
      SELECT (setting::bigint * 8192 / 1048576)::int AS mb FROM pg_settings WHERE name = 'shared_buffers'`;
    expect(row?.mb).toBe(buffersMb);
    expect(await show('max_wal_size')).toBe('2GB');
  });

  // The Linux binaries ship pg_prewarm (the CI platform); elsewhere it is preloaded only when found.
  it.runIf(process.platform === 'linux')('preloads pg_prewarm, so its buffers come back warm after a restart', async () => {
    expect(await show('shared_preload_libraries')).toBe('pg_prewarm');
  });
});
