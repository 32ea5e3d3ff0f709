import { expect, test, type Page } from '@playwright/test';
import { allQuestionIds, DSCE_V1 } from '@/lib/framework';
import { demoCredentials } from './demo-credentials';
import { withOwnerDatabase } from './fixtures/owner-database';

/**
 * A CSM assesses one of their own accounts end to end, answering by keyboard alone: Tab to each question, arrow
 * keys / Space to choose a level. The live score moves as they answer, a reload mid-way loses nothing, and the
 * submitted score appears on the account page as a new history row and trend point.
 */

const questionIds = allQuestionIds(DSCE_V1);
/** Arrow presses from the first option: 0 = Space on level 0, 1–4 = that level, 5 = Unknown, 6 = N/A. */
const plan = questionIds.map((_, i) => [3, 1, 4, 2, 0, 3, 5, 2, 4, 1, 6][i % 11]!);

async function focusQuestion(page: Page, questionId: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    const name = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? '');
    if (name === questionId) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${questionId}`);
}

async function answerByKeyboard(page: Page, index: number): Promise<void> {
  const id = questionIds[index]!;
  await focusQuestion(page, id);
  const presses = plan[index]!;
  if (presses === 0) await page.keyboard.press('Space');
  for (let i = 0; i < presses; i++) await page.keyboard.press('ArrowRight');
  await expect(page.locator(`input[name="${id}"]:checked`)).toHaveCount(1);
}

test('a CSM completes an assessment by keyboard, reloads mid-way, submits and sees the new score', async ({ page }) => {
  test.setTimeout(180_000);
  const demo = demoCredentials();
  const target = await withOwnerDatabase(async (db) => {
    const { rows } = await db.query<{ email: string; account_id: string; name: string }>(
      `SELECT u.email, a.id::text AS account_id, a.name
         FROM account a
         JOIN organization o ON o.id = a.organization_id
         JOIN membership m ON m.organization_id = a.organization_id AND m.user_id = a.owner_user_id AND m.role = 'CSM'
         JOIN "user" u ON u.id = a.owner_user_id
        WHERE o.slug = $1 AND a.archived_at IS NULL
          AND EXISTS (SELECT 1 FROM assessment s WHERE s.organization_id = a.organization_id AND s.account_id = a.id AND s.status = 'SUBMITTED')
          AND NOT EXISTS (SELECT 1 FROM assessment d WHERE d.organization_id = a.organization_id AND d.account_id = a.id AND d.status = 'DRAFT')
        ORDER BY a.id DESC LIMIT 1`,
      [demo.organization.slug],
    );
    return rows[0]!;
  });
  const csm = demo.users.find((user) => user.email === target.email)!;

  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(csm.email);
  await page.getByLabel('Password').fill(csm.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/accounts$/);

  const accountUrl = `/o/${demo.organization.slug}/accounts/${target.account_id}`;
  await page.goto(accountUrl);
  await expect(page.getByRole('heading', { level: 1, name: target.name })).toBeVisible();
  const historyRows = await page.getByTestId('history-body').locator('tr').count();
  const trendPoints = await page.getByTestId('trend-table-body').locator('tr').count();
  expect(historyRows).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Start assessment' }).click();
  await expect(page).toHaveURL(/\/assessments\/[0-9a-f-]{36}$/);
  const liveScore = page.getByTestId('live-score');
  await expect(liveScore).toHaveText('0.0');

  const half = Math.floor(questionIds.length / 2);
  for (let i = 0; i < 3; i++) await answerByKeyboard(page, i);
  await expect(liveScore).not.toHaveText('0.0');
  const early = await liveScore.textContent();
  // A note, typed (Tab reaches the component's note after its questions).
  await focusQuestion(page, questionIds[3]!);
  for (let i = 3; i < 4; i++) await answerByKeyboard(page, i);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Notes and evidence — Customer intent')).toBeFocused();
  await page.keyboard.type('Sponsor confirmed the company-wide goal.');
  for (let i = 4; i < half; i++) await answerByKeyboard(page, i);
  await expect(liveScore).not.toHaveText(early!);

  // Reload at once, before the autosave pause: the unsent answers come back from this device and are sent.
  await page.reload();
  for (let i = 0; i < half; i++) await expect(page.locator(`input[name="${questionIds[i]}"]:checked`)).toHaveCount(1);
  await expect(page.getByLabel('Notes and evidence — Customer intent')).toHaveValue('Sponsor confirmed the company-wide goal.');
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 10_000 });

  const submit = page.getByRole('button', { name: 'Submit assessment' });
  await expect(submit).toBeDisabled();
  for (let i = half; i < questionIds.length; i++) await answerByKeyboard(page, i);
  await expect(submit).toBeEnabled();
  const finalScore = (await liveScore.textContent())!;

  // Keyboard to the submit button.
  for (let i = 0; i < 30 && !(await submit.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(submit).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(new RegExp(`${accountUrl}(\\?|$)`), { timeout: 15_000 });
  await expect(page.getByTestId('account-score')).toHaveText(finalScore);
  await expect(page.getByTestId('history-body').locator('tr')).toHaveCount(historyRows + 1);
  await expect(page.getByTestId('trend-table-body').locator('tr')).toHaveCount(trendPoints + 1);
  await expect(page.getByRole('button', { name: 'Start assessment' })).toBeVisible();
});
