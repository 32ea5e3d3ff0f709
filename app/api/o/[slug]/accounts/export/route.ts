import { parseAccountListParams } from '@/lib/accounts/account-list-params';
import { exportAccountsCsv } from '@/lib/accounts/export-accounts-csv';
import { organizationRoute } from '@/lib/http/organization-route';
import { inOrganization } from '@/lib/tenancy/organization-access';

/** GET /api/o/[slug]/accounts/export?<list params>: the filtered, sorted account list (every page) as CSV. */
export const GET = organizationRoute<{ slug: string }>({
  permission: 'accounts.read',
  handler: async (request, access) => {
    const params = parseAccountListParams(new URL(request.url).searchParams);
    const csv = await inOrganization(access, (tx) =>
      exportAccountsCsv(tx, { organizationId: access.organization.id, userId: access.user.id }, params),
    );
    const day = new Date().toISOString().slice(0, 10);
    return new Response(csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${access.organization.slug}-accounts-${day}.csv"`,
        'Cache-Control': 'no-store',
      },
    });
  },
});
