import type { Answer, Framework } from '@/lib/framework';
import { drawArr, JOURNEY_STAGES, SEGMENTS, type SegmentDefinition } from '../catalog';
import { createEngagementProfile, generateAnswers } from '../engagement-profile';
import { companyName } from '../names';
import {
  DAY_MS,
  daysAfter,
  daysBefore,
  LAST_DAY_IN_QUARTER,
  QUARTER_DAYS,
  startOfUtcDay,
  submittedAtInQuarter,
} from '../periods';
import { createRandom, deriveSeed } from '../random';

/**
 * One synthetic account and, separately, its assessment history. Each draws from its own seeded stream derived from
 * (seed, index), so the account row can be written before its history is generated (the load streams accounts
 * first, then generates histories while assessments stream), and the whole load is reproducible.
 */

const SEGMENT_WEIGHTS = [8, 32, 60]; // enterprise, mid-market, tech-touch (order of SEGMENTS)
const STAGE_WEIGHTS = [10, 30, 35, 15, 10]; // order of JOURNEY_STAGES
const ARCHIVED_SHARE = 0.005;

export interface LargeAccountContext {
  framework: Framework;
  now: Date;
  /** Submitted assessments per account, one per quarter, the latest in the current quarter. */
  assessments: number;
  /** Per segment, the [from, to) range of CSM indexes that own its accounts. */
  ownerPools: readonly [number, number][];
}

export interface LargeAccount {
  name: string;
  externalId: string;
  segmentIndex: number;
  ownerCsm: number;
  stageIndex: number;
  arr: number;
  renewalDate: Date;
  /** Whole days before `now` it was archived (its last assessment comes before), or null. */
  archivedDaysBack: number | null;
  archivedAt: Date | null;
  createdAt: Date;
}

export interface LargeAssessment {
  createdAt: Date;
  submittedAt: Date;
  answers: Record<string, Answer>;
}

export function externalIdFor(index: number, accounts: number): string {
  return `CRM-${String(index + 1).padStart(Math.max(5, String(accounts).length), '0')}`;
}

export function generateLargeAccount(
  seed: number,
  index: number,
  accounts: number,
  ctx: LargeAccountContext,
): LargeAccount {
  const random = createRandom(deriveSeed(seed, 2 * index));
  const segmentIndex = random.weighted([0, 1, 2], SEGMENT_WEIGHTS);
  const segment = SEGMENTS[segmentIndex] as SegmentDefinition;
  const [poolStart, poolEnd] = ctx.ownerPools[segmentIndex] ?? [0, 1];
  const archivedDaysBack = random.chance(ARCHIVED_SHARE) ? random.int(1, 30) : null;
  // Signed up before the earliest day its first assessment can fall on.
  const firstPossible = (ctx.assessments - 1) * QUARTER_DAYS + LAST_DAY_IN_QUARTER + 1;
  return {
    name: companyName(random),
    externalId: externalIdFor(index, accounts),
    segmentIndex,
    ownerCsm: random.int(poolStart, poolEnd - 1),
    stageIndex: random.weighted(JOURNEY_STAGES.map((_, i) => i), STAGE_WEIGHTS),
    arr: drawArr(random.next, segment),
    renewalDate: startOfUtcDay(daysAfter(ctx.now, random.chance(0.03) ? -random.int(1, 60) : random.int(1, 365))),
    archivedDaysBack,
    archivedAt:
      archivedDaysBack === null
        ? null
        : new Date(startOfUtcDay(daysBefore(ctx.now, archivedDaysBack)).getTime() + random.between(0, DAY_MS)),
    createdAt: daysBefore(ctx.now, firstPossible + random.int(14, 90)),
  };
}

/** The account's submitted assessments, oldest first, one in each of the last `ctx.assessments` quarters. */
export function generateLargeHistory(
  seed: number,
  index: number,
  account: Pick<LargeAccount, 'segmentIndex' | 'archivedDaysBack'>,
  ctx: LargeAccountContext,
): LargeAssessment[] {
  const random = createRandom(deriveSeed(seed, 2 * index + 1));
  const segment = SEGMENTS[account.segmentIndex] as SegmentDefinition;
  const profile = createEngagementProfile(random, ctx.framework, segment, ctx.assessments);
  const history: LargeAssessment[] = [];
  for (let period = 0; period < ctx.assessments; period += 1) {
    const quartersAgo = ctx.assessments - 1 - period;
    // An archived account's latest assessment falls on a day before the one it was archived on.
    const minDaysBack = quartersAgo === 0 && account.archivedDaysBack !== null ? account.archivedDaysBack + 1 : 1;
    const submittedAt = submittedAtInQuarter(ctx.now, quartersAgo, random, minDaysBack);
    history.push({
      createdAt: new Date(submittedAt.getTime() - random.int(1, 72) * 3_600_000),
      submittedAt,
      answers: generateAnswers(random, ctx.framework, profile, period),
    });
  }
  return history;
}
