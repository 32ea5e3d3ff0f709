import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { demoCredentials, demoUser } from './demo-credentials';
import { withOwnerDatabase } from './fixtures/owner-database';

/**
 * The invitation flow end to end: the demo admin invites a new CSM and copies the link from the page; the CSM
 * accepts it in a second browser context as a new user, lands in the shell and cannot open Settings. Then a
 * second organisation invites the same person, who joins it with one click and switches between the two.
 */

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Sign-in hashes a password and redirects twice: generous on a busy 2-core machine.
  await expect(page).toHaveURL(/\/o\/[a-z0-9-]+\/accounts$/, { timeout: 20_000 });
}

/** A second organisation with a pending invitation for `email`, written as the owner; returns its link path. */
async function inviteToSecondOrganization(email: string): Promise<{ name: string; slug: string; path: string }> {
  const token = randomBytes(32).toString('base64url');
  const id = randomUUID();
  const organization = { name: `Second Org ${id.slice(0, 6)}`, slug: `second-${id.slice(0, 8)}` };
  await withOwnerDatabase(async (db) => {
    await db.query('INSERT INTO organization (id, name, slug) VALUES ($1, $2, $3)', [id, organization.name, organization.slug]);
    await db.query(
      `INSERT INTO invitation (organization_id, email, role, token_hash, expires_at) VALUES ($1, $2, 'LEADER', $3, now() + interval '1 day')`,
      [id, email, createHash('sha256').update(token).digest('hex')],
    );
  });
  return { ...organization, path: `/invite/${token}` };
}

test('an admin invites a CSM by link; the CSM joins in another browser, cannot open Settings, and joins a second organisation', async ({
  browser,
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const admin = demoUser('ADMIN');
  const demo = demoCredentials().organization;
  const email = `invited-csm-${randomUUID().slice(0, 8)}@example.com`;

  // The admin invites a new CSM from Settings → Members.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL! });
  await signIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(new RegExp(`/o/${demo.slug}/accounts$`));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('link', { name: 'Members' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible({ timeout: 15_000 });

  const form = page.getByRole('form', { name: 'Invite someone' });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Role', { exact: true }).selectOption('CSM');
  await form.getByRole('button', { name: 'Create invitation link' }).click();

  const linkField = page.getByLabel('Invitation link');
  await expect(linkField).toHaveValue(new RegExp(`^${baseURL}/invite/[A-Za-z0-9_-]{43}$`), { timeout: 15_000 });
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Link copied to the clipboard.')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(await linkField.inputValue());
  await expect(page.getByRole('table', { name: 'Pending invitations' }).getByRole('rowheader', { name: email })).toBeVisible();

  // The invitee opens the link in a browser of their own and creates their account.
  const invitee = await browser.newContext();
  const csmPage = await invitee.newPage();
  await csmPage.goto(link);
  await expect(csmPage.getByRole('heading', { level: 1, name: `Join ${demo.name}` })).toBeVisible({ timeout: 15_000 });
  await expect(csmPage.getByLabel('Email')).toHaveValue(email);
  await csmPage.getByLabel('Your name').fill('Ivy Invited');
  await csmPage.getByLabel('Password').fill(`invited ${randomUUID().slice(0, 8)} passphrase`);
  await csmPage.getByRole('button', { name: `Create account and join ${demo.name}` }).click();

  await expect(csmPage).toHaveURL(new RegExp(`/o/${demo.slug}/accounts$`), { timeout: 20_000 });
  const nav = csmPage.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Accounts' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Settings' })).toHaveCount(0);

  // A CSM cannot open Settings or any page under it.
  for (const path of ['settings', 'settings/members', 'settings/audit']) {
    const response = await csmPage.goto(`/o/${demo.slug}/${path}`);
    expect(response?.status(), path).toBe(403);
    await expect(csmPage.getByRole('heading', { name: 'You don’t have access to this page' })).toBeVisible();
  }

  // The link worked once.
  await csmPage.goto(link);
  await expect(csmPage.getByRole('heading', { level: 1, name: 'This invitation has already been used' })).toBeVisible();

  // The admin sees the new member (and no pending invitation for them).
  await page.reload();
  const members = page.getByRole('table', { name: 'Members' });
  await expect(members.getByRole('row', { name: new RegExp(email) })).toContainText('Ivy Invited');
  await expect(page.getByRole('table', { name: 'Pending invitations' }).getByRole('rowheader', { name: email })).toHaveCount(0);

  // A second organisation invites the same person: signed in, they join with one click and can switch back.
  const second = await inviteToSecondOrganization(email);
  await csmPage.goto(second.path);
  await csmPage.getByRole('button', { name: `Join ${second.name}` }).click();
  await expect(csmPage).toHaveURL(new RegExp(`/o/${second.slug}/accounts$`), { timeout: 20_000 });
  await csmPage.locator('summary', { hasText: 'switch organisation' }).click();
  await csmPage.getByRole('link', { name: demo.name }).click();
  await expect(csmPage).toHaveURL(new RegExp(`/o/${demo.slug}/accounts$`), { timeout: 15_000 });
  await invitee.close();
});

test('expired, revoked and unknown links each explain themselves', async ({ page }) => {
  test.setTimeout(60_000);
  const slug = demoCredentials().organization.slug;
  const tokens = { expired: randomBytes(32).toString('base64url'), revoked: randomBytes(32).toString('base64url') };
  await withOwnerDatabase(async (db) => {
    const { rows } = await db.query<{ id: string }>('SELECT id FROM organization WHERE slug = $1', [slug]);
    const hash = (token: string) => createHash('sha256').update(token).digest('hex');
    await db.query(
      `INSERT INTO invitation (organization_id, email, role, token_hash, expires_at, revoked_at) VALUES
         ($1, $2, 'CSM', $3, now() - interval '1 minute', NULL),
         ($1, $4, 'CSM', $5, now() + interval '1 day', now())`,
      [rows[0]!.id, `late-${randomUUID().slice(0, 6)}@example.com`, hash(tokens.expired), `gone-${randomUUID().slice(0, 6)}@example.com`, hash(tokens.revoked)],
    );
  });
  const cases: [string, string][] = [
    [`/invite/${tokens.expired}`, 'This invitation has expired'],
    [`/invite/${tokens.revoked}`, 'This invitation was revoked'],
    [`/invite/${randomBytes(32).toString('base64url')}`, 'This invitation link is not valid'],
    ['/invite/not-a-real-token', 'This invitation link is not valid'],
  ];
  for (const [path, heading] of cases) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  }
});
