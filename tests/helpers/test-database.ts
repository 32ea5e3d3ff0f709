import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@/lib/db/create-prisma-client';
import { databaseUrl } from './database-url';

export interface TestDatabase {
  name: string;
  url: string;
  /** Owner connection: fixtures and assertions that must see every tenant. */
  prisma: PrismaClient;
  /** The application's connection (role `desired_state_app`): row-level security applies. */
  appPrisma: PrismaClient;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database of this test file's own, cloned from the template (FILE_COPY takes ~20 ms).
 * Call in beforeAll and drop in afterAll.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('databaseAdminUrl');
  const template = inject('templateDatabase');
  const name = `dsce_test_${randomUUID().replaceAll('-', '')}`;
  await withAdmin(adminUrl, (admin) =>
    admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}" STRATEGY FILE_COPY`),
  );
  const url = databaseUrl(adminUrl, name);
  const prisma = createPrismaClient(url, { max: 4 });
  const appPrisma = createPrismaClient(databaseUrl(inject('appRoleUrl'), name), { max: 4 });
  return {
    name,
    url,
    prisma,
    appPrisma,
    async drop() {
      await prisma.$disconnect();
      await appPrisma.$disconnect();
      await withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/** One client on `adminUrl` (a superuser's URL in the tests) for `work`, closed after it. */
export async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
