import { expect, test } from '@playwright/test';
import { signUpThroughUi } from './fixtures/sign-up-user';

test('a visitor creates an organisation from the landing page and lands in its shell as Admin', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Create an organisation' }).first().click();
  await expect(page).toHaveURL(/\/sign-up$/);

  const user = await signUpThroughUi(page, 'signup');
  expect(user.slug).toBe(user.organizationName.toLowerCase().replaceAll(' ', '-'));
  await expect(page.getByText(user.organizationName).first()).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const item of ['Accounts', 'Portfolio', 'Settings']) await expect(nav.getByRole('link', { name: item })).toBeVisible();
  await page.locator('summary', { hasText: 'account menu' }).click();
  await expect(page.getByText('Role:')).toContainText('Admin');

  // Signed in: sign-up and sign-in send the user on to their organisation.
  await page.goto('/sign-up');
  await expect(page).toHaveURL(new RegExp(`/o/${user.slug}/accounts$`));
});

test('sign-up explains what is wrong: a taken email, a common password', async ({ browser }) => {
  const first = await browser.newPage();
  const user = await signUpThroughUi(first, 'taken');
  await first.close();

  const page = await browser.newPage();
  await page.goto('/sign-up');
  await page.getByLabel('Your name').fill('Someone Else');
  await page.getByLabel('Email').fill(user.email.toUpperCase());
  await page.getByLabel('Password').fill('password1234');
  await page.getByLabel('Organisation name').fill('Another Org');
  await page.getByRole('button', { name: 'Create organisation' }).click();
  await expect(page.getByText(/too common/)).toBeVisible();

  await page.getByLabel('Password').fill('a different long passphrase');
  await page.getByRole('button', { name: 'Create organisation' }).click();
  await expect(page.getByText('An account with this email exists — sign in instead.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to sign-in' })).toHaveAttribute('href', '/sign-in');
  await expect(page).toHaveURL(/\/sign-up$/);
  await page.close();
});

test('sign-in links to sign-up', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Create an organisation' }).click();
  await expect(page).toHaveURL(/\/sign-up$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Create an organisation' })).toBeVisible();
});
