import { expect, test, type Request } from '@playwright/test';
import { demoCredentials, demoUser } from './demo-credentials';

/**
 * Links do not prefetch (components/ui/link.tsx): every page is rendered per request, so a prefetch would cost the
 * server a request for each link in view (22 on one heatmap page) and speed up nothing. Navigation stays client-side.
 */
test('pages full of links send no prefetch requests, and a tab still navigates without a page load', async ({ page }) => {
  const slug = demoCredentials().organization.slug;
  const leader = demoUser('LEADER');
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(leader.email);
  await page.getByLabel('Password').fill(leader.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));

  const prefetches: string[] = [];
  page.on('request', (request: Request) => {
    if (request.headers()['next-router-prefetch']) prefetches.push(request.url());
  });
  for (const path of [`/o/${slug}/portfolio`, `/o/${slug}/portfolio/heatmap?by=segment`, `/o/${slug}/accounts`]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.mouse.move(10, 10);
    // Hover the links too: Next prefetches on hover as well as on entering the viewport.
    for (const link of (await page.getByRole('main').getByRole('link').all()).slice(0, 10)) await link.hover();
  }
  await page.waitForTimeout(1_000);
  expect(prefetches).toEqual([]);

  // A tab switch is still a client-side navigation: an RSC request, no new document.
  await page.goto(`/o/${slug}/portfolio`);
  const documents: string[] = [];
  page.on('request', (request: Request) => {
    if (request.resourceType() === 'document') documents.push(request.url());
  });
  await page.getByRole('navigation', { name: 'Portfolio views' }).getByRole('link', { name: 'Team' }).click();
  await expect(page.getByRole('heading', { name: 'Books by CSM' })).toBeVisible();
  expect(documents).toEqual([]);
});
