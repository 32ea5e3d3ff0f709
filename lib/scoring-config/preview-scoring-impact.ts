import type { PrismaClient } from '@/lib/db/create-prisma-client';
import { withTenant } from '@/lib/db/tenant';
import { requireActorPermission, type OrganizationActor } from '@/lib/tenancy/require-actor-permission';
import { loadScoringConfiguration } from './load-scoring-configuration';
import { readLatestScores } from './read-latest-scores';
import { configurationFromInput } from './save-scoring-configuration';
import type { ScoringConfigurationInput } from './scoring-config-input';
import { computeScoringImpact, type ImpactAccount, type ScoringImpact } from './scoring-impact';

export interface ScoringImpactPreview extends Omit<ScoringImpact, 'bandChangers' | 'moversUp' | 'moversDown'> {
  bandChangers: NamedImpactAccount[];
  moversUp: NamedImpactAccount[];
  moversDown: NamedImpactAccount[];
}
export type NamedImpactAccount = ImpactAccount & { name: string };

/**
 * The impact of a proposed configuration on the latest score of every active account — the portfolio's accounts
 * (admins; read-only). The same input
 * rules as a save apply, and the same scoring function: what the preview shows is what a save would store.
 */
export async function previewScoringImpact(
  prisma: PrismaClient,
  actor: OrganizationActor,
  input: ScoringConfigurationInput,
): Promise<ScoringImpactPreview> {
  return withTenant(prisma, { organizationId: actor.organizationId, userId: actor.userId }, async (tx) => {
    await requireActorPermission(tx, actor, 'settings.read');
    const current = await loadScoringConfiguration(tx, actor.organizationId);
    const configuration = configurationFromInput(input, current.segments, current.configuration.targets);
    const impact = computeScoringImpact(await readLatestScores(tx, actor.organizationId, { activeOnly: true }), configuration);
    const listed = [...impact.bandChangers, ...impact.moversUp, ...impact.moversDown];
    const accounts = await tx.account.findMany({
      where: { organizationId: actor.organizationId, id: { in: [...new Set(listed.map((a) => a.accountId))] } },
      select: { id: true, name: true },
    });
    const names = new Map(accounts.map((a) => [a.id, a.name]));
    const named = (list: ImpactAccount[]) => list.map((a) => ({ ...a, name: names.get(a.accountId) ?? 'Account' }));
    return {
      ...impact,
      bandChangers: named(impact.bandChangers),
      moversUp: named(impact.moversUp),
      moversDown: named(impact.moversDown),
    };
  }, { timeout: PREVIEW_TRANSACTION_TIMEOUT_MS });
}

/** Well under a second on a quiet machine for 50,000 accounts; the margin is for a busy one. */
const PREVIEW_TRANSACTION_TIMEOUT_MS = 30_000;
