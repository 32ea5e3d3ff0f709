/**
 * `npx tsx scripts/bench/rescore.ts [--org-slug large-50000] [--previews 5] [--preview-only] [--pairs 1] [--warm-backends] [--checkpoint]`
 *
 * Benchmarks the scoring settings (issue 6) on a seed:large organisation, directly on the use cases inside the RLS
 * tenant transaction as the app role: the impact preview of a proposed configuration (N runs: p50 / max, plus the
 * read and the pure computation alone), then one save (a new version whose re-score rewrites every account's
 * latest result and latest-score row in one transaction) and one restore of the previous version. It changes the
 * organisation's configuration, so use a throwaway cluster:
 *
 *   DESIRED_STATE_DATA_DIR=/tmp/h1-bench EMBEDDED_POSTGRES_PORT=55710 npm run seed:large -- --accounts 50000 --assessments 10
 *   DESIRED_STATE_DATA_DIR=/tmp/h1-bench EMBEDDED_POSTGRES_PORT=55710 npx tsx scripts/bench/rescore.ts
 *
 * A benchmark prints figures; it asserts nothing (docs/benchmarks.md records the results).
 */
import { createPrismaClient } from '@/lib/db/create-prisma-client';
import { openDatabase } from '@/lib/db/open-database';
import { withTenant } from '@/lib/db/tenant';
import { parseEnv } from '@/lib/env';
import { COMPONENT_SLUGS } from '@/lib/framework';
import { loadScoringConfiguration } from '@/lib/scoring-config/load-scoring-configuration';
import { previewScoringImpact } from '@/lib/scoring-config/preview-scoring-impact';
import { readLatestScores } from '@/lib/scoring-config/read-latest-scores';
import { restoreScoringVersion } from '@/lib/scoring-config/restore-scoring-version';
import { configurationFromInput, saveScoringConfiguration } from '@/lib/scoring-config/save-scoring-configuration';
import type { ScoringConfigurationInput } from '@/lib/scoring-config/scoring-config-input';
import { computeScoringImpact } from '@/lib/scoring-config/scoring-impact';
import { arg } from './arg';

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const fmt = (value: number) => `${value.toFixed(0)} ms`;

