import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { AssessmentForm } from '@/components/assessment/assessment-form';
import { AssessmentReadOnly } from '@/components/assessment/assessment-read-only';
import { PageHeader } from '@/components/ui/page-header';
import { actorOf } from '@/lib/assessments/assessment-actor';
import { getAssessmentForm } from '@/lib/assessments/get-assessment-form';
import { isAppError } from '@/lib/errors';
import { inOrganization, requireOrganizationAccess } from '@/lib/tenancy/organization-access';

export const metadata: Metadata = { title: 'Assessment' };

const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A draft the user may edit opens the form; anything else (submitted, or not theirs to edit) is read-only. */
export default async function AssessmentPage(props: { params: Promise<{ slug: string; accountId: string; assessmentId: string }> }) {
  const { slug, accountId, assessmentId } = await props.params;
  const access = await requireOrganizationAccess(slug);
  const form = await inOrganization(access, (tx) => getAssessmentForm(tx, actorOf(access), { accountId, assessmentId })).catch(
    (error: unknown) => {
      if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
      throw error;
    },
  );
  const accountHref = `/o/${slug}/accounts/${accountId}`;
  const { assessment } = form;
  const when =
    assessment.status === 'SUBMITTED' && assessment.submittedAt
      ? `Submitted ${day.format(assessment.submittedAt)} by ${assessment.authorName}`
      : `Draft by ${assessment.authorName}, started ${day.format(assessment.createdAt)}`;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href={accountHref} className="text-brand-700 hover:underline">
          ← {form.account.name}
        </Link>
      </nav>
      <PageHeader
        title={form.editable ? `Assess ${form.account.name}` : `Assessment of ${form.account.name}`}
        description={`${when}. Framework ${form.framework.version}.`}
      />
      {form.editable ? (
        <AssessmentForm
          slug={slug}
          accountId={accountId}
          accountName={form.account.name}
          assessmentId={assessment.id}
          frameworkVersion={form.framework.version}
          initial={{ answers: form.answers, notes: form.notes, version: assessment.version }}
          targets={form.targets}
          weights={form.weights}
          thresholds={form.thresholds}
        />
      ) : (
        <AssessmentReadOnly form={form} />
      )}
    </>
  );
}
