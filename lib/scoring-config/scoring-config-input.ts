import { z } from 'zod';
import { COMPONENT_SLUGS, type ComponentSlug } from '@/lib/framework';
import { COMPONENT_NAMES } from '@/lib/portfolio/component-names';

/**
 * zod schemas for the scoring settings, shared by the editor (client) and the server actions. Every message
 * names the field, because organizationAction reports errors per top-level key (weights, targets, …).
 */

/** Form inputs arrive as strings: a blank or non-numeric one must fail as "not a number", never become 0. */
const toNumber = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value);

const numberField = (label: string) =>
  z.preprocess(toNumber, z.number({ error: `${label} must be a number.` }));

const weightField = (slug: ComponentSlug) => {
  const label = `The weight of ${COMPONENT_NAMES[slug]}`;
  return numberField(label).pipe(z.number().min(0, `${label} cannot be negative.`).max(1000, `${label} must be at most 1000.`));
};

const targetField = (label: string) =>
  numberField(label).pipe(
    z.number().gt(0, `${label} must be more than 0.`).max(100, `${label} must be at most 100.`),
  );

const perComponent = <T extends z.ZodType>(field: (slug: ComponentSlug) => T) =>
  z.object(Object.fromEntries(COMPONENT_SLUGS.map((slug) => [slug, field(slug)])) as Record<ComponentSlug, T>);

export const weightsInputSchema = perComponent(weightField).refine(
  (weights) => COMPONENT_SLUGS.some((slug) => weights[slug] > 0),
  'At least one weight must be more than 0: with every weight at 0 no score can be computed.',
);

export const defaultTargetsInputSchema = perComponent((slug) => targetField(`The default target of ${COMPONENT_NAMES[slug]}`));

/** A segment's overrides: a blank (or missing) component inherits the organisation default. */
const overrideField = (slug: ComponentSlug) =>
  z.preprocess(
    (value) => (value === '' || value === null ? undefined : value),
    targetField(`A segment's target of ${COMPONENT_NAMES[slug]}`).optional(),
  );

export const segmentTargetsInputSchema = z.record(
  z.uuid('Unknown segment.'),
  z.object(Object.fromEntries(COMPONENT_SLUGS.map((slug) => [slug, overrideField(slug)])) as Record<ComponentSlug, ReturnType<typeof overrideField>>),
);

const thresholdField = (label: string) =>
  numberField(label).pipe(z.number().min(0, `${label} must be between 0 and 100.`).max(100, `${label} must be between 0 and 100.`));

export const thresholdsInputSchema = z
  .object({
    desired: thresholdField('The desired-state threshold'),
    engaged: thresholdField('The engaged threshold'),
    atRisk: thresholdField('The at-risk threshold'),
  })
  .refine(
    (t) => t.desired > t.engaged && t.engaged > t.atRisk,
    'Thresholds must be strictly ordered: desired state above engaged, engaged above at risk.',
  );

/** A proposed configuration (the impact preview takes just this). */
export const scoringConfigurationInputSchema = z.object({
  weights: weightsInputSchema,
  defaultTargets: defaultTargetsInputSchema,
  segmentTargets: segmentTargetsInputSchema.default({}),
  thresholds: thresholdsInputSchema,
});
export type ScoringConfigurationInput = z.output<typeof scoringConfigurationInputSchema>;

const basedOnVersion = z.preprocess(
  toNumber,
  z.number({ error: 'Reload the page: the version you edited is missing.' }).int().positive(),
);
const reason = z
  .string({ error: 'Give a reason for this change.' })
  .trim()
  .min(1, 'Give a reason for this change.')
  .max(500, 'Keep the reason under 500 characters.');

/** Saving names the version the edit was based on, so a concurrent save is detected rather than overwritten. */
export const saveScoringConfigurationInputSchema = scoringConfigurationInputSchema.extend({ basedOnVersion, reason });
export type SaveScoringConfigurationInput = z.output<typeof saveScoringConfigurationInputSchema>;

export const restoreScoringVersionInputSchema = z.object({
  version: z.preprocess(toNumber, z.number({ error: 'Choose a version to restore.' }).int().positive()),
  basedOnVersion,
  reason: reason.optional(),
});
export type RestoreScoringVersionInput = z.output<typeof restoreScoringVersionInputSchema>;

export const reviewIntervalInputSchema = z.object({
  reviewIntervalDays: z.preprocess(
    toNumber,
    z
      .number({ error: 'The review interval must be a number of days.' })
      .int('The review interval must be a whole number of days.')
      .positive('The review interval must be at least 1 day.')
      .max(3650, 'The review interval must be at most 3650 days (10 years).'),
  ),
});
