import type { Tx } from '@/lib/db/tenant';
import { COMPONENT_SLUGS, getFramework, type ComponentSlug, type Level } from '@/lib/framework';
import { isStale, trendBetween, type Band, type ResultDelta, type ScoreResult } from '@/lib/scoring';
import { notFoundError } from '@/lib/errors';
import { mayWriteAssessments, UUID, type AssessmentActor } from './assessment-actor';
import { readStoredAnswers } from './assessment-input';

/** How many results the history, trend chart and deltas cover (an account gains a few a year). */
export const HISTORY_LIMIT = 60;
const FIX_FIRST_COUNT = 3;
const LOWEST_QUESTIONS = 2;

export interface HistoryEntry {
  assessmentId: string;
  submittedAt: Date;
  authorName: string;
  score: number;
  band: Band;
  confidence: number;
  /** S minus the previous submitted S; null for the first. */
  delta: number | null;
}

export interface ComponentStanding {
  slug: ComponentSlug;
  name: string;
  current: number | null;
  target: number | null;
  gap: number | null;
  lever: number | null;
  /** C_c change since the previous submitted assessment. */
  delta: number | null;
}

export interface FixFirstItem {
  slug: ComponentSlug;
  name: string;
  lever: number;
  current: number;
  target: number;
  /** The component's guiding questions that scored lowest in the latest assessment (unknown counts as 0). */
  lowestQuestions: { id: string; text: string; answer: Level | 'unknown' }[];
}

export interface TrendPoint {
  submittedAt: Date;
  score: number;
  components: Record<ComponentSlug, number | null>;
}

export interface AccountOverview {
  account: {
    id: string;
    name: string;
    segment: string | null;
    owner: string | null;
    stage: string | null;
    arr: number | null;
    renewalDate: Date | null;
    archived: boolean;
  };
  latest: null | {
    assessmentId: string;
    submittedAt: Date;
    score: number;
    band: Band;
    confidence: number;
    stale: boolean;
    trend: ResultDelta | null;
  };
  reviewIntervalDays: number;
  components: ComponentStanding[];
  fixFirst: FixFirstItem[];
  /** Oldest first, for the charts. */
  trend: TrendPoint[];
  /** Newest first. */
  history: HistoryEntry[];
  drafts: { assessmentId: string; authorName: string; updatedAt: Date; mine: boolean }[];
  canWrite: boolean;
  /** The actor's own draft of this account, if any ("Continue draft"). */
  myDraftId: string | null;
}

