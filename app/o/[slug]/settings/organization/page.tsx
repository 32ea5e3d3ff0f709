import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { DeleteOrganizationForm } from '@/components/organization/delete-organization-form';
import { buttonClasses } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireOrganizationPermission } from '@/lib/tenancy/organization-access';

export const metadata: Metadata = { title: 'Organisation data' };

export default async function OrganizationDataPage(props: { params: Promise<{ slug: string }> }) {
  const { slug } = await props.params;
  const access = await requireOrganizationPermission(slug, 'organization.delete');
  const { name } = access.organization;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/o/${slug}/settings`} className="font-medium text-brand-700 hover:underline">
          Settings
        </Link>
      </p>
      <PageHeader title="Organisation data" description={`Take all of ${name}'s data with you, or delete it.`} />
      <div className="space-y-6">
        <Card>
          <CardHeader
            title="Export data"
            description={
              <>
                One zip archive of everything: per table a JSON Lines file with the exact values (which{' '}
                <code className="text-ink">npm run org:import</code> restores) and a CSV file for spreadsheets, plus a
                manifest. Members are included with name and email, never passwords.
              </>
            }
          />
          <CardBody>
            {/* A plain download link: the browser streams the archive to disk, however large. */}
            <a href={`/api/o/${slug}/export`} download className={buttonClasses({ variant: 'secondary' })}>
              Export data
            </a>
          </CardBody>
        </Card>
        {/* Not <Card>: its grey border would win over a red one (classes are not merged). */}
        <section aria-labelledby="danger-zone" className="rounded-lg border border-band-critical-line bg-surface shadow-xs">
          <div className="border-b border-band-critical-line px-5 py-4">
            <h2 id="danger-zone" className="text-base font-semibold text-band-critical-ink">
              Danger zone
            </h2>
          </div>
          <CardBody>
            <h3 className="text-sm font-semibold text-ink">Delete organisation</h3>
            <p className="mt-1 mb-4 text-sm text-ink-muted">Export the data first if you may need it again.</p>
            <DeleteOrganizationForm slug={slug} organizationName={name} />
          </CardBody>
        </section>
      </div>
    </>
  );
}
