import { expect, test } from '@playwright/test';
import { demoCredentials, demoUser } from './demo-credentials';

test('the landing page explains the product to a signed-out visitor', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/Desired State/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  for (const component of ['Customer intent', 'Relationships', 'Customer education']) {
    await expect(page.getByText(component, { exact: false }).first()).toBeVisible();
  }
  await expect(page.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();
});

test('GET /api/health reports the database up', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toContain('no-store');
  expect(await response.json()).toEqual({ db: 'up' });
});

test('a demo user signs in with the printed credentials and sees the app shell', async ({ page }) => {
  const admin = demoUser('ADMIN');
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${demoCredentials().organization.slug}/accounts$`));
  await expect(page.getByText(demoCredentials().organization.name).first()).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const item of ['Accounts', 'Portfolio', 'Settings']) {
    await expect(nav.getByRole('link', { name: item })).toBeVisible();
  }
});

test('a wrong password gets one generic message', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(demoUser('CSM').email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('That email and password do not match an account.')).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test('signed-out visitors are sent to sign-in, and unknown organisations are 404', async ({ page }) => {
  await page.goto(`/o/${demoCredentials().organization.slug}/accounts`);
  await expect(page).toHaveURL(/\/sign-in/);

  const admin = demoUser('ADMIN');
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/accounts$/);
  const response = await page.goto('/o/some-other-organisation/accounts');
  expect(response?.status()).toBe(404);
});
