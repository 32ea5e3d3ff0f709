import { COMPONENT_SLUGS, DSCE_V1, type Answer, type ComponentSlug } from '@/lib/framework';
import { drawArr, SEGMENTS, type JourneyStageName, type SegmentDefinition } from './catalog';
import {
  createEngagementProfile,
  generateAnswers,
  partialAnswers,
  type EngagementProfile,
  type Trajectory,
} from './engagement-profile';
import { uniqueCompanyName } from './names';
import { STRONG_NOTES, WEAK_NOTES } from './notes';
import { daysAfter, daysBefore, startOfUtcDay, submittedAtInQuarter, DAY_MS } from './periods';
import { createRandom, shuffled, type Random } from './random';

/**
 * The demo portfolio as plain data (no ids, no database): which accounts exist and what their CSMs answered when.
 * Pure and deterministic for a given (now, seed), so it can be checked without a database.
 */

export const DEMO_QUARTERS = 4;
const SEGMENT_SIZES: Record<SegmentDefinition['key'], number> = { enterprise: 16, 'mid-market': 28, 'tech-touch': 36 };
const NEVER_ASSESSED = 5;
const ARCHIVED = 2;
const STALE = 8;
const OVERDUE_RENEWALS = 4;
const CSM_INDEXES = [0, 1, 2, 3] as const;
/** Relative chance of each CSM owning an account of the segment: enterprise sits with the first two. */
const OWNER_WEIGHTS: Record<SegmentDefinition['key'], number[]> = {
  enterprise: [6, 4, 0, 0],
  'mid-market': [1, 3, 3, 3],
  'tech-touch': [0.5, 1.5, 4, 4],
};

export interface PlannedAssessment {
  createdAt: Date;
  submittedAt: Date;
  answers: Record<string, Answer>;
  notes: Partial<Record<ComponentSlug, string>>;
}

export interface PlannedDraft {
  createdAt: Date;
  updatedAt: Date;
  answers: Record<string, Answer>;
}

export interface PlannedAccount {
  name: string;
  externalId: string;
  segment: SegmentDefinition;
  /** Index into the demo's CSMs (0–3). */
  ownerCsm: number;
  stage: JourneyStageName;
  arr: number;
  renewalDate: Date;
  archivedAt: Date | null;
  createdAt: Date;
  trajectory: Trajectory;
  /** Submitted assessments, oldest first. */
  assessments: PlannedAssessment[];
  draft: PlannedDraft | null;
}

export interface DemoPortfolioPlan {
  /** When the organisation, its people and settings were created (before any account). */
  createdAt: Date;
  accounts: PlannedAccount[];
}

type Kind = 'regular' | 'stale' | 'archived' | 'never';

interface Roles {
  kind: Kind[];
  overdue: Set<number>;
  draft: Set<number>;
}

/** Decides which accounts are never assessed, archived, stale, overdue for renewal or have a draft open. */
function assignRoles(random: Random, segments: SegmentDefinition[]): Roles {
  const kind: Kind[] = segments.map(() => 'regular');
  const notEnterprise = shuffled(random, segments.flatMap((s, i) => (s.key === 'enterprise' ? [] : [i])));
  // New customers not yet assessed are the smaller, faster-signing ones.
  for (const i of notEnterprise.slice(0, NEVER_ASSESSED)) kind[i] = 'never';
  const rest = shuffled(random, kind.flatMap((k, i) => (k === 'regular' ? [i] : [])));
  for (const i of rest.slice(0, ARCHIVED)) kind[i] = 'archived';
  for (const i of rest.slice(ARCHIVED, ARCHIVED + STALE)) kind[i] = 'stale';
  const assessedActive = shuffled(random, kind.flatMap((k, i) => (k === 'regular' || k === 'stale' ? [i] : [])));
  const overdue = new Set(assessedActive.slice(0, OVERDUE_RENEWALS));
  const byKind = (k: Kind) => shuffled(random, kind.flatMap((x, i) => (x === k ? [i] : [])));
  // Six drafts: re-assessments started on stale accounts, first assessments of new ones, and one early re-assessment.
  const draft = new Set([...byKind('stale').slice(0, 3), ...byKind('never').slice(0, 2), ...byKind('regular').slice(0, 1)]);
  return { kind, overdue, draft };
}

/** Quarters (counted back from now) in which the account was assessed, oldest first. */
function assessedQuarters(random: Random, kind: Kind): number[] {
  if (kind === 'never') return [];
  const first = kind === 'regular' ? random.weighted([3, 2, 1, 0], [14, 3, 2, 1]) : random.weighted([3, 2], [3, 1]);
  const latest = kind === 'regular' ? 0 : kind === 'archived' ? 1 : Math.min(first, random.weighted([1, 2], [7, 3]));
  const quarters: number[] = [];
  for (let q = first; q >= latest; q -= 1) {
    // Not every account every quarter: a busy CSM skips one now and then.
    if (q === first || q === latest || random.chance(0.85)) quarters.push(q);
  }
  return quarters;
}

