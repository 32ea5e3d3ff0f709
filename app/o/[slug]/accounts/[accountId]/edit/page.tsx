import type { Metadata } from 'next';
import { AccountArchiveForm } from '@/components/accounts/account-archive-form';
import { AccountForm } from '@/components/accounts/account-form';
import { AccountOwnerForm } from '@/components/accounts/account-owner-form';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getAccountForEdit } from '@/lib/accounts/get-account-for-edit';
import { listAccountOptions } from '@/lib/accounts/list-account-options';
import { can } from '@/lib/auth/permissions';
import { isAppError } from '@/lib/errors';
import { inOrganization, requireOrganizationPermission } from '@/lib/tenancy/organization-access';
import { notFound } from 'next/navigation';
import { assignAccountOwnerAction, setAccountArchivedAction, updateAccountAction } from '../../actions';

export const metadata: Metadata = { title: 'Edit account' };

/** Edit, owner and archive forms for one account: ADMINs see all three, LEADERs the owner form only. */
export default async function EditAccountPage(props: { params: Promise<{ slug: string; accountId: string }> }) {
  const { slug, accountId } = await props.params;
  const access = await requireOrganizationPermission(slug, 'accounts.assignOwner');
  const loaded = await inOrganization(access, async (tx) => ({
    account: await getAccountForEdit(tx, access.organization.id, accountId),
    options: await listAccountOptions(tx, access.organization.id),
  })).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  const { account, options } = loaded;
  const canWrite = can(access.role, 'accounts.write');
  return (
    <>
      <PageHeader
        title={`Edit ${account.name}`}
        description={account.archivedAt ? 'This account is archived: it is hidden from the list and the portfolio.' : undefined}
      />
      <div className="flex flex-col gap-6">
        {canWrite ? (
          <Card>
            <CardHeader title="Details" />
            <CardBody>
              <AccountForm
                key={account.version}
                slug={slug}
                initial={account}
                segments={options.segments}
                stages={options.stages}
                action={updateAccountAction}
              />
            </CardBody>
          </Card>
        ) : null}
        <Card>
          <CardHeader title="Owner" description="The CSM who assesses this account." />
          <CardBody>
            <AccountOwnerForm
              key={account.version}
              slug={slug}
              accountId={account.id}
              version={account.version}
              ownerUserId={account.ownerUserId}
              members={options.members}
              action={assignAccountOwnerAction}
            />
          </CardBody>
        </Card>
        {canWrite ? (
          <Card>
            <CardHeader title={account.archivedAt ? 'Restore' : 'Archive'} />
            <CardBody>
              <AccountArchiveForm
                slug={slug}
                accountId={account.id}
                version={account.version}
                archived={account.archivedAt !== null}
                action={setAccountArchivedAction}
              />
            </CardBody>
          </Card>
        ) : null}
      </div>
    </>
  );
}
