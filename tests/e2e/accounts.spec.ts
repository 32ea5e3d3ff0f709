import { expect, test, type Page } from '@playwright/test';
import { demoCredentials, demoUser } from './demo-credentials';
import { withOwnerDatabase } from './fixtures/owner-database';

/** The accounts list as the demo ADMIN uses it: filter, sort, export, and a CSV import that must write nothing. */

// Generous: the shared 2-core machines run several builds at once.
test.describe.configure({ timeout: 90_000 });

async function signInAsAdmin(page: Page): Promise<string> {
  const admin = demoUser('ADMIN');
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/accounts$/, { timeout: 30_000 });
  return `/o/${demoCredentials().organization.slug}/accounts`;
}

const accountsTable = (page: Page) => page.getByRole('table', { name: /Accounts with their latest DSCE score/ });
const column = async (page: Page, index: number) =>
  (await accountsTable(page).locator('tbody tr').all()).map((row) => row.locator('th, td').nth(index));

test('the admin filters and sorts the account list, and the URL keeps the state', async ({ page }) => {
  const base = await signInAsAdmin(page);
  await page.goto(base);
  await expect(accountsTable(page)).toBeVisible();

  await page.getByLabel('Segment').selectOption({ label: 'Enterprise' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/segment=/);
  const segments = await Promise.all((await column(page, 1)).map((cell) => cell.textContent()));
  expect(segments.length).toBeGreaterThan(0);
  expect(new Set(segments)).toEqual(new Set(['Enterprise']));

  await accountsTable(page).getByRole('link', { name: /^Score/ }).click();
  await expect(page).toHaveURL(/sort=score/);
  await expect(accountsTable(page).getByRole('columnheader', { name: /Score/ })).toHaveAttribute('aria-sort', 'ascending');
  const scores = (await Promise.all((await column(page, 6)).map((cell) => cell.textContent())))
    .filter((text) => text !== '—')
    .map(Number);
  expect(scores.length).toBeGreaterThan(1);
  expect(scores).toEqual([...scores].sort((a, b) => a - b));

  await accountsTable(page).getByRole('link', { name: /^Score/ }).click();
  await expect(page).toHaveURL(/sort=score&dir=desc|dir=desc.*sort=score/);
  await expect(accountsTable(page).getByRole('columnheader', { name: /Score/ })).toHaveAttribute('aria-sort', 'descending');

  // A hand-edited URL with nonsense falls back to defaults instead of failing.
  const response = await page.goto(`${base}?sort=bogus&page=-1&band=purple&segment=x`);
  expect(response?.status()).toBe(200);
  await expect(accountsTable(page)).toBeVisible();
});

test('the admin exports the filtered list as CSV', async ({ page }) => {
  const base = await signInAsAdmin(page);
  await page.goto(`${base}?band=critical&sort=score`);
  const shown = await accountsTable(page).locator('tbody tr').count();
  const summary = await page.getByText(/Showing .* of [\d,]+/).textContent();
  const total = Number(/of ([\d,]+)/.exec(summary ?? '')![1]!.replace(/,/g, ''));
  // The link the user clicks; fetched with the page's session (a browser download adds nothing to check).
  const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
  expect(href).toMatch(/\/api\/o\/.+\/accounts\/export\?band=critical&sort=score$/);
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/csv');
  expect(response.headers()['content-disposition']).toMatch(/attachment; filename=".+-accounts-\d{4}-\d{2}-\d{2}\.csv"/);
  const text = await response.text();
  const lines = text.trimEnd().split('\r\n');
  expect(lines[0]).toBe('name,external id,segment,owner name,owner email,stage,ARR,renewal date,score,gap,band,last assessed,stale');
  expect(lines.length - 1).toBe(total);
  expect(total).toBeGreaterThanOrEqual(shown);
  for (const line of lines.slice(1)) expect(line).toContain(',critical,');
});

test('a CSV import with one bad row shows the row error and writes nothing', async ({ page }) => {
  const base = await signInAsAdmin(page);
  const csm = demoUser('CSM');
  const count = () =>
    withOwnerDatabase(async (db) => {
      const { rows } = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM account a JOIN organization o ON o.id = a.organization_id WHERE o.slug = $1',
        [demoCredentials().organization.slug],
      );
      return rows[0]!.n;
    });
  const before = await count();
  await page.goto(`${base}/import`);
  const csv = [
    'name,external id,segment,owner email,ARR,renewal date,stage',
    `E2E Good Import,E2E-1,Enterprise,${csm.email},125000,2027-03-31,Onboarding`,
    'E2E Bad Import,E2E-2,Galactic,,not-money,2027-02-30,Onboarding',
  ].join('\n');
  await page.getByLabel('CSV file').setInputFiles({ name: 'accounts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByText(/Line 3: Unknown segment "Galactic"/)).toBeVisible();
  await expect(page.getByText(/Line 3: ARR "not-money" is not an amount/)).toBeVisible();
  await expect(page.getByText(/Line 3: Renewal date "2027-02-30" is not a date/)).toBeVisible();
  await expect(page.getByText(/2 rows: 2 to create, 0 to update; 1 with errors/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Fix the errors to import' })).toBeDisabled();
  expect(await count()).toBe(before);

  // The same file fixed imports both rows.
  const fixed = csv.replace('Galactic,,not-money,2027-02-30', 'Mid-market,,90000,2027-02-28');
  await page.getByLabel('CSV file').setInputFiles({ name: 'fixed.csv', mimeType: 'text/csv', buffer: Buffer.from(fixed) });
  await page.getByRole('button', { name: 'Import 2 accounts' }).click();
  await expect(page.getByText('Imported 2 rows: 2 created, 0 updated, 0 unchanged.')).toBeVisible();
  expect(await count()).toBe(before + 2);
});