/** The account page: latest score, standing per component, levers, trend and history. */
export async function getAccountOverview(
  tx: Tx,
  actor: AssessmentActor,
  accountId: string,
  now: Date = new Date(),
  /** The organisation's review interval when the caller already read it (saves a round trip). */
  knownReviewIntervalDays?: number,
): Promise<AccountOverview> {
  // One read of the account with its lookups; the organisation is a condition of the query (another
  // organisation's id is simply missing). Sequential: one transaction is one connection.
  const account =
    typeof accountId === 'string' && UUID.test(accountId)
      ? await tx.account.findUnique({
          where: { organizationId_id: { organizationId: actor.organizationId, id: accountId } },
          select: {
            id: true, name: true, ownerUserId: true, archivedAt: true, arr: true, renewalDate: true,
            segment: { select: { name: true, retiredAt: true } },
            journeyStage: { select: { name: true, retiredAt: true } },
            owner: { select: { user: { select: { name: true } } } },
          },
        })
      : null;
  if (!account) throw notFoundError();
  const found = account;
  const reviewIntervalDays =
    knownReviewIntervalDays ??
    (await tx.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { reviewIntervalDays: true } })).reviewIntervalDays;
  const results = await tx.assessmentResult.findMany({
    where: { organizationId: actor.organizationId, accountId: found.id },
    orderBy: [{ submittedAt: 'desc' }, { assessmentId: 'desc' }],
    take: HISTORY_LIMIT,
    select: {
      assessmentId: true, submittedAt: true, score: true, band: true, confidence: true, output: true,
      assessment: { select: { author: { select: { name: true } }, frameworkVersion: true } },
    },
  });
  const drafts = await tx.assessment.findMany({
    where: { organizationId: actor.organizationId, accountId: found.id, status: 'DRAFT' },
    orderBy: { updatedAt: 'desc' },
    select: { id: true, authorUserId: true, updatedAt: true, author: { select: { name: true } } },
  });

  const chronological = [...results].reverse();
  const history: HistoryEntry[] = results.map((r, i) => {
    const previous = results[i + 1];
    return {
      assessmentId: r.assessmentId,
      submittedAt: r.submittedAt,
      authorName: r.assessment.author.name,
      score: r.score,
      band: r.band,
      confidence: r.confidence,
      delta: previous ? r.score - previous.score : null,
    };
  });
  const trend: TrendPoint[] = chronological.map((r) => {
    const output = r.output as unknown as ScoreResult;
    return {
      submittedAt: r.submittedAt,
      score: r.score,
      components: Object.fromEntries(
        COMPONENT_SLUGS.map((slug) => [slug, output.components[slug]?.current ?? null]),
      ) as Record<ComponentSlug, number | null>,
    };
  });

  const [latestRow, previousRow] = results;
  const latestOutput = latestRow ? (latestRow.output as unknown as ScoreResult) : null;
  const delta = latestOutput && previousRow ? trendBetween(previousRow.output as unknown as ScoreResult, latestOutput) : null;
  const framework = getFramework(latestRow?.assessment.frameworkVersion ?? 'dsce-v1');
  const components: ComponentStanding[] = framework.components.map((c) => {
    const score = latestOutput?.components[c.slug] ?? null;
    return {
      slug: c.slug,
      name: c.name,
      current: score?.current ?? null,
      target: score?.target ?? null,
      gap: score?.gap ?? null,
      lever: score?.lever ?? null,
      delta: delta?.components[c.slug] ?? null,
    };
  });

  // Only the latest assessment's answers are needed (its weakest questions), so only they are loaded.
  const latestAnswers = latestRow
    ? await tx.assessment.findUnique({
        where: { organizationId_id: { organizationId: actor.organizationId, id: latestRow.assessmentId } },
        select: { answers: true },
      })
    : null;
  const answers = readStoredAnswers(latestAnswers?.answers);
  const fixFirst: FixFirstItem[] = components
    .filter((c): c is ComponentStanding & { lever: number; current: number; target: number } =>
      c.lever !== null && c.lever > 0 && c.current !== null && c.target !== null)
    .sort((a, b) => b.lever - a.lever)
    .slice(0, FIX_FIRST_COUNT)
    .map((c) => {
      const questions = framework.components.find((fc) => fc.slug === c.slug)?.questions ?? [];
      const lowestQuestions = questions
        .flatMap((q) => {
          const answer = answers[q.id];
          if (answer === undefined || answer === 'na') return [];
          return [{ id: q.id, text: q.text, answer, level: answer === 'unknown' ? 0 : answer }];
        })
        .sort((a, b) => a.level - b.level)
        .slice(0, LOWEST_QUESTIONS)
        .map(({ id, text, answer }) => ({ id, text, answer }));
      return { slug: c.slug, name: c.name, lever: c.lever, current: c.current, target: c.target, lowestQuestions };
    });

  const myDraft = drafts.find((d) => d.authorUserId === actor.userId);
  return {
    account: {
      id: found.id,
      name: found.name,
      // A retired segment or stage stays on the account, marked as such.
      segment: account.segment ? `${account.segment.name}${account.segment.retiredAt ? ' (retired)' : ''}` : null,
      owner: account.owner?.user.name ?? null,
      stage: account.journeyStage ? `${account.journeyStage.name}${account.journeyStage.retiredAt ? ' (retired)' : ''}` : null,
      arr: account.arr === null ? null : Number(account.arr),
      renewalDate: account.renewalDate,
      archived: found.archivedAt !== null,
    },
    latest: latestRow
      ? {
          assessmentId: latestRow.assessmentId,
          submittedAt: latestRow.submittedAt,
          score: latestRow.score,
          band: latestRow.band,
          confidence: latestRow.confidence,
          stale: isStale(latestRow.submittedAt, now, reviewIntervalDays),
          trend: delta,
        }
      : null,
    reviewIntervalDays,
    components,
    fixFirst,
    trend,
    history,
    drafts: drafts.map((d) => ({
      assessmentId: d.id,
      authorName: d.author.name,
      updatedAt: d.updatedAt,
      mine: d.authorUserId === actor.userId,
    })),
    canWrite: !found.archivedAt && mayWriteAssessments(actor, found.ownerUserId),
    myDraftId: myDraft?.id ?? null,
  };
}
