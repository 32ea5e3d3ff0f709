'use server';

import { revalidatePath } from 'next/cache';
import { prisma } from '@/lib/db/prisma';
import { organizationAction } from '@/lib/http/organization-action';
import { previewScoringImpact } from '@/lib/scoring-config/preview-scoring-impact';
import { restoreScoringVersion } from '@/lib/scoring-config/restore-scoring-version';
import { saveScoringConfiguration } from '@/lib/scoring-config/save-scoring-configuration';
import {
  restoreScoringVersionInputSchema,
  reviewIntervalInputSchema,
  saveScoringConfigurationInputSchema,
  scoringConfigurationInputSchema,
} from '@/lib/scoring-config/scoring-config-input';
import { updateReviewInterval } from '@/lib/scoring-config/update-review-interval';
import type { OrganizationAccess } from '@/lib/tenancy/organization-access';
import { actorOf } from '@/lib/tenancy/require-actor-permission';

/** Scoring settings (admins). Each goes through organizationAction: session, membership, permission, zod. */

/** A new version re-scores every account: every page showing scores is stale. */
const refresh = (access: OrganizationAccess) => revalidatePath(`/o/${access.organization.slug}`, 'layout');

/** The impact of a proposed configuration on every account's latest score; writes nothing. */
export const previewScoringImpactAction = organizationAction({
  permission: 'settings.read',
  input: scoringConfigurationInputSchema,
  handler: (access, input) => previewScoringImpact(prisma(), actorOf(access), input),
});

export const saveScoringConfigurationAction = organizationAction({
  permission: 'settings.write',
  input: saveScoringConfigurationInputSchema,
  handler: async (access, input) => {
    const result = await saveScoringConfiguration(prisma(), actorOf(access), input);
    refresh(access);
    return result;
  },
});

export const restoreScoringVersionAction = organizationAction({
  permission: 'settings.write',
  input: restoreScoringVersionInputSchema,
  handler: async (access, input) => {
    const result = await restoreScoringVersion(prisma(), actorOf(access), input);
    refresh(access);
    return result;
  },
});

export const updateReviewIntervalAction = organizationAction({
  permission: 'settings.write',
  input: reviewIntervalInputSchema,
  handler: async (access, input) => {
    const result = await updateReviewInterval(prisma(), actorOf(access), input);
    refresh(access);
    return result;
  },
});
