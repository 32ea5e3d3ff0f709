import type { Answer, Framework } from '@/lib/framework';
import { drawArr, JOURNEY_STAGES, SEGMENTS, type SegmentDefinition } from '../catalog';
import { createEngagementProfile, generateAnswers } from '../engagement-profile';
import { companyName } from '../names';
import { daysAfter, daysBefore, startOfUtcDay, submittedAtInQuarter } from '../periods';
import { createRandom, deriveSeed } from '../random';

/**
 * One synthetic account with its full assessment history. Each account draws from its own seeded stream
 * (seed, index), so accounts can be generated in any order and the whole load is reproducible.
 */

const SEGMENT_WEIGHTS = [8, 32, 60]; // enterprise, mid-market, tech-touch (order of SEGMENTS)
const STAGE_WEIGHTS = [10, 30, 35, 15, 10]; // order of JOURNEY_STAGES

export interface LargeAccountContext {
  framework: Framework;
  now: Date;
  /** Submitted assessments per account, one per quarter, the latest in the current quarter. */
  assessments: number;
  ownerPools: readonly [number, number][];
}

export interface LargeAssessment {
  createdAt: Date;
  submittedAt: Date;
  answers: Record<string, Answer>;
}

export interface LargeAccount {
  name: string;
  externalId: string;
  segmentIndex: number;
  ownerCsm: number;
  stageIndex: number;
  arr: number;
  renewalDate: Date;
  archivedAt: Date | null;
  createdAt: Date;
  /** Oldest first. */
  assessments: LargeAssessment[];
}

export function externalIdFor(index: number, accounts: number): string {
  return `CRM-${String(index + 1).padStart(Math.max(5, String(accounts).length), '0')}`;
}

export function generateLargeAccount(seed: number, index: number, accounts: number, ctx: LargeAccountContext): LargeAccount {
  const random = createRandom(deriveSeed(seed, index));
  const segmentIndex = random.weighted([0, 1, 2], SEGMENT_WEIGHTS);
  const segment = SEGMENTS[segmentIndex] as SegmentDefinition;
  const [poolStart, poolEnd] = ctx.ownerPools[segmentIndex] ?? [0, 1];
  const profile = createEngagementProfile(random, ctx.framework, segment, ctx.assessments);

  const assessments: LargeAssessment[] = [];
  for (let period = 0; period < ctx.assessments; period += 1) {
    const submittedAt = submittedAtInQuarter(ctx.now, ctx.assessments - 1 - period, random);
    assessments.push({
      createdAt: new Date(submittedAt.getTime() - random.int(1, 72) * 3_600_000),
      submittedAt,
      answers: generateAnswers(random, ctx.framework, profile, period),
    });
  }
  const first = assessments[0]?.submittedAt ?? ctx.now;
  const last = assessments[assessments.length - 1]?.submittedAt ?? ctx.now;
  const archived = random.chance(0.005);

  return {
    name: companyName(random),
    externalId: externalIdFor(index, accounts),
    segmentIndex,
    ownerCsm: random.int(poolStart, poolEnd - 1),
    stageIndex: random.weighted(JOURNEY_STAGES.map((_, i) => i), STAGE_WEIGHTS),
    arr: drawArr(random.next, segment),
    renewalDate: startOfUtcDay(daysAfter(ctx.now, random.chance(0.03) ? -random.int(1, 60) : random.int(1, 365))),
    archivedAt: archived ? new Date(random.between(last.getTime(), ctx.now.getTime())) : null,
    createdAt: daysBefore(first, random.int(14, 90)),
    assessments,
  };
}
