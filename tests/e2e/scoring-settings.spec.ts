import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { REBUILD_ACCOUNT_SCORES_SQL } from '@/lib/db/account-score-sql';
import { DSCE_V1 } from '@/lib/framework';
import { scoreAssessment } from '@/lib/scoring';
import { withOwnerDatabase } from './fixtures/owner-database';
import { signUpThroughUi } from './fixtures/sign-up-user';

/**
 * An admin of an organisation of the test's own (so no other spec's scores move) changes a weight, reads the
 * impact preview, saves with a reason; the portfolio and the account page show the new score, and the audit log
 * the change with before/after.
 *
 * The account's answers: every Customer intent question at level 4 (C = 100), every other question at level 2
 * (C = 50). With all weights 1: S = (100 + 7·50) / 800 = 56.25 (at risk). With Customer intent weighted 5:
 * S = (500 + 350) / 1200 = 70.83… (engaged).
 */
test('an admin changes a weight, reads the preview, saves with a reason, and sees the new scores and the audit entry', async ({ page }) => {
  test.setTimeout(120_000); // several page loads and a re-score on a busy 2-core machine
  const admin = await signUpThroughUi(page, 'scoring');
  const accountName = `Weighted Co ${randomUUID().slice(0, 6)}`;
  const accountId = await seedScoredAccount(admin.slug, admin.email, accountName);

  await page.goto(`/o/${admin.slug}/settings`);
  await page.getByRole('link', { name: 'Scoring' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Scoring' })).toBeVisible();

  const preview = page.getByRole('heading', { name: 'Impact preview' }).locator('xpath=../../..');
  await expect(preview.getByTestId('preview-mean')).toHaveText('56.3 → 56.3');

  await page.getByLabel('Weight of Customer intent').fill('5');
  await expect(preview.getByTestId('preview-mean')).toHaveText('56.3 → 70.8');
  await expect(preview.getByTestId('preview-band-changes')).toHaveText('1 of 1');
  await expect(preview.getByRole('table', { name: /Largest rises/ }).getByRole('row', { name: new RegExp(accountName) })).toContainText('+14.6');
  await expect(preview.getByRole('table', { name: 'Accounts per band' }).getByRole('row', { name: /Engaged/ })).toContainText('+1');

  // A bad value is named and blocks the preview; nothing is saved.
  await page.getByLabel('Weight of Customer education').fill('-1');
  await expect(page.getByText('The weight of Customer education cannot be negative.')).toBeVisible();
  await expect(page.getByText('Fix the highlighted settings to see their impact.')).toBeVisible();
  await page.getByLabel('Weight of Customer education').fill('1');

  await page.getByRole('button', { name: 'Save and re-score' }).click();
  await expect(page.getByText('Give a reason for this change.')).toBeVisible();
  await page.getByLabel('Reason for the change (required)').fill('Intent is what renewals hinge on');
  await page.getByRole('button', { name: 'Save and re-score' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved as version 2; 1 accounts re-scored.' })).toBeVisible({ timeout: 30_000 });

  await page.goto(`/o/${admin.slug}/portfolio`);
  await expect(page.getByText('70.8').first()).toBeVisible();
  await page.goto(`/o/${admin.slug}/accounts/${accountId}`);
  await expect(page.getByText('70.8').first()).toBeVisible();
  await expect(page.getByText('56.3')).toHaveCount(0);

  await page.goto(`/o/${admin.slug}/settings/audit`);
  const entry = page.getByRole('row').filter({ hasText: 'Scoring settings saved' });
  await expect(entry).toContainText(/Weight: Customer intent: 1\D{0,20}5/);
  await expect(entry).toContainText('Intent is what renewals hinge on');

  await page.goto(`/o/${admin.slug}/settings/scoring/history`);
  const version2 = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Version 2 (current)' }) });
  await expect(version2.getByRole('row', { name: /Weight: Customer intent/ })).toContainText('1');
  await expect(version2.getByRole('row', { name: /Weight: Customer intent/ })).toContainText('5');
  await page.screenshot({ path: 'test-results/scoring-history.png', fullPage: true });
  await page.goto(`/o/${admin.slug}/settings/scoring`);
  await page.getByLabel('Weight of Customer intent').fill('3');
  await expect(page.getByTestId('preview-mean')).not.toHaveText(/Updating/);
  await page.screenshot({ path: 'test-results/scoring-settings.png', fullPage: true });
});

/** One account of the new organisation with one submitted assessment scored with the default configuration. */
async function seedScoredAccount(slug: string, adminEmail: string, name: string): Promise<string> {
  const answers = Object.fromEntries(
    DSCE_V1.components.flatMap((c) => c.questions.map((q) => [q.id, c.slug === 'intent' ? 4 : 2] as const)),
  );
  const result = scoreAssessment({ framework: DSCE_V1, answers });
  const accountId = randomUUID();
  const assessmentId = randomUUID();
  await withOwnerDatabase(async (db) => {
    const { rows } = await db.query<{ organization_id: string; user_id: string }>(
      `SELECT m.organization_id, m.user_id FROM membership m JOIN organization o ON o.id = m.organization_id
         JOIN "user" u ON u.id = m.user_id WHERE o.slug = $1 AND u.email = $2`,
      [slug, adminEmail],
    );
    const { organization_id: org, user_id: userId } = rows[0]!;
    const submittedAt = new Date(Date.now() - 86_400_000);
    await db.query('INSERT INTO account (organization_id, id, name, owner_user_id) VALUES ($1, $2, $3, $4)', [org, accountId, name, userId]);
    await db.query(
      `INSERT INTO assessment (organization_id, id, account_id, author_user_id, status, framework_version, answers, submitted_at)
       VALUES ($1, $2, $3, $4, 'SUBMITTED', $5, $6, $7)`,
      [org, assessmentId, accountId, userId, DSCE_V1.version, JSON.stringify(answers), submittedAt],
    );
    await db.query(
      `INSERT INTO assessment_result (organization_id, assessment_id, account_id, weight_config_version, targets, score, gap,
         confidence, band, output, submitted_at) VALUES ($1, $2, $3, 1, '{}', $4, $5, $6, $7, $8, $9)`,
      [org, assessmentId, accountId, result.score, result.gap, result.confidence, result.band, JSON.stringify(result), submittedAt],
    );
    await db.query(REBUILD_ACCOUNT_SCORES_SQL, [org]);
  });
  return accountId;
}
