import { COMPONENT_SLUGS, type ComponentSlug } from '@/lib/framework';
import { DEFAULT_THRESHOLDS, type Thresholds } from '@/lib/scoring';

/**
 * The scoring configuration as one value: what a weight_config version stores (weights, targets, thresholds) and
 * what the live `target` rows and `organization.band_*` columns hold. Pure: shared by the server and the editor.
 */

export type ComponentNumbers = Partial<Record<ComponentSlug, number>>;

export interface TargetsSnapshot {
  /** The organisation default T_c per component (missing → 100). */
  defaults: ComponentNumbers;
  /** Overrides per segment id; a component missing here inherits the default. */
  segments: Record<string, ComponentNumbers>;
}

export interface ScoringConfiguration {
  weights: ComponentNumbers;
  targets: TargetsSnapshot;
  thresholds: Thresholds;
}

/** T_c for an account in `segmentId` (null = no segment): the segment override, else the default. */
export function targetsForSegment(targets: TargetsSnapshot, segmentId: string | null): ComponentNumbers {
  const overrides = segmentId === null ? undefined : targets.segments[segmentId];
  return { ...targets.defaults, ...overrides };
}

/** Target rows (`target` table) as a snapshot. */
export function targetsFromRows(rows: readonly { segmentId: string | null; component: ComponentSlug; value: number }[]): TargetsSnapshot {
  const snapshot: TargetsSnapshot = { defaults: {}, segments: {} };
  for (const row of rows) {
    if (row.segmentId === null) snapshot.defaults[row.component] = row.value;
    else (snapshot.segments[row.segmentId] ??= {})[row.component] = row.value;
  }
  return snapshot;
}

/** A snapshot as target rows, in a stable order. */
export function targetRows(targets: TargetsSnapshot): { segmentId: string | null; component: ComponentSlug; value: number }[] {
  const rows: { segmentId: string | null; component: ComponentSlug; value: number }[] = [];
  for (const component of COMPONENT_SLUGS) {
    const value = targets.defaults[component];
    if (value !== undefined) rows.push({ segmentId: null, component, value });
  }
  for (const segmentId of Object.keys(targets.segments).sort()) {
    for (const component of COMPONENT_SLUGS) {
      const value = targets.segments[segmentId]?.[component];
      if (value !== undefined) rows.push({ segmentId, component, value });
    }
  }
  return rows;
}

/** Reads a stored snapshot defensively (jsonb): unknown keys and non-numbers are dropped. */
export function readTargetsSnapshot(value: unknown): TargetsSnapshot {
  const record = isRecord(value) ? value : {};
  const segments: Record<string, ComponentNumbers> = {};
  if (isRecord(record.segments)) {
    for (const [segmentId, numbers] of Object.entries(record.segments)) segments[segmentId] = readComponentNumbers(numbers);
  }
  return { defaults: readComponentNumbers(record.defaults), segments };
}

export function readThresholds(value: unknown): Thresholds {
  const record = isRecord(value) ? value : {};
  const pick = (key: keyof Thresholds) => (typeof record[key] === 'number' ? (record[key] as number) : DEFAULT_THRESHOLDS[key]);
  return { desired: pick('desired'), engaged: pick('engaged'), atRisk: pick('atRisk') };
}

export function readComponentNumbers(value: unknown): ComponentNumbers {
  const numbers: ComponentNumbers = {};
  if (!isRecord(value)) return numbers;
  for (const slug of COMPONENT_SLUGS) {
    const n = value[slug];
    if (typeof n === 'number' && Number.isFinite(n)) numbers[slug] = n;
  }
  return numbers;
}

/** Whether two configurations score identically (same weights, targets and thresholds). */
export function sameConfiguration(a: ScoringConfiguration, b: ScoringConfiguration): boolean {
  return canonical(a) === canonical(b);
}

function canonical(config: ScoringConfiguration): string {
  return JSON.stringify({
    weights: COMPONENT_SLUGS.map((slug) => config.weights[slug] ?? null),
    targets: targetRows(config.targets).map((row) => [row.segmentId, row.component, row.value]),
    thresholds: [config.thresholds.desired, config.thresholds.engaged, config.thresholds.atRisk],
  });
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
