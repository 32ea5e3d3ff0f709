import { expect, test, type Page } from '@playwright/test';
import { signUpThroughUi } from './fixtures/sign-up-user';

/**
 * The e2e server runs with a short lockout window (AUTH_LOCKOUT_MINUTES in playwright.config.ts) and the default
 * threshold of 5. The user is one of this test's own, created by sign-up: demo users sign in in parallel specs.
 */
const THRESHOLD = 5;
const GENERIC = 'That email and password do not match an account.';

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('repeated wrong passwords lock the account, even the right password fails, and the lock lifts', async ({ browser }) => {
  test.setTimeout(90_000);
  const signUpPage = await browser.newPage();
  const user = await signUpThroughUi(signUpPage, 'lockout');
  await signUpPage.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  for (let attempt = 1; attempt <= THRESHOLD; attempt++) {
    await signIn(page, user.email, `wrong password ${attempt}`);
    await expect(page.getByRole('alert').filter({ hasText: GENERIC })).toBeVisible();
  }

  // Locked: the right password gets exactly the same answer as a wrong one.
  await signIn(page, user.email, user.password);
  await expect(page.getByRole('alert').filter({ hasText: GENERIC })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByText('Too many attempts? Wait a few minutes and try again.')).toBeVisible();
  const lockedAt = Date.now();

  // The lock lifts after the window (attempts while locked do not count, so retrying is harmless).
  await expect(async () => {
    await signIn(page, user.email, user.password);
    await expect(page).toHaveURL(new RegExp(`/o/${user.slug}/accounts$`), { timeout: 3_000 });
  }).toPass({ timeout: 60_000, intervals: [2_000] });
  expect(Date.now() - lockedAt).toBeGreaterThan(1_000);
  await context.close();
});
