import { COMPONENT_SLUGS } from '@/lib/framework';
import { COMPONENT_NAMES } from '@/lib/portfolio/component-names';
import { DEFAULT_TARGET, DEFAULT_WEIGHT } from '@/lib/scoring';
import type { ScoringConfiguration } from './configuration-snapshot';

/**
 * A configuration as flat, labelled entries ("Weight: Customer intent" → 2): the audit log diffs top-level keys,
 * and the version history diffs these same entries side by side. Segment overrides are named by segment.
 */
export function configurationEntries(
  configuration: ScoringConfiguration,
  segmentNames: ReadonlyMap<string, string>,
): [label: string, value: number][] {
  const entries: [string, number][] = [];
  for (const slug of COMPONENT_SLUGS) entries.push([`Weight: ${COMPONENT_NAMES[slug]}`, configuration.weights[slug] ?? DEFAULT_WEIGHT]);
  for (const slug of COMPONENT_SLUGS) {
    entries.push([`Target: ${COMPONENT_NAMES[slug]}`, configuration.targets.defaults[slug] ?? DEFAULT_TARGET]);
  }
  const segmentIds = Object.keys(configuration.targets.segments).sort((a, b) =>
    (segmentNames.get(a) ?? a).localeCompare(segmentNames.get(b) ?? b),
  );
  for (const segmentId of segmentIds) {
    for (const slug of COMPONENT_SLUGS) {
      const value = configuration.targets.segments[segmentId]?.[slug];
      if (value !== undefined) entries.push([`Target (${segmentNames.get(segmentId) ?? 'segment'}): ${COMPONENT_NAMES[slug]}`, value]);
    }
  }
  entries.push(['Threshold: desired state', configuration.thresholds.desired]);
  entries.push(['Threshold: engaged', configuration.thresholds.engaged]);
  entries.push(['Threshold: at risk', configuration.thresholds.atRisk]);
  return entries;
}

/** The audit before/after of a configuration version. */
export function auditSnapshot(
  version: number,
  configuration: ScoringConfiguration,
  segmentNames: ReadonlyMap<string, string>,
): Record<string, number> {
  return { version, ...Object.fromEntries(configurationEntries(configuration, segmentNames)) };
}
