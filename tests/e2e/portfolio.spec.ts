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
  // A mover (the demo book has a year of reassessments) links to its account's page.
  const moversCard = page.locator('div').filter({ has: page.getByRole('heading', { name: 'Biggest movers' }) }).filter({ has: page.locator('tbody') }).last();
  const mover = moversCard.locator('tbody a').first();
  await expect(mover).toHaveAttribute('href', new RegExp(`^/o/${slug}/accounts/[0-9a-f-]{36}$`));
  // The stale count lists its accounts (the demo book has stale assessments).
  const staleCount = Number((await page.locator('dt', { hasText: 'Stale assessments' }).locator('xpath=following-sibling::dd[1]').textContent())!.replace(/,/g, ''));
  await page.getByRole('link', { name: 'List the accounts: stale assessments' }).click();
  await expect(page.getByRole('heading', { name: 'Accounts with a stale assessment' })).toBeVisible();
  await expect(page.getByText(new RegExp(`^${staleCount.toLocaleString('en')} accounts?;`))).toBeVisible();
  await page.goBack();

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
  // Each row leads to that account's own page (names need not be unique).
  const firstAccount = page.locator('tbody tr th a').first();
  const accountHref = (await firstAccount.getAttribute('href'))!;
  expect(accountHref).toMatch(new RegExp(`^/o/${slug}/accounts/[0-9a-f-]{36}$`));
  const accountName = (await firstAccount.textContent())!;
  await firstAccount.click();
  await expect(page).toHaveURL(new RegExp(`${accountHref}$`));
  await expect(page.getByRole('heading', { level: 1, name: accountName })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { name: /Accounts behind/ })).toBeVisible();

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
  // A CSM's band count leads to the drill-down of that CSM's accounts in that band.
  const row = page.locator('tbody tr').first();
  const csm = (await row.locator('th').textContent())!;
  const bandLink = row.getByRole('link').nth(1);
  const count = Number(await bandLink.textContent());
  await bandLink.click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/portfolio/accounts\\?owner=[^&]+&band=\\w+`));
  await expect(page.getByRole('heading', { name: /Accounts behind/ })).toBeVisible();
  const owner = new URL(page.url()).searchParams.get('owner')!;
  const csmFilter = page.getByRole('search').getByRole('combobox', { name: 'CSM', exact: true });
  await expect(csmFilter).toHaveValue(owner);
  await expect(csmFilter.locator(`option[value="${owner}"]`)).toHaveText(csm);
  expect(await page.locator('tbody tr').count()).toBeGreaterThanOrEqual(Math.min(count, 1));
});

test('the heatmap by account comes a page at a time; the pager keeps filters and sort, the CSV has every account', async ({ page }) => {
  test.setTimeout(90_000);
  const slug = demoCredentials().organization.slug;
  await signIn(page, 'LEADER');
  await page.goto(`/o/${slug}/portfolio/heatmap?by=account&sort=label&dir=asc`);
  await expect(page.getByRole('heading', { name: 'Components by account' })).toBeVisible();
  const pager = page.getByRole('navigation', { name: 'Heatmap pages' });
  const summary = (await pager.getByText(/^Showing /).textContent())!;
  const [, total, pages] = /^Showing 1–50 of (\d+) accounts · page 1 of (\d+)$/.exec(summary.replace(/\s+/g, ' ').trim())!;
  expect(Number(total)).toBeGreaterThan(50); // the demo book has a second page
  expect(Number(pages)).toBe(Math.ceil(Number(total) / 50));
  const rows = page.locator('tbody.heatmap-rows tr');
  await expect(rows).toHaveCount(50);
  const firstPage = await rows.locator('th').allTextContents();
  expect(firstPage).toEqual([...firstPage].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  await expect(pager.getByText('Previous', { exact: true })).toHaveAttribute('aria-disabled', 'true');

  // Next: page 2, same grouping and sort, the rows after page 1's.
  await pager.getByRole('link', { name: 'Next' }).click();
  await expect(page).toHaveURL(/by=account/);
  await expect(page).toHaveURL(/sort=label/);
  await expect(page).toHaveURL(/page=2/);
  await expect(pager.getByText(/^Showing 51–/)).toBeVisible();
  await expect(rows).toHaveCount(Math.min(50, Number(total) - 50));
  const secondPage = await rows.locator('th').allTextContents();
  expect(secondPage[0]! >= firstPage[firstPage.length - 1]!).toBe(true);
  expect(secondPage.some((name) => firstPage.includes(name))).toBe(false);

  // A cell of an account row leads to that account in the accounts list; every cell is a labelled link.
  const cell = rows.first().getByRole('link', { name: /Successful product adoption: mean/ });
  await expect(cell).toHaveAttribute('aria-label', new RegExp(`^${secondPage[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, `));
  await expect(rows.first().getByRole('link')).toHaveCount(1 + 8);
  const target = new URL((await cell.getAttribute('href'))!, page.url());
  expect(target.pathname).toBe(`/o/${slug}/accounts`);
  expect(target.searchParams.get('q')).toBe(secondPage[0]);

  // A filter keeps the grouping and sort and starts again at page 1.
  await page.getByLabel('Band').selectOption('critical');
  await expect(page).toHaveURL(/band=critical/);
  await expect(page).not.toHaveURL(/page=/);
  await expect(page).toHaveURL(/by=account/);
  await expect(page).toHaveURL(/sort=label/);
  await expect(pager.getByText(/^Showing 1–/)).toBeVisible();
  // The pager keeps the filter.
  await page.goBack();
  await expect(page).toHaveURL(/page=2/);
  // The pager keeps a filter (every demo account has an ARR, so `arrMin=0` keeps them all and page 2 exists).
  await page.goto(`/o/${slug}/portfolio/heatmap?by=account&sort=label&dir=asc&arrMin=0`);
  await pager.getByRole('link', { name: 'Next' }).click();
  await expect(page).toHaveURL(/arrMin=0/);
  await expect(page).toHaveURL(/page=2/);
  await expect(page).toHaveURL(/sort=label/);
  await expect(pager.getByText(/^Showing 51–/)).toBeVisible();
  await expect(page.getByLabel('ARR from')).toHaveValue('0');

  // Sorting starts at page 1 too.
  await page.goto(`/o/${slug}/portfolio/heatmap?by=account&sort=label&dir=asc&page=2`);
  await page.getByRole('columnheader', { name: 'Score' }).getByRole('link').click();
  await expect(page).toHaveURL(/sort=score/);
  await expect(page).not.toHaveURL(/page=/);

  // The CSV has every account of the view, not just the page.
  await page.goto(`/o/${slug}/portfolio/heatmap?by=account&sort=label&dir=asc&page=2`);
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export Components by account as CSV' }).click();
  const text = await readFile((await (await downloadPromise).path())!, 'utf8');
  const lines = text.split('\r\n').filter(Boolean);
  expect(lines[0]).toMatch(/^account,accounts,assessed,mean_score,/);
  expect(lines).toHaveLength(1 + Number(total));
});

test('a CSM sees only their own book: no CSM filter, one row in the team view', async ({ page }) => {
  const slug = demoCredentials().organization.slug;
  await signIn(page, 'CSM');
  await page.goto(`/o/${slug}/portfolio/team`);
  await expect(page.getByRole('search').getByLabel('CSM', { exact: true })).toHaveCount(0);
  await expect(page.locator('tbody tr')).toHaveCount(1);
  await expect(page.locator('tbody tr').first()).toContainText(demoUser('CSM').name);
});
