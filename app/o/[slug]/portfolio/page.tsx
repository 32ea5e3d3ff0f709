import { requireOrganizationAccess } from '@/lib/tenancy/organization-access';
import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { ButtonLink } from '@/components/ui/button';

export const metadata: Metadata = { title: 'Portfolio' };

export default async function Page(props: { params: Promise<{ slug: string }> }) {
  const { slug } = await props.params;
  // Pages check access themselves; the layout's check alone is not enough.
  await requireOrganizationAccess(slug);
  return (
    <>
      <PageHeader
        title="Portfolio"
        description="How the whole book of business stands against the desired state, and where to act first."
      />
      <EmptyState
        title="No scored accounts yet"
        body={
          <p>
            Once accounts are assessed, this page shows the portfolio score, accounts and ARR in each band, the
            average gap per component and the levers worth the most points — by CSM, segment and journey stage.
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
