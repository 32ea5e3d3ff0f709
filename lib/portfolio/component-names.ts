import { DSCE_V1, type ComponentSlug } from '@/lib/framework';

/** Display names of the framework's components, by slug. */
export const COMPONENT_NAMES = Object.fromEntries(DSCE_V1.components.map((c) => [c.slug, c.name])) as Record<ComponentSlug, string>;
