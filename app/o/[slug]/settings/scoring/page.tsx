import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { ReviewIntervalForm } from '@/components/scoring-settings/review-interval-form';
import { ScoringSettingsEditor } from '@/components/scoring-settings/scoring-settings-editor';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { loadScoringConfiguration } from '@/lib/scoring-config/load-scoring-configuration';
import { inOrganization, requireOrganizationPermission } from '@/lib/tenancy/organization-access';

export const metadata: Metadata = { title: 'Scoring' };

export default async function ScoringSettingsPage(props: { params: Promise<{ slug: string }> }) {
  const { slug } = await props.params;
  const access = await requireOrganizationPermission(slug, 'settings.write');
  const current = await inOrganization(access, (tx) => loadScoringConfiguration(tx, access.organization.id));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/o/${slug}/settings`} className="font-medium text-brand-700 hover:underline">
          Settings
        </Link>
      </p>
      <PageHeader
        title="Scoring"
        description="What desired state means for this organisation: component weights, targets per segment and band thresholds. Every save is a new version."
        actions={
          <Link href={`/o/${slug}/settings/scoring/history`} className="text-sm font-medium text-brand-700 hover:underline">
            Version history (current: version {current.version})
          </Link>
        }
      />
      <div className="space-y-6">
        <ScoringSettingsEditor
          slug={slug}
          version={current.version}
          configuration={current.configuration}
          segments={current.segments}
        />
        <Card>
          <CardHeader
            title="Review interval"
            description="An account's latest assessment counts as stale after this many days. It changes no score."
          />
          <CardBody>
            <ReviewIntervalForm slug={slug} reviewIntervalDays={current.reviewIntervalDays} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
