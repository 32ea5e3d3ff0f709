import { COMPONENT_SLUGS, type ComponentSlug } from '../framework';
import type { ResultDelta, ResultLike } from './types';

/** Per-component C_c(a) − C_c(b), in slug order; null where either side is null (excluded). */
function componentDeltas(a: ResultLike, b: ResultLike): Record<ComponentSlug, number | null> {
  const deltas = {} as Record<ComponentSlug, number | null>;
  for (const slug of COMPONENT_SLUGS) {
    const x = a.components[slug];
    const y = b.components[slug];
    deltas[slug] = x == null || y == null ? null : x.current - y.current;
  }
  return deltas;
}

/** Trend from the account's previous submitted result to the current one: positive = improved. */
export function trendBetween(previous: ResultLike, current: ResultLike): ResultDelta {
  return { score: current.score - previous.score, components: componentDeltas(current, previous) };
}

/**
 * Delivery gap per component: C_c(internal) − C_c(customer). Positive = we rate ourselves higher than the customer
 * rates us (the Bain "80% vs 8%" gap). Null where either side excluded the component.
 */
export function deliveryGap(internal: ResultLike, customer: ResultLike): Record<ComponentSlug, number | null> {
  return componentDeltas(internal, customer);
}