async function main(): Promise<void> {
  const slug = arg('org-slug', 'large-50000');
  const previews = Number(arg('previews', '5'));
  const database = await openDatabase(parseEnv(process.env), { reuseRunning: true });
  const owner = createPrismaClient(database.ownerUrl, { max: 2 });
  const app = createPrismaClient(database.appUrl, { max: 4 });
  try {
    const org = await owner.organization.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    const admin = await owner.membership.findFirstOrThrow({ where: { organizationId: org.id, role: 'ADMIN' }, select: { userId: true } });
    const actor = { organizationId: org.id, userId: admin.userId };
    const current = await withTenant(app, actor, (tx) => loadScoringConfiguration(tx, org.id));
    console.log(`[bench:rescore] ${slug}: version ${current.version}, ${current.segments.length} segments`);

    // A proposal that moves most scores: double the first component's weight, lower one default target.
    const proposal: ScoringConfigurationInput = {
      weights: Object.fromEntries(
        COMPONENT_SLUGS.map((s, i) => [s, (current.configuration.weights[s] ?? 1) * (i === 0 ? 2 : 1)]),
      ) as ScoringConfigurationInput['weights'],
      defaultTargets: Object.fromEntries(
        COMPONENT_SLUGS.map((s, i) => [s, i === 1 ? 80 : (current.configuration.targets.defaults[s] ?? 100)]),
      ) as ScoringConfigurationInput['defaultTargets'],
      segmentTargets: Object.fromEntries(
        current.segments.filter((s) => !s.retired).map((s) => [s.id, current.configuration.targets.segments[s.id] ?? {}]),
      ) as ScoringConfigurationInput['segmentTargets'],
      thresholds: current.configuration.thresholds,
    };

    const times: number[] = [];
    let accounts = 0;
    for (let i = 0; i < previews; i += 1) {
      const start = process.hrtime.bigint();
      const preview = await previewScoringImpact(app, actor, proposal);
      times.push(ms(start));
      accounts = preview.accounts;
      if (i === 0) console.log(`[bench:rescore] preview: ${preview.accounts} accounts, ${preview.bandChanges} change band`);
    }
    times.sort((a, b) => a - b);
    console.log(`[bench:rescore] preview (whole use case, ${previews} runs): p50 ${fmt(times[Math.floor(times.length / 2)]!)}, max ${fmt(times.at(-1)!)}`);

    let readTime = 0;
    let computeTime = 0;
    await withTenant(app, actor, async (tx) => {
      const readStart = process.hrtime.bigint();
      const latest = await readLatestScores(tx, org.id);
      readTime = ms(readStart);
      const computeStart = process.hrtime.bigint();
      computeScoringImpact(latest, configurationFromInput(proposal, current.segments, current.configuration.targets));
      computeTime = ms(computeStart);
    });
    console.log(`[bench:rescore] preview parts: read ${fmt(readTime)}, scoreFromCurrents × ${accounts} + summary ${fmt(computeTime)}`);

    if (process.argv.includes('--preview-only')) return;
    // What the transaction spends around the re-score (before: permission, lock, version rows; after: audit
    // event and COMMIT, whose WAL flush includes the full-page images of every page first touched since the
    // last checkpoint).
    let rescoreEnded = 0n;
    let rescoreTime = 0;
    const phases = (t: Record<string, number>) => {
      rescoreEnded = process.hrtime.bigint();
      rescoreTime = Object.values(t).reduce((sum, value) => sum + value, 0);
      console.log(`[bench:rescore]   phases: ${Object.entries(t).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}`);
    };
    const around = (start: bigint) =>
      `before the re-score ${fmt(ms(start) - ms(rescoreEnded) - rescoreTime)}, after it (audit, commit) ${fmt(ms(rescoreEnded))}`;
    // --pairs N: N save + restore pairs in this one process (the first pair also pays for Node's JIT warming up).
    if (process.argv.includes('--warm-backends')) {
      // Touch the result pages from every pool connection first (see docs/benchmarks.md: a fresh backend
      // page-faults each shared buffer on its first touch).
      await Promise.all([0, 1, 2, 3].map(() => withTenant(app, actor, (tx) => tx.$queryRaw`SELECT count(*)::int FROM assessment_result r WHERE r.organization_id = ${org.id}::uuid AND r.output IS NOT NULL`)));
    }
    if (process.argv.includes('--checkpoint')) {
      // A configuration save is rare, so in production it is nearly always the first write to its pages since
      // the last checkpoint, and writes each of them whole into the WAL: this makes the first save here pay that.
      await owner.$executeRawUnsafe('CHECKPOINT');
    }
    let basedOnVersion = current.version;
    for (let pair = 0; pair < Number(arg('pairs', '1')); pair += 1) {
      const saveStart = process.hrtime.bigint();
      const saved = await saveScoringConfiguration(app, actor, { ...proposal, basedOnVersion, reason: 'bench' }, { onTimings: phases });
      console.log(`[bench:rescore] save + re-score of ${saved.rescored} latest results (one transaction): ${fmt(ms(saveStart))}`);
      console.log(`[bench:rescore]   ${around(saveStart)}`);

      const restoreStart = process.hrtime.bigint();
      const restored = await restoreScoringVersion(app, actor, { version: current.version, basedOnVersion: saved.version }, { onTimings: phases });
      console.log(`[bench:rescore] restore version ${current.version} + re-score of ${restored.rescored}: ${fmt(ms(restoreStart))}`);
      console.log(`[bench:rescore]   ${around(restoreStart)}`);
      basedOnVersion = restored.version;
    }
  } finally {
    await owner.$disconnect();
    await app.$disconnect();
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error('[bench:rescore] failed:', error);
  process.exit(1);
});
