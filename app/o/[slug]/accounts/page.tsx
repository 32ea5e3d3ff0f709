import type { Metadata } from 'next';
import { AccountOverviewTable } from '@/components/accounts/account-overview-table';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { listAccountOverview } from '@/lib/accounts/list-account-overview';
import { inOrganization, requireOrganizationAccess } from '@/lib/tenancy/organization-access';

export const metadata: Metadata = { title: 'Accounts' };

export default async function AccountsPage(props: { params: Promise<{ slug: string }> }) {
  const { slug } = await props.params;
  const access = await requireOrganizationAccess(slug);
  const { rows, total } = await inOrganization(access, (tx) => listAccountOverview(tx, access.organization.id));
  return (
    <>
      <PageHeader
        title="Accounts"
        description={`${total} active accounts with their latest DSCE score and band${total > rows.length ? ` (first ${rows.length} by name)` : ''}.`}
      />
      {rows.length === 0 ? (
        <EmptyState
          title="No accounts yet"
          body={<p>Accounts appear here with their score, band, owner and how recently they were assessed.</p>}
        />
      ) : (
        <AccountOverviewTable rows={rows} />
      )}
    </>
  );
}
