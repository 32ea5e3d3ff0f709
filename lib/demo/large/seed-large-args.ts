import { parseArgs } from 'node:util';
import { z } from 'zod';
import { SLUG_PATTERN, type SeedLargeOptions } from './seed-large-organization';

/** Command-line arguments of `npm run seed:large`, checked with messages that say what to type instead. */

export const SEED_LARGE_USAGE =
  'Usage: npm run seed:large -- --accounts <N> --assessments <K> [--org-slug <slug>] [--seed <S>]\n' +
  '  --accounts     number of accounts to create (1–2,000,000)\n' +
  '  --assessments  submitted assessments per account, one per quarter (1–40)\n' +
  '  --org-slug     slug of the new organisation (default large-<N>); must not exist yet\n' +
  '  --seed         seed of the generated data (default 1)';

export const MAX_TOTAL_ASSESSMENTS = 5_000_000;

export class SeedLargeArgsError extends Error {
  override readonly name = 'SeedLargeArgsError';
}

const integer = (name: string, min: number, max: number) =>
  z
    .string({ error: `--${name} is required` })
    .regex(/^\d+$/, `--${name} must be a whole number`)
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, `--${name} must be at least ${min}`)
        .max(max, `--${name} must be at most ${max.toLocaleString('en')}`),
    );

const argsSchema = z.object({
  accounts: integer('accounts', 1, 2_000_000),
  assessments: integer('assessments', 1, 40),
  'org-slug': z
    .string()
    .max(63, '--org-slug must be at most 63 characters')
    .regex(SLUG_PATTERN, '--org-slug must be lower-case letters, digits and single hyphens, e.g. large-50000')
    .optional(),
  seed: integer('seed', 0, 4_294_967_295).optional(),
});

export type SeedLargeArgs = Required<Pick<SeedLargeOptions, 'accounts' | 'assessments' | 'slug' | 'seed'>>;

export function parseSeedLargeArgs(argv: readonly string[]): SeedLargeArgs {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        accounts: { type: 'string' },
        assessments: { type: 'string' },
        'org-slug': { type: 'string' },
        seed: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new SeedLargeArgsError(`${error instanceof Error ? error.message : String(error)}\n${SEED_LARGE_USAGE}`);
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  - ${issue.message}`).join('\n');
    throw new SeedLargeArgsError(`Invalid arguments:\n${problems}\n${SEED_LARGE_USAGE}`);
  }
  const { accounts, assessments, seed } = parsed.data;
  // The load keeps ~100 bytes per assessment in memory between its passes.
  if (accounts * assessments > MAX_TOTAL_ASSESSMENTS) {
    throw new SeedLargeArgsError(
      `--accounts × --assessments must be at most ${MAX_TOTAL_ASSESSMENTS.toLocaleString('en')} ` +
        `(got ${(accounts * assessments).toLocaleString('en')}).\n${SEED_LARGE_USAGE}`,
    );
  }
  return { accounts, assessments, slug: parsed.data['org-slug'] ?? `large-${accounts}`, seed: seed ?? 1 };
}
