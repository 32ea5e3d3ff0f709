import { requireOrganizationPermission } from '@/lib/tenancy/organization-access';
import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { ButtonLink } from '@/components/ui/button';

export const metadata: Metadata = { title: 'Settings' };

export default async function Page(props: { params: Promise<{ slug: string }> }) {
  const { slug } = await props.params;
  // Pages check access themselves; the layout's check alone is not enough.
  await requireOrganizationPermission(slug, 'settings.read');
  return (
    <>
      <PageHeader
        title="Settings"
        description="How this organisation scores engagement, and who has access."
      />
      <EmptyState
        title="Settings are on their way"
        body={
          <p>
            Admins will set the weight and desired-state target of each component, the band thresholds and review
            interval, and manage members and their roles here.
          </p>
        }
        action={
          <ButtonLink href={`/o/${slug}/accounts`} variant="secondary">
            Go to accounts
          </ButtonLink>
        }
      />
    </>
  );
}
