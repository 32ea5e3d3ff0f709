import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { RestoreVersionButton } from '@/components/scoring-settings/restore-version-button';
import { VersionDiffTable } from '@/components/scoring-settings/version-diff-table';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { DateTime } from '@/components/ui/date-time';
import { PageHeader } from '@/components/ui/page-header';
import { prisma } from '@/lib/db/prisma';
import { listScoringVersions } from '@/lib/scoring-config/list-scoring-versions';
import { requireOrganizationPermission } from '@/lib/tenancy/organization-access';
import { actorOf } from '@/lib/tenancy/require-actor-permission';

export const metadata: Metadata = { title: 'Scoring history' };

export default async function ScoringHistoryPage(props: { params: Promise<{ slug: string }> }) {
  const { slug } = await props.params;
  const access = await requireOrganizationPermission(slug, 'settings.write');
  const versions = await listScoringVersions(prisma(), actorOf(access));
  const latestVersion = versions[0]?.version ?? 1;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/o/${slug}/settings/scoring`} className="font-medium text-brand-700 hover:underline">
          Scoring
        </Link>
      </p>
      <PageHeader
        title="Scoring history"
        description="Every version of the scoring settings, newest first, with what changed from the version before. Restoring a version saves its settings as a new version."
      />
      <ol className="space-y-4">
        {versions.map((v) => (
          <li key={v.version}>
            <Card>
              <CardHeader
                title={`Version ${v.version}${v.isLatest ? ' (current)' : ''}`}
                description={
                  <>
                    {v.authorName ?? 'A former member'} · <DateTime value={v.createdAt} format="dateTime" /> ·{' '}
                    {v.reason ? `“${v.reason}”` : 'no reason given'}
                  </>
                }
                actions={v.isLatest ? null : <RestoreVersionButton slug={slug} version={v.version} latestVersion={latestVersion} />}
              />
              <CardBody>
                <VersionDiffTable version={v.version} changes={v.changes} />
              </CardBody>
            </Card>
          </li>
        ))}
      </ol>
    </>
  );
}
