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
interface AccountRow {
  id: string;
  name: string;
  ownerUserId: string | null;
  archivedAt: Date | null;
  /** numeric(14,2) as exact text. */
  arr: string | null;
  renewalDate: Date | null;
  segmentName: string | null;
  segmentRetired: boolean;
  stageName: string | null;
  stageRetired: boolean;
  ownerName: string | null;
}

interface ResultRow {
  assessmentId: string;
  submittedAt: Date;
  score: number;
  band: Band;
  confidence: number;
  output: unknown;
  authorName: string;
  frameworkVersion: string;
  /** The assessment's answers on the latest row only (null on the others). */
  answers: unknown;
}

interface DraftRow {
  id: string;
  authorUserId: string;
  updatedAt: Date;
  authorName: string;
}

export async function getAccountOverview(
  tx: Tx,
  actor: AssessmentActor,
  accountId: string,
  now: Date = new Date(),
  /** The organisation's review interval when the caller already read it (saves a round trip). */
  knownReviewIntervalDays?: number,
): Promise<AccountOverview> {
  // One statement per need, lookups joined in SQL (Prisma's nested selects cost a round trip per relation: this page
  // made 11). The organisation is a condition of every query (another organisation's id is simply missing).
  // Sequential: one transaction is one connection.
  const [account] =
    typeof accountId === 'string' && UUID.test(accountId)
      ? await tx.$queryRaw<AccountRow[]>`
          SELECT a.id, a.name, a.owner_user_id AS "ownerUserId", a.archived_at AS "archivedAt", a.arr::text AS arr,
                 a.renewal_date AS "renewalDate", s.name AS "segmentName", (s.retired_at IS NOT NULL) AS "segmentRetired",
                 js.name AS "stageName", (js.retired_at IS NOT NULL) AS "stageRetired", u.name AS "ownerName"
            FROM account a
            LEFT JOIN segment s ON s.organization_id = a.organization_id AND s.id = a.segment_id
            LEFT JOIN journey_stage js ON js.organization_id = a.organization_id AND js.id = a.journey_stage_id
            LEFT JOIN membership m ON m.organization_id = a.organization_id AND m.user_id = a.owner_user_id
            LEFT JOIN "user" u ON u.id = m.user_id
           WHERE a.organization_id = ${actor.organizationId}::uuid AND a.id = ${accountId}::uuid`
      : [];
  if (!account) throw notFoundError();
  const found = account;
  const reviewIntervalDays =
    knownReviewIntervalDays ??
    (await tx.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { reviewIntervalDays: true } })).reviewIntervalDays;
  // The latest result's answers come with it (its weakest questions): only that row carries them.
  const results = await tx.$queryRaw<ResultRow[]>`
    SELECT r.assessment_id AS "assessmentId", r.submitted_at AS "submittedAt", r.score, r.band::text AS band, r.confidence,
           r.output, u.name AS "authorName", a.framework_version AS "frameworkVersion",
           CASE WHEN row_number() OVER (ORDER BY r.submitted_at DESC, r.assessment_id DESC) = 1 THEN a.answers END AS answers
      FROM assessment_result r
      JOIN assessment a ON a.organization_id = r.organization_id AND a.id = r.assessment_id
      JOIN "user" u ON u.id = a.author_user_id
     WHERE r.organization_id = ${actor.organizationId}::uuid AND r.account_id = ${found.id}::uuid
     ORDER BY r.submitted_at DESC, r.assessment_id DESC
     LIMIT ${HISTORY_LIMIT}`;
  const drafts = await tx.$queryRaw<DraftRow[]>`
    SELECT a.id, a.author_user_id AS "authorUserId", a.updated_at AS "updatedAt", u.name AS "authorName"
      FROM assessment a
      JOIN "user" u ON u.id = a.author_user_id
     WHERE a.organization_id = ${actor.organizationId}::uuid AND a.account_id = ${found.id}::uuid AND a.status = 'DRAFT'
     ORDER BY a.updated_at DESC`;

  const chronological = [...results].reverse();
  const history: HistoryEntry[] = results.map((r, i) => {
    const previous = results[i + 1];
    return {
      assessmentId: r.assessmentId,
      submittedAt: r.submittedAt,
      authorName: r.authorName,
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
  const framework = getFramework(latestRow?.frameworkVersion ?? 'dsce-v1');
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

  const answers = readStoredAnswers(latestRow?.answers);
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
      segment: account.segmentName === null ? null : `${account.segmentName}${account.segmentRetired ? ' (retired)' : ''}`,
      owner: account.ownerName,
      stage: account.stageName === null ? null : `${account.stageName}${account.stageRetired ? ' (retired)' : ''}`,
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
      authorName: d.authorName,
      updatedAt: d.updatedAt,
      mine: d.authorUserId === actor.userId,
    })),
    canWrite: !found.archivedAt && mayWriteAssessments(actor, found.ownerUserId),
    myDraftId: myDraft?.id ?? null,
  };
}
