import { z } from 'zod';

/**
 * Input rules for segments and journey stages, shared by the forms, the server actions and the tests. Pure (no I/O).
 * 'stage' is a journey stage; segments carry a tier (1 = highest touch), stages an order.
 */
export const TAXONOMY_KINDS = ['segment', 'stage'] as const;
export type TaxonomyKind = (typeof TAXONOMY_KINDS)[number];

export const MAX_TAXONOMY_NAME = 80;
export const MAX_SEGMENT_TIER = 9;

export const taxonomyNameSchema = z
  .string('Enter a name.')
  .trim()
  .min(1, 'Enter a name.')
  .max(MAX_TAXONOMY_NAME, `At most ${MAX_TAXONOMY_NAME} characters.`);

export const segmentTierSchema = z.coerce
  .number('Enter a tier from 1 to 9.')
  .int('Enter a whole number from 1 to 9.')
  .min(1, 'Enter a tier from 1 (highest touch) to 9.')
  .max(MAX_SEGMENT_TIER, 'Enter a tier from 1 (highest touch) to 9.');

const entryIdSchema = z.uuid('Unknown segment or stage; reload the page.');
const entryVersionSchema = z.coerce.number('Reload the page and try again.').int().min(1, 'Reload the page and try again.');
const emptyToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

export const createTaxonomyEntryInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('segment'), name: taxonomyNameSchema, tier: segmentTierSchema }),
  z.object({
    kind: z.literal('stage'),
    name: taxonomyNameSchema,
    /** 1-based place in the journey; absent puts the stage at the end. */
    position: z.preprocess(emptyToUndefined, z.coerce.number().int('Choose a place in the journey.').min(1, 'Choose a place in the journey.').optional()),
  }),
]);
export type CreateTaxonomyEntryInput = z.output<typeof createTaxonomyEntryInputSchema>;

export const updateTaxonomyEntryInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('segment'), id: entryIdSchema, version: entryVersionSchema, name: taxonomyNameSchema, tier: segmentTierSchema }),
  z.object({ kind: z.literal('stage'), id: entryIdSchema, version: entryVersionSchema, name: taxonomyNameSchema }),
]);
export type UpdateTaxonomyEntryInput = z.output<typeof updateTaxonomyEntryInputSchema>;

export const setTaxonomyEntryRetiredInputSchema = z.object({
  kind: z.enum(TAXONOMY_KINDS, 'Say whether it is a segment or a stage.'),
  id: entryIdSchema,
  version: entryVersionSchema,
  retired: z.preprocess((value) => (value === 'true' ? true : value === 'false' ? false : value), z.boolean('Say whether to retire or restore.')),
});
export type SetTaxonomyEntryRetiredInput = z.output<typeof setTaxonomyEntryRetiredInputSchema>;

export const moveJourneyStageInputSchema = z.object({
  id: entryIdSchema,
  version: entryVersionSchema,
  direction: z.enum(['up', 'down'], 'Say whether to move the stage earlier or later.'),
});
export type MoveJourneyStageInput = z.output<typeof moveJourneyStageInputSchema>;
