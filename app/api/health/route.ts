import { prisma } from '@/lib/db/prisma';
import { checkDatabase } from '@/lib/health/check-database';

export const dynamic = 'force-dynamic';

/** Liveness of the app and its database, for load balancers and the e2e smoke test. */
export async function GET(): Promise<Response> {
  const health = await checkDatabase(prisma());
  return Response.json(health, {
    status: health.db === 'up' ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
