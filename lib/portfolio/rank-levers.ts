import { COMPONENT_SLUGS, type ComponentSlug } from '@/lib/framework';

export interface RankedLever {
  slug: ComponentSlug;
  leverSum: number;
  included: number;
}

/**
 * Components ranked by summed lever, largest first; ties keep framework order — lib/scoring's portfolioLevers rule,
 * applied to sums the database computed.
 */
export function rankLevers(components: readonly { slug: ComponentSlug; leverSum: number; included: number }[]): RankedLever[] {
  const bySlug = new Map(components.map((c) => [c.slug, c]));
  return COMPONENT_SLUGS.map((slug) => ({
    slug,
    leverSum: bySlug.get(slug)?.leverSum ?? 0,
    included: bySlug.get(slug)?.included ?? 0,
  })).sort((a, b) => b.leverSum - a.leverSum);
}
