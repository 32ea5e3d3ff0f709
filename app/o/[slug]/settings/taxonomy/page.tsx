import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { AddTaxonomyEntryForm } from '@/components/taxonomy/add-taxonomy-entry-form';
import { TaxonomyTable } from '@/components/taxonomy/taxonomy-table';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { prisma } from '@/lib/db/prisma';
import { listTaxonomy } from '@/lib/taxonomy/list-taxonomy';
import { requireOrganizationPermission } from '@/lib/tenancy/organization-access';
import { actorOf } from '@/lib/tenancy/require-actor-permission';

export const metadata: Metadata = { title: 'Segments and journey stages' };

export default async function TaxonomyPage(props: { params: Promise<{ slug: string }> }) {
  const { slug } = await props.params;
  const access = await requireOrganizationPermission(slug, 'settings.write');
  const { segments, stages } = await listTaxonomy(prisma(), actorOf(access));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/o/${slug}/settings`} className="font-medium text-brand-700 hover:underline">
          Settings
        </Link>
      </p>
      <PageHeader
        title="Segments and journey stages"
        description="How accounts are grouped and where they are in their journey. Retiring one keeps it on the accounts that have it (marked retired) but no longer offers it for new assignments; nothing is ever deleted."
      />
      <div className="space-y-6">
        <Card>
          <CardHeader title={`Segments (${segments.length})`} description="Tier 1 is the highest-touch tier. Targets can be set per segment." />
          <TaxonomyTable slug={slug} kind="segment" rows={segments} />
          <CardBody className="border-t border-line">
            <AddTaxonomyEntryForm slug={slug} kind="segment" />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={`Journey stages (${stages.length})`} description="In the order accounts move through them." />
          <TaxonomyTable slug={slug} kind="stage" rows={stages} />
          <CardBody className="border-t border-line">
            <AddTaxonomyEntryForm slug={slug} kind="stage" stages={stages.map(({ name, position }) => ({ name, position }))} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
