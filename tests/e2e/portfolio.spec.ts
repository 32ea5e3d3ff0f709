import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { demoCredentials, demoUser } from './demo-credentials';

/** A CS leader reads the portfolio, filters it, follows a heatmap cell to its accounts and exports CSV. */

async function signIn(page: Page, role: 'LEADER' | 'CSM') {
  const user = demoUser(role);
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

test('a leader reads the overview, filters by segment, drills into a heatmap cell and exports CSV', async ({ page }) => {
  test.setTimeout(90_000); // many page loads on a busy 2-core machine
  const slug = demoCredentials().organization.slug;
  await signIn(page, 'LEADER');

  await page.goto(`/o/${slug}/portfolio`);
  await expect(page.getByRole('heading', { level: 1, name: 'Portfolio' })).toBeVisible();
  await expect(page.getByText('Portfolio score (mean)')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Portfolio levers' })).toBeVisible();
  // The accessible alternative of a chart: a table inside <details>.
  const bandTable = page.locator('details').filter({ hasText: 'Critical' }).first();
  await bandTable.locator('summary').click();
  await expect(bandTable.getByRole('link', { name: 'Critical' })).toBeVisible();

  // Filter by segment: the URL carries it (a shareable link).
  const segment = page.getByLabel('Segment');
  const segmentId = await segment.locator('option').nth(1).getAttribute('value');
  await segment.selectOption(segmentId!);
  await expect(page).toHaveURL(new RegExp(`segment=${segmentId}`));
  await expect(page.getByText('Portfolio score (mean)')).toBeVisible();

  // Heatmap keeps the filter; rows by CSM; a cell leads to the accounts behind it.
  await page.getByRole('navigation', { name: 'Portfolio views' }).getByRole('link', { name: 'Heatmap' }).click();
  await expect(page).toHaveURL(new RegExp(`/portfolio/heatmap\\?segment=${segmentId}`));
  await page.getByRole('navigation', { name: 'Heatmap rows' }).getByRole('link', { name: 'CSM' }).click();
  await expect(page).toHaveURL(/by=owner/);
  const cell = page.getByRole('link', { name: /Successful product adoption: mean/ }).first();
  const cellLabel = (await cell.getAttribute('aria-label'))!;
  const accountsInCell = Number(/\((\d+) accounts\)/.exec(cellLabel)![1]);
  await cell.click();
  await expect(page).toHaveURL(/\/portfolio\/accounts\?.*component=adoption/);
  await expect(page).toHaveURL(new RegExp(`segment=${segmentId}`));
  await expect(page.getByRole('heading', { name: /Accounts behind/ })).toBeVisible();
  expect(await page.locator('tbody tr').count()).toBeGreaterThanOrEqual(accountsInCell);

  // CSV export of the drill-down list.
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('link', { name: /as CSV/ }).first().click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/portfolio-accounts-.*\.csv$/);
  const text = await readFile((await download.path())!, 'utf8');
  expect(text.split('\r\n')[0]).toBe('account,owner,segment,stage,arr,renewal_date,score,band,submitted_at,stale,adoption_current,adoption_target');
  expect(text.split('\r\n').filter(Boolean).length).toBeGreaterThan(1);
});

test('the team view and its CSV', async ({ page }) => {
  const slug = demoCredentials().organization.slug;
  await signIn(page, 'LEADER');
  await page.goto(`/o/${slug}/portfolio/team`);
  await expect(page.getByRole('heading', { name: 'Books by CSM' })).toBeVisible();
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export Books by CSM as CSV' }).click();
  const text = await readFile((await (await downloadPromise).path())!, 'utf8');
  expect(text.split('\r\n')[0]).toMatch(/^csm,accounts,assessed,never_assessed,stale,arr,/);
});

test('a CSM sees only their own book: no CSM filter, one row in the team view', async ({ page }) => {
  const slug = demoCredentials().organization.slug;
  await signIn(page, 'CSM');
  await page.goto(`/o/${slug}/portfolio/team`);
  await expect(page.getByRole('search').getByLabel('CSM', { exact: true })).toHaveCount(0);
  await expect(page.locator('tbody tr')).toHaveCount(1);
  await expect(page.locator('tbody tr').first()).toContainText(demoUser('CSM').name);
});
