import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { AccountScoreSummary } from '@/components/account/account-score-summary';
import { AssessmentHistoryTable } from '@/components/account/assessment-history-table';
import { FixFirstList } from '@/components/account/fix-first-list';
import { StartAssessmentButtons } from '@/components/account/start-assessment-buttons';
import { ComponentTargetChart } from '@/components/charts/component-target-chart';
import { ScoreTrendChart } from '@/components/charts/score-trend-chart';
import { ButtonLink } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { actorOf } from '@/lib/assessments/assessment-actor';
import { getAccountOverview } from '@/lib/assessments/get-account-overview';
import { isAppError } from '@/lib/errors';
import { inOrganization, requireOrganizationAccess } from '@/lib/tenancy/organization-access';

export const metadata: Metadata = { title: 'Account' };

const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export default async function AccountPage(props: { params: Promise<{ slug: string; accountId: string }> }) {
  const { slug, accountId } = await props.params;
  const access = await requireOrganizationAccess(slug);
  const overview = await inOrganization(access, (tx) => getAccountOverview(tx, actorOf(access), accountId, new Date(), access.organization.reviewIntervalDays)).catch(
    (error: unknown) => {
      if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
      throw error;
    },
  );
  const base = `/o/${slug}/accounts/${accountId}`;
  const { account } = overview;
  const facts = [account.segment, account.stage, account.owner ? `Owner: ${account.owner}` : 'No owner', account.archived ? 'Archived' : null]
    .filter(Boolean)
    .join(' · ');

  const actions = overview.myDraftId ? (
    <ButtonLink href={`${base}/assessments/${overview.myDraftId}`}>Continue draft</ButtonLink>
  ) : overview.canWrite ? (
    <StartAssessmentButtons slug={slug} accountId={accountId} hasPrevious={overview.latest !== null} />
  ) : null;

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href={`/o/${slug}/accounts`} className="text-brand-700 hover:underline">
          ← Accounts
        </Link>
      </nav>
      <PageHeader title={account.name} description={facts} actions={actions} />

      <div className="space-y-6">
        <Card>
          <CardBody>
            <AccountScoreSummary overview={overview} />
          </CardBody>
        </Card>

        {overview.latest ? (
          <div className="grid gap-6 lg:grid-cols-2">
            <Card>
              <CardHeader title="Current vs target" description="Each component's score in the latest assessment against its target." />
              <CardBody>
                <ComponentTargetChart data={overview.components.map((c) => ({ name: c.name, current: c.current, target: c.target }))} />
              </CardBody>
            </Card>
            <Card>
              <CardHeader title="Fix first" description="The largest levers, with the guiding questions that scored lowest." />
              <CardBody>
                <FixFirstList items={overview.fixFirst} />
              </CardBody>
            </Card>
          </div>
        ) : null}

        {overview.trend.length > 0 ? (
          <Card>
            <CardHeader title="Trend" description="DSCE score per submitted assessment." />
            <CardBody>
              <ScoreTrendChart
                data={overview.trend.map((t) => ({ at: t.submittedAt.getTime(), score: t.score, components: t.components }))}
                components={overview.components.map((c) => ({ slug: c.slug, name: c.name }))}
              />
            </CardBody>
          </Card>
        ) : null}

        {overview.drafts.length > 0 ? (
          <Card>
            <CardHeader title="Drafts" />
            <CardBody>
              <ul className="space-y-1 text-sm">
                {overview.drafts.map((d) => (
                  <li key={d.assessmentId}>
                    <Link href={`${base}/assessments/${d.assessmentId}`} className="text-brand-700 hover:underline">
                      {d.mine ? 'Your draft' : `Draft by ${d.authorName}`}
                    </Link>
                    <span className="text-ink-muted"> — last saved {day.format(d.updatedAt)}</span>
                  </li>
                ))}
              </ul>
            </CardBody>
          </Card>
        ) : null}

        <Card>
          <CardHeader title="History" description="Submitted assessments; each opens read-only." />
          <CardBody>
            <AssessmentHistoryTable history={overview.history} hrefFor={(id) => `${base}/assessments/${id}`} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
