import { exportAuditCsv } from '@/lib/audit/export-audit-csv';
import { parseAuditFilters } from '@/lib/audit/audit-filters';
import { prisma } from '@/lib/db/prisma';
import { organizationRoute } from '@/lib/http/organization-route';
import { actorOf } from '@/lib/tenancy/require-actor-permission';

/** GET /api/o/[slug]/audit/export?actor=&kind=&from=&to=: the filtered audit log (every page) as CSV (admins). */
export const GET = organizationRoute<{ slug: string }>({
  permission: 'audit.read',
  handler: async (request, access) => {
    const { filters } = parseAuditFilters(new URL(request.url).searchParams);
    const csv = await exportAuditCsv(prisma(), actorOf(access), filters);
    const day = new Date().toISOString().slice(0, 10);
    return new Response(csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${access.organization.slug}-audit-log-${day}.csv"`,
        'Cache-Control': 'no-store',
      },
    });
  },
});
