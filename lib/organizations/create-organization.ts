import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { Tx } from '@/lib/db/tenant';
import { COMPONENT_SLUGS } from '@/lib/framework';
import { DEFAULT_THRESHOLDS } from '@/lib/scoring';
import { slugCandidates, slugFromName } from './organization-slug';

/** Every component weighs the same until an admin changes it. */
export const DEFAULT_WEIGHT = 1;
/** The organisation-wide desired-state target of every component until an admin changes it. */
export const DEFAULT_TARGET = 100;

const NUMBERED_SLUG_ATTEMPTS = 50;

/**
 * A new organisation with `adminUserId` as its first ADMIN: a unique slug derived from its name, weights
 * version 1, a default target per component and an 'organization.created' audit event. `tx` must be a tenant
 * transaction whose organisation is `organizationId` (withTenant), so row-level security admits the rows.
 */
export async function createOrganization(
  tx: Tx,
  input: { organizationId: string; name: string; adminUserId: string },
): Promise<{ slug: string }> {
  const { organizationId, name, adminUserId } = input;
  const slug = await insertWithUniqueSlug(tx, organizationId, name);
  await tx.membership.create({ data: { organizationId, userId: adminUserId, role: 'ADMIN' }, select: { role: true } });
  await tx.weightConfig.create({
    data: {
      organizationId,
      version: 1,
      weights: Object.fromEntries(COMPONENT_SLUGS.map((component) => [component, DEFAULT_WEIGHT])),
      targets: { defaults: Object.fromEntries(COMPONENT_SLUGS.map((component) => [component, DEFAULT_TARGET])), segments: {} },
      thresholds: { ...DEFAULT_THRESHOLDS },
      reason: 'Initial defaults',
      createdByUserId: adminUserId,
    },
    select: { version: true },
  });
  await tx.target.createMany({
    data: COMPONENT_SLUGS.map((component) => ({ organizationId, segmentId: null, component, value: DEFAULT_TARGET })),
  });
  await recordAuditEvent(tx, {
    organizationId,
    actorUserId: adminUserId,
    action: 'organization.created',
    entityType: 'organization',
    entityId: organizationId,
    after: { name, slug },
  });
  return { slug };
}

/**
 * Inserts the organisation under the first free slug. Row-level security hides other organisations, so instead
 * of looking, each candidate is tried with ON CONFLICT DO NOTHING: the unique index sees every row, a taken slug
 * inserts nothing (without aborting the transaction), and two concurrent sign-ups can never share a slug.
 */
async function insertWithUniqueSlug(tx: Tx, organizationId: string, name: string): Promise<string> {
  const base = slugFromName(name);
  // After the numbered candidates, one with part of the new (random) id, which is practically always free.
  const candidates = [...slugCandidates(base, NUMBERED_SLUG_ATTEMPTS), `${base.slice(0, 38).replace(/-+$/g, '')}-${organizationId.slice(0, 8)}`];
  for (const slug of candidates) {
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO organization (id, name, slug) VALUES (${organizationId}::uuid, ${name}, ${slug})
      ON CONFLICT (slug) DO NOTHING
      RETURNING id`;
    if (inserted.length > 0) return slug;
  }
  throw new Error(`No free slug for the organisation "${name}"`);
}
