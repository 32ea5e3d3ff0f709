import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

/** Nothing to show: an organisation (or book) without assessments, or filters that match nothing. */
export function PortfolioEmpty({ slug, filtered }: { slug: string; filtered: boolean }) {
  if (filtered) {
    return (
      <EmptyState
        title="No assessed accounts match these filters"
        body={<p>Widen the filters, or clear them to see the whole book.</p>}
        action={<ButtonLink href={`/o/${slug}/portfolio`} variant="secondary">Clear filters</ButtonLink>}
      />
    );
  }
  return (
    <EmptyState
      title="No assessed accounts yet"
      body={
        <p>
          Once accounts are assessed, this page shows the portfolio score and its trend, accounts and ARR in each band,
          the gap per component and the levers worth the most points — by CSM, segment and journey stage.
        </p>
      }
      action={<ButtonLink href={`/o/${slug}/accounts`}>Assess your first account</ButtonLink>}
    />
  );
}
