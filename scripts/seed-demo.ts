/**
 * `npm run db:seed`: creates the demo organisation (Northwind Analytics) in an empty database and prints its
 * sign-in details. Uses DATABASE_URL, or the embedded PostgreSQL (connecting to it if `npm start` runs it already).
 */
import { createPrismaClient } from '@/lib/db/create-prisma-client';
import { openDatabase } from '@/lib/db/open-database';
import { loadDemoCredentials, saveDemoCredentials } from '@/lib/demo/credentials-file';
import { formatDemoCredentials } from '@/lib/demo/print-credentials';
import { seedDemoOrganization } from '@/lib/demo/seed-demo-organization';
import { EnvError, parseEnv, type Env } from '@/lib/env';

const log = (message: string) => console.log(`[desired-state] ${message}`);

async function seed(config: Env): Promise<void> {
  const database = await openDatabase(config, { reuseRunning: true });
  const prisma = createPrismaClient(database.ownerUrl, { max: 2 });
  try {
    const organizations = await prisma.organization.count();
    if (organizations > 0) {
      log(`The database already has ${organizations} organisation(s); nothing was seeded.`);
      const saved = await loadDemoCredentials(config.DESIRED_STATE_DATA_DIR);
      if (saved) console.log(formatDemoCredentials(saved, signInUrl(config)));
      return;
    }
    log('Creating the demo organisation…');
    const started = performance.now();
    const credentials = await seedDemoOrganization(prisma);
    const file = await saveDemoCredentials(config.DESIRED_STATE_DATA_DIR, credentials);
    log(`Demo organisation created in ${((performance.now() - started) / 1000).toFixed(1)} s; sign-in details saved to ${file}.`);
    console.log(formatDemoCredentials(credentials, signInUrl(config)));
  } finally {
    await prisma.$disconnect();
    await database.close();
  }
}

function signInUrl(config: Env): string {
  return `${config.NEXTAUTH_URL ?? `http://localhost:${config.PORT}`}/sign-in`.replace(/([^:])\/\/+/g, '$1/');
}

async function main(): Promise<void> {
  let config: Env;
  try {
    config = parseEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  await seed(config);
}

main().catch((error: unknown) => {
  console.error(`[desired-state] Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
