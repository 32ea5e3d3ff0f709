/**
 * `npx tsx scripts/bench/organization-delete.ts [--org-slug large-50000]`
 *
 * Times deleting a seed:large organisation the way the danger zone does (deleteOrganization as its admin, through
 * the app role, so row-level security applies) and checks no other organisation lost a row. Destroys that
 * organisation: run it last, on a throwaway cluster (see scripts/bench/organization-data.ts).
 */
import { createPrismaClient } from '@/lib/db/create-prisma-client';
import { openDatabase } from '@/lib/db/open-database';
import { parseEnv } from '@/lib/env';
import { deleteOrganization } from '@/lib/organization-data/delete-organization';
import { arg } from './arg';

async function main(): Promise<void> {
  const slug = arg('org-slug', 'large-50000');
  const database = await openDatabase(parseEnv(process.env), { reuseRunning: true });
  const owner = createPrismaClient(database.ownerUrl, { max: 2 });
  const app = createPrismaClient(database.appUrl, { max: 2 });
  try {
    const org = await owner.organization.findUniqueOrThrow({ where: { slug }, select: { id: true, name: true } });
    const admin = await owner.membership.findFirstOrThrow({ where: { organizationId: org.id, role: 'ADMIN' }, select: { userId: true } });
    const othersBefore = await owner.account.count({ where: { organizationId: { not: org.id } } });
    const usersBefore = await owner.user.count();
    const started = performance.now();
    const deleted = await deleteOrganization(app, { organizationId: org.id, userId: admin.userId }, { confirmationName: org.name });
    const ms = performance.now() - started;
    const rows = Object.values(deleted.rows).reduce((sum, count) => sum + count, 0);
    console.log(`delete: ${(ms / 1000).toFixed(1)} s for ${rows.toLocaleString('en')} rows`);
    console.log(`other organisations' accounts unchanged: ${(await owner.account.count()) === othersBefore ? 'yes' : 'NO'}`);
    console.log(`users kept: ${(await owner.user.count()) === usersBefore ? 'yes' : 'NO'}`);
  } finally {
    await owner.$disconnect();
    await app.$disconnect();
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
