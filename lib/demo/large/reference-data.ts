import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { COMPONENT_SLUGS, type ComponentSlug } from '@/lib/framework';
import type { Thresholds } from '@/lib/scoring';
import { targetsFromRows } from '@/lib/scoring-config/configuration-snapshot';
import {
  DEFAULT_TARGET_VALUE,
  INITIAL_WEIGHTS_REASON,
  JOURNEY_STAGES,
  SEGMENTS,
  initialWeights,
} from '../catalog';
import type { LargePerson } from './large-people';

/** The small tables of a synthetic organisation, written with ordinary INSERTs (a few dozen rows). */

export interface ReferenceIds {
  organizationId: string;
  thresholds: Thresholds;
  /** Same order as the people passed in. */
  userIds: string[];
  /** Same order as SEGMENTS. */
  segmentIds: string[];
  /** Same order as JOURNEY_STAGES. */
  stageIds: string[];
  rowCounts: Record<string, number>;
}

export async function insertReferenceData(
  client: pg.Client,
  organization: { id: string; name: string; slug: string },
  people: readonly LargePerson[],
  passwordHash: string,
  createdAt: Date,
): Promise<ReferenceIds> {
  const organizationId = organization.id;
  const org = await client.query<{ band_desired: number; band_engaged: number; band_at_risk: number }>(
    `INSERT INTO "organization" (id, name, slug, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)
     RETURNING band_desired, band_engaged, band_at_risk`,
    [organizationId, organization.name, organization.slug, createdAt],
  );
  const settings = org.rows[0];
  if (!settings) throw new Error('INSERT organization returned no row');

  const userIds = people.map(() => randomUUID());
  await client.query(
    `INSERT INTO "user" (id, email, name, password_hash, created_at, updated_at)
     SELECT id, email, name, $4, $5, $5 FROM unnest($1::uuid[], $2::text[], $3::text[]) AS u(id, email, name)`,
    [userIds, people.map((p) => p.email), people.map((p) => p.name), passwordHash, createdAt],
  );
  await client.query(
    `INSERT INTO "membership" (organization_id, user_id, role, created_at)
     SELECT $1, user_id, role::"role", $4 FROM unnest($2::uuid[], $3::text[]) AS m(user_id, role)`,
    [organizationId, userIds, people.map((p) => p.role), createdAt],
  );

  const segmentIds = SEGMENTS.map(() => randomUUID());
  await client.query(
    `INSERT INTO "segment" (organization_id, id, name, tier, created_at)
     SELECT $1, id, name, tier, $5 FROM unnest($2::uuid[], $3::text[], $4::int[]) AS s(id, name, tier)`,
    [organizationId, segmentIds, SEGMENTS.map((s) => s.name), SEGMENTS.map((s) => s.tier), createdAt],
  );
  const stageIds = JOURNEY_STAGES.map(() => randomUUID());
  await client.query(
    `INSERT INTO "journey_stage" (organization_id, id, name, position, created_at)
     SELECT $1, id, name, position - 1, $4 FROM unnest($2::uuid[], $3::text[]) WITH ORDINALITY AS j(id, name, position)`,
    [organizationId, stageIds, [...JOURNEY_STAGES], createdAt],
  );

  const targets: { segmentId: string | null; component: ComponentSlug; value: number }[] = [
    ...COMPONENT_SLUGS.map((component) => ({ segmentId: null, component, value: DEFAULT_TARGET_VALUE })),
    ...SEGMENTS.flatMap((segment, i) =>
      (Object.entries(segment.targetOverrides) as [ComponentSlug, number][]).map(([component, value]) => ({
        segmentId: segmentIds[i] as string,
        component,
        value,
      })),
    ),
  ];
  await client.query(
    `INSERT INTO "target" (organization_id, id, segment_id, component, value, updated_at)
     SELECT $1, gen_random_uuid(), segment_id, component::component_slug, value, $5
     FROM unnest($2::uuid[], $3::text[], $4::float8[]) AS t(segment_id, component, value)`,
    [organizationId, targets.map((t) => t.segmentId), targets.map((t) => t.component), targets.map((t) => t.value), createdAt],
  );
  // Version 1 is a full scoring-configuration snapshot (weights, targets, thresholds), like every later version.
  const thresholds: Thresholds = { desired: settings.band_desired, engaged: settings.band_engaged, atRisk: settings.band_at_risk };
  await client.query(
    `INSERT INTO "weight_config" (organization_id, version, weights, targets, thresholds, reason, created_by_user_id, created_at)
     VALUES ($1, 1, $2, $3, $4, $5, $6, $7)`,
    [
      organizationId, JSON.stringify(initialWeights()), JSON.stringify(targetsFromRows(targets)), JSON.stringify(thresholds),
      INITIAL_WEIGHTS_REASON, userIds[0], createdAt,
    ],
  );

  await client.query(
    `INSERT INTO "audit_event" (organization_id, id, actor_user_id, action, entity_type, entity_id, after, created_at)
     VALUES ($1::uuid, gen_random_uuid(), $2, 'organization.created', 'organization', $1::text, $3, $4),
            ($1::uuid, gen_random_uuid(), $2, 'weights.created', 'weight_config', '1', $5, $4)`,
    [
      organizationId,
      userIds[0],
      JSON.stringify({ name: organization.name, slug: organization.slug }),
      createdAt,
      JSON.stringify({ version: 1, weights: initialWeights(), reason: INITIAL_WEIGHTS_REASON }),
    ],
  );

  return {
    organizationId,
    thresholds,
    userIds,
    segmentIds,
    stageIds,
    rowCounts: {
      organization: 1,
      user: people.length,
      membership: people.length,
      segment: SEGMENTS.length,
      journey_stage: JOURNEY_STAGES.length,
      weight_config: 1,
      target: targets.length,
      audit_event: 2,
    },
  };
}
