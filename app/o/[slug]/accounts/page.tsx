import type { Metadata } from 'next';
import { AccountListFilters } from '@/components/accounts/account-list-filters';
import { AccountListPager } from '@/components/accounts/account-list-pager';
import { AccountListTable } from '@/components/accounts/account-list-table';
import { ButtonLink, buttonClasses } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { ACCOUNTS_PAGE_SIZE, accountListSearch, parseAccountListParams } from '@/lib/accounts/account-list-params';
import { accountListCache, cachedAccountFilterOptions } from '@/lib/accounts/account-list-cache';
import { listAccounts } from '@/lib/accounts/list-accounts';
import { can } from '@/lib/auth/permissions';
import { readDataVersion } from '@/lib/cache/result-cache';
import { inOrganization, requireOrganizationAccess } from '@/lib/tenancy/organization-access';

export const metadata: Metadata = { title: 'Accounts' };

export default async function AccountsPage(props: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await props.params;
  const access = await requireOrganizationAccess(slug);
  const params = parseAccountListParams(await props.searchParams);
  const scope = { organizationId: access.organization.id, userId: access.user.id, reviewIntervalDays: access.organization.reviewIntervalDays };
  // The total count and the filter choices come from the list's cache while the organisation's data version is
  // unchanged (one primary-key read); the page of rows is always read.
  const [list, options] = await inOrganization(access, async (tx) => {
    const dataVersion = await readDataVersion(tx, access.organization.id);
    return [
      await listAccounts(tx, scope, params, { countCache: accountListCache, dataVersion }),
      await cachedAccountFilterOptions(tx, access.organization.id, dataVersion),
    ] as const;
  });
  const basePath = `/o/${slug}/accounts`;
  const canWrite = can(access.role, 'accounts.write');
  return (
    <>
      <PageHeader
        title="Accounts"
        description="Every account with its latest DSCE score and band. Filter, sort and export the list; click an account to open it."
        actions={
          <>
            <a
              href={`/api/o/${slug}/accounts/export${accountListSearch(params, { page: 1, size: ACCOUNTS_PAGE_SIZE })}`}
              className={buttonClasses({ variant: 'secondary', size: 'sm' })}
              download
            >
              Export CSV
            </a>
            {canWrite ? (
              <>
                <ButtonLink href={`${basePath}/import`} variant="secondary" size="sm">
                  Import CSV
                </ButtonLink>
                <ButtonLink href={`${basePath}/new`} size="sm">
                  New account
                </ButtonLink>
              </>
            ) : null}
          </>
        }
      />
      <AccountListFilters params={params} options={options} basePath={basePath} />
      {list.rows.length === 0 ? (
        <EmptyState
          title={list.total === 0 && !hasFilters(params) ? 'No accounts yet' : 'No accounts match these filters'}
          body={<p>Accounts appear here with their score, band, owner and how recently they were assessed.</p>}
        />
      ) : (
        <>
          <AccountListTable rows={list.rows} params={{ ...params, page: list.page }} basePath={basePath} />
          <AccountListPager params={params} page={list.page} pageCount={list.pageCount} pageSize={list.pageSize} total={list.total} basePath={basePath} />
        </>
      )}
    </>
  );
}

function hasFilters(params: ReturnType<typeof parseAccountListParams>): boolean {
  return Boolean(params.q || params.owner !== 'all' || params.segment || params.stage || params.band || params.stale || params.renewal || params.status !== 'active');
}
