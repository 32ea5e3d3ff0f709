import type { Metadata } from 'next';
import { AccountForm } from '@/components/accounts/account-form';
import { PageHeader } from '@/components/ui/page-header';
import { listAccountOptions } from '@/lib/accounts/list-account-options';
import { inOrganization, requireOrganizationPermission } from '@/lib/tenancy/organization-access';
import { createAccountAction } from '../actions';

export const metadata: Metadata = { title: 'New account' };

export default async function NewAccountPage(props: { params: Promise<{ slug: string }> }) {
  const { slug } = await props.params;
  const access = await requireOrganizationPermission(slug, 'accounts.write');
  const options = await inOrganization(access, (tx) => listAccountOptions(tx, access.organization.id));
  return (
    <>
      <PageHeader title="New account" description="Add a customer account. Its owner can assess it right away." />
      <AccountForm
        slug={slug}
        initial={{ name: '', externalId: null, segmentId: null, journeyStageId: null, arr: null, renewalDate: null }}
        segments={options.segments}
        stages={options.stages}
        members={options.members}
        action={createAccountAction}
      />
    </>
  );
}
