import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { demoCredentials, demoUser } from './demo-credentials';
import { signUpThroughUi } from './fixtures/sign-up-user';

/**
 * Settings → Organisation data: the demo admin downloads the whole organisation as a zip (read here, not only
 * received), and the admin of a throwaway organisation (signed up by the test, so the demo organisation other
 * specs use stays) deletes it by typing its name.
 */

// Sign-in hashes a password and the export opens a snapshot: generous on a busy 2-core machine.
test.describe.configure({ timeout: 60_000 });

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/o\/[a-z0-9-]+\/accounts$/, { timeout: 20_000 });
}

test('an admin downloads the organisation as a zip with a manifest, JSON Lines and CSV per table', async ({ page }, testInfo) => {
  const admin = demoUser('ADMIN');
  const demo = demoCredentials().organization;
  await signIn(page, admin.email, admin.password);
  await page.goto(`/o/${demo.slug}/settings`);
  await page.getByRole('link', { name: 'Organisation data' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organisation data' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('organization-data.png'), fullPage: true });

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export data' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${demo.slug}-export-.*\\.zip$`));
  const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
  const names = Object.keys(files);
  expect(names[0]).toBe('manifest.json');
  for (const name of ['users.jsonl', 'users.csv', 'data/organization.jsonl', 'data/account.jsonl', 'csv/account.csv', 'data/assessment_result.jsonl']) {
    expect(names).toContain(name);
  }
  const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as { organization: { slug: string }; tables: { name: string; rows: number }[] };
  expect(manifest.organization.slug).toBe(demo.slug);
  const accounts = manifest.tables.find((table) => table.name === 'account')!;
  expect(accounts.rows).toBeGreaterThan(0);
  expect(strFromU8(files['data/account.jsonl']!).trim().split('\n')).toHaveLength(accounts.rows);
  expect(strFromU8(files['users.jsonl']!)).not.toMatch(/password|argon2/i);
});

test('an admin deletes a throwaway organisation by typing its exact name and lands on /o', async ({ page }) => {
  const user = await signUpThroughUi(page, 'doomed');
  await page.goto(`/o/${user.slug}/settings/organization`);
  const confirm = page.getByLabel(`Type ${user.organizationName} to confirm`);
  const remove = page.getByRole('button', { name: 'Delete this organisation' });
  await expect(remove).toBeDisabled();
  await confirm.fill(user.organizationName.toLowerCase());
  await expect(remove).toBeDisabled();
  await confirm.fill(user.organizationName);
  await expect(remove).toBeEnabled();
  await remove.click();

  await expect(page).toHaveURL(/\/o$/, { timeout: 15_000 });
  await expect(page.getByRole('heading', { level: 1, name: 'You are not in any organisation' })).toBeVisible();
  const gone = await page.request.get(`/o/${user.slug}/accounts`, { maxRedirects: 0 });
  expect(gone.status()).toBe(404);
});
