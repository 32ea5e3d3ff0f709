import { createPrismaClient } from '@/lib/db/create-prisma-client';
import { loadDemoCredentials, saveDemoCredentials } from '@/lib/demo/credentials-file';
import { formatDemoCredentials } from '@/lib/demo/print-credentials';
import { seedDemoOrganization } from '@/lib/demo/seed-demo-organization';

/** Seeds the demo organisation into an empty database, then prints the demo sign-in details. */
export async function ensureDemoData(databaseUrl: string, dataDir: string, publicUrl: string): Promise<void> {
  const prisma = createPrismaClient(databaseUrl, { max: 2 });
  try {
    if ((await prisma.organization.count()) === 0) {
      console.log('[desired-state] Empty database: creating the demo organisation…');
      await saveDemoCredentials(dataDir, await seedDemoOrganization(prisma));
    }
  } finally {
    await prisma.$disconnect();
  }
  const credentials = await loadDemoCredentials(dataDir);
  if (credentials) {
    console.log(formatDemoCredentials(credentials, `${publicUrl}/sign-in`));
  } else {
    console.log('[desired-state] The database already holds data; no demo sign-in details are stored in this data folder.');
  }
}
