import type { Metadata } from 'next';
import { AccountImportWizard } from '@/components/accounts/account-import-wizard';
import { PageHeader } from '@/components/ui/page-header';
import { requireOrganizationPermission } from '@/lib/tenancy/organization-access';
import { confirmAccountImportAction, previewAccountImportAction } from '../actions';

export const metadata: Metadata = { title: 'Import accounts' };

export default async function ImportAccountsPage(props: { params: Promise<{ slug: string }> }) {
  const { slug } = await props.params;
  await requireOrganizationPermission(slug, 'accounts.write');
  return (
    <>
      <PageHeader
        title="Import accounts"
        description={
          <>
            Upload a CSV whose first line names the columns: <code>name</code>, <code>external id</code>, <code>segment</code>,{' '}
            <code>owner email</code>, <code>ARR</code>, <code>renewal date</code> (YYYY-MM-DD) and <code>stage</code>. Rows
            whose external id already exists update that account; the others are created. You see a preview first, and
            nothing is written until you confirm a file with no invalid rows.
          </>
        }
      />
      <AccountImportWizard slug={slug} preview={previewAccountImportAction} confirm={confirmAccountImportAction} />
    </>
  );
}