function notesFor(random: Random, profile: EngagementProfile): Partial<Record<ComponentSlug, string>> {
  const bySlant = [...COMPONENT_SLUGS].sort((a, b) => profile.componentBias[a] - profile.componentBias[b]);
  const weakest = bySlant[0] as ComponentSlug;
  const strongest = bySlant[bySlant.length - 1] as ComponentSlug;
  const notes: Partial<Record<ComponentSlug, string>> = {};
  if (random.chance(0.5)) notes[weakest] = WEAK_NOTES[weakest];
  if (random.chance(0.3)) notes[strongest] = STRONG_NOTES[strongest];
  return notes;
}

function stageFor(random: Random, kind: Kind, firstQuarter: number, renewalInDays: number, profile: EngagementProfile) {
  if (kind === 'never') return 'Onboarding' as const;
  if (renewalInDays <= 75) return 'Renewal' as const;
  if (firstQuarter <= 1) return random.pick(['Onboarding', 'Adoption'] as const);
  const expansion = profile.trajectory === 'improving' && profile.baseline > 2.8 ? 5 : 1.5;
  return random.weighted(['Adoption', 'Value realisation', 'Expansion'] as const, [3, 4, expansion]);
}

export function planDemoPortfolio(options: { now: Date; seed: number }): DemoPortfolioPlan {
  const { now } = options;
  const random = createRandom(options.seed);
  const segments = SEGMENTS.flatMap((segment) => new Array<SegmentDefinition>(SEGMENT_SIZES[segment.key]).fill(segment));
  const roles = assignRoles(random, segments);
  const takenNames = new Set<string>();
  let externalNumber = 0;

  const accounts = segments.map((segment, index): PlannedAccount => {
    const r = random.fork();
    const kind = roles.kind[index] as Kind;
    const profile = createEngagementProfile(r, DSCE_V1, segment, DEMO_QUARTERS);
    const quarters = assessedQuarters(r, kind);
    const assessments = quarters.map((quartersAgo): PlannedAssessment => {
      const submittedAt = submittedAtInQuarter(now, quartersAgo, r);
      return {
        createdAt: new Date(submittedAt.getTime() - r.int(1, 72) * 3_600_000),
        submittedAt,
        answers: generateAnswers(r, DSCE_V1, profile, DEMO_QUARTERS - 1 - quartersAgo),
        notes: notesFor(r, profile),
      };
    });
    const firstSubmitted = assessments[0]?.submittedAt;
    const lastSubmitted = assessments[assessments.length - 1]?.submittedAt;
    const createdAt = firstSubmitted ? daysBefore(firstSubmitted, r.int(14, 60)) : daysBefore(now, r.int(3, 40));
    const renewalInDays = roles.overdue.has(index) ? -r.int(3, 45) : r.int(7, 365);
    // A draft is started after the latest submission and before now.
    const draftFrom = Math.max(daysBefore(now, 20).getTime(), (lastSubmitted?.getTime() ?? 0) + DAY_MS / 2);
    const draftCreatedAt = new Date(r.between(draftFrom, now.getTime() - 3_600_000));
    externalNumber += r.int(1, 9);
    return {
      name: uniqueCompanyName(r, takenNames),
      externalId: `CRM-${String(externalNumber).padStart(5, '0')}`,
      segment,
      ownerCsm: r.weighted(CSM_INDEXES, OWNER_WEIGHTS[segment.key]),
      stage: stageFor(r, kind, quarters[0] ?? 0, renewalInDays, profile),
      arr: drawArr(r.next, segment),
      renewalDate: startOfUtcDay(daysAfter(now, renewalInDays)),
      // Archived after its last assessment, within the last quarter.
      archivedAt: kind === 'archived' && lastSubmitted ? daysBefore(now, r.int(10, 80)) : null,
      createdAt,
      trajectory: profile.trajectory,
      assessments,
      draft: roles.draft.has(index)
        ? {
            createdAt: draftCreatedAt,
            updatedAt: new Date(Math.min(now.getTime(), draftCreatedAt.getTime() + r.between(0.1, 2) * DAY_MS)),
            answers: partialAnswers(r, generateAnswers(r, DSCE_V1, profile, DEMO_QUARTERS - 1)),
          }
        : null,
    };
  });

  // Everything else happened after the organisation was set up.
  const earliest = Math.min(...accounts.map((account) => account.createdAt.getTime()));
  return { createdAt: daysBefore(new Date(earliest), 7), accounts };
}
