'use server';

import { revalidatePath } from 'next/cache';
import { prisma } from '@/lib/db/prisma';
import { organizationAction } from '@/lib/http/organization-action';
import { createTaxonomyEntry } from '@/lib/taxonomy/create-taxonomy-entry';
import { moveJourneyStage } from '@/lib/taxonomy/move-journey-stage';
import { setTaxonomyEntryRetired } from '@/lib/taxonomy/set-taxonomy-entry-retired';
import {
  createTaxonomyEntryInputSchema,
  moveJourneyStageInputSchema,
  setTaxonomyEntryRetiredInputSchema,
  updateTaxonomyEntryInputSchema,
} from '@/lib/taxonomy/taxonomy-input';
import { updateTaxonomyEntry } from '@/lib/taxonomy/update-taxonomy-entry';
import type { OrganizationAccess } from '@/lib/tenancy/organization-access';
import { actorOf } from '@/lib/tenancy/require-actor-permission';

/** Segments and journey stages (admins). Each goes through organizationAction: session, membership, permission, zod. */

const refresh = (access: OrganizationAccess) => revalidatePath(`/o/${access.organization.slug}/settings/taxonomy`);

export const createTaxonomyEntryAction = organizationAction({
  permission: 'settings.write',
  input: createTaxonomyEntryInputSchema,
  handler: async (access, input) => {
    const result = await createTaxonomyEntry(prisma(), actorOf(access), input);
    refresh(access);
    return result;
  },
});

export const updateTaxonomyEntryAction = organizationAction({
  permission: 'settings.write',
  input: updateTaxonomyEntryInputSchema,
  handler: async (access, input) => {
    const result = await updateTaxonomyEntry(prisma(), actorOf(access), input);
    refresh(access);
    return result;
  },
});

export const setTaxonomyEntryRetiredAction = organizationAction({
  permission: 'settings.write',
  input: setTaxonomyEntryRetiredInputSchema,
  handler: async (access, input) => {
    const result = await setTaxonomyEntryRetired(prisma(), actorOf(access), input);
    refresh(access);
    return result;
  },
});

export const moveJourneyStageAction = organizationAction({
  permission: 'settings.write',
  input: moveJourneyStageInputSchema,
  handler: async (access, input) => {
    const result = await moveJourneyStage(prisma(), actorOf(access), input);
    refresh(access);
    return result;
  },
});
