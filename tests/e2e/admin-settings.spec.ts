import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { withOwnerDatabase } from './fixtures/owner-database';
import { signUpThroughUi } from './fixtures/sign-up-user';

/**
 * Admin settings end to end, in an organisation of the test's own: the admin adds and renames a segment and
 * retires a stage; reassigns a CSM's accounts, then removes the CSM; filters the audit log and downloads it as CSV.
 */

/** A CSM who owns two accounts, and two journey stages, written as the owner (the UI has no quick path for them). */
async function seedBookAndStages(slug: string) {
  const csm = { id: randomUUID(), name: `Casey Csm ${randomUUID().slice(0, 4)}`, email: `csm-${randomUUID().slice(0, 8)}@example.com` };
  await withOwnerDatabase(async (db) => {
    const { rows } = await db.query<{ id: string }>('SELECT id FROM organization WHERE slug = $1', [slug]);
    const organizationId = rows[0]!.id;
    await db.query('INSERT INTO "user" (id, email, name) VALUES ($1, $2, $3)', [csm.id, csm.email, csm.name]);
    await db.query(`INSERT INTO membership (organization_id, user_id, role) VALUES ($1, $2, 'CSM')`, [organizationId, csm.id]);
    await db.query(
      `INSERT INTO journey_stage (organization_id, name, position) VALUES ($1, 'Onboarding', 1), ($1, 'Renewal', 2)`,
      [organizationId],
    );
    await db.query(
      `INSERT INTO account (organization_id, name, owner_user_id, journey_stage_id)
       SELECT $1, n, $2, (SELECT id FROM journey_stage WHERE organization_id = $1 AND name = 'Onboarding')
         FROM unnest(ARRAY['Casey One', 'Casey Two']) AS n`,
      [organizationId, csm.id],
    );
  });
  return csm;
}

test('an admin manages segments and stages, reassigns and removes a CSM, then filters and downloads the audit log', async ({ page }) => {
  test.setTimeout(150_000);
  const admin = await signUpThroughUi(page, 'admin-settings');
  const csm = await seedBookAndStages(admin.slug);

  // Segments and stages: add, rename, retire.
  await page.goto(`/o/${admin.slug}/settings`);
  await page.getByRole('link', { name: 'Segments and journey stages' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Segments and journey stages' })).toBeVisible({ timeout: 15_000 });

  const addSegment = page.getByRole('form', { name: 'Add a segment' });
  await addSegment.getByLabel('New segment name').fill('Enterprise');
  await addSegment.getByLabel('Tier').fill('1');
  await addSegment.getByRole('button', { name: 'Add segment' }).click();
  await expect(addSegment.getByRole('status')).toHaveText('Added the segment “Enterprise”.');
  const segments = page.getByRole('table', { name: 'Segments' });
  await expect(segments.getByRole('rowheader', { name: 'Enterprise' })).toBeVisible();

  // A duplicate name, whatever its case, is refused with a clear message.
  await addSegment.getByLabel('New segment name').fill('enterprise');
  await addSegment.getByRole('button', { name: 'Add segment' }).click();
  await expect(addSegment.getByText('There is already a segment named “Enterprise”.')).toBeVisible();

  await segments.getByRole('button', { name: 'Rename Enterprise' }).click();
  await segments.getByLabel('New name for Enterprise').fill('Strategic');
  await segments.getByRole('button', { name: 'Save Enterprise' }).click();
  await expect(segments.getByRole('rowheader', { name: 'Strategic' })).toBeVisible();
  await expect(segments.getByRole('rowheader', { name: 'Enterprise' })).toHaveCount(0);

  const stages = page.getByRole('table', { name: 'Journey stages' });
  const onboarding = stages.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /Onboarding/ }) });
  await expect(onboarding.getByRole('cell').nth(1)).toHaveText('2'); // two accounts use it
  await stages.getByRole('button', { name: 'Retire Onboarding' }).click();
  await expect(onboarding.getByText('retired', { exact: true })).toBeVisible();
  await expect(stages.getByRole('button', { name: 'Restore Onboarding' })).toBeVisible();
  await expect(onboarding.getByRole('cell').nth(1)).toHaveText('2'); // the accounts keep it
  await page.screenshot({ path: test.info().outputPath('taxonomy.png'), fullPage: true });

  // Members: removal is refused while the CSM owns accounts; reassign them all, then remove.
  await page.goto(`/o/${admin.slug}/settings/members`);
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible({ timeout: 15_000 });
  const csmRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(csm.name) }) });
  await csmRow.getByRole('button', { name: `Remove ${csm.name}` }).click();
  await csmRow.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(csmRow.getByRole('alert')).toHaveText(`${csm.name} owns 2 accounts. Assign them to another member before removing ${csm.name}.`);

  const reassign = csmRow.getByRole('form', { name: `Reassign the accounts of ${csm.name}` });
  await reassign.getByLabel('Reassign 2 accounts to').selectOption({ label: admin.name });
  await reassign.getByRole('button', { name: `Reassign the accounts of ${csm.name}` }).click();
  await expect(csmRow.getByRole('status')).toHaveText(`Moved 2 accounts to ${admin.name}.`);
  await expect(csmRow.getByText('Owns 2 accounts', { exact: true })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('members.png'), fullPage: true });

  await csmRow.getByRole('button', { name: `Remove ${csm.name}` }).click();
  await csmRow.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(page.getByRole('rowheader', { name: new RegExp(csm.name) })).toHaveCount(0);

  // Audit log: filter to the reassignment, then download the filtered CSV.
  await page.goto(`/o/${admin.slug}/settings/audit`);
  const filters = page.getByRole('form', { name: 'Filter the audit log' });
  await filters.getByLabel('What').selectOption('action:accounts.owner_reassigned');
  await filters.getByLabel('Who').selectOption({ label: `${admin.name} (${admin.email})` });
  await filters.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/kind=action%3Aaccounts\.owner_reassigned/);
  const log = page.getByRole('table', { name: 'Audit events, newest first' });
  await expect(log.getByRole('row')).toHaveCount(2); // header + the one event
  await expect(log).toContainText('accounts.owner_reassigned');
  await expect(log).toContainText(csm.email); // the owner before → after
  await page.screenshot({ path: test.info().outputPath('audit.png'), fullPage: true });

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download CSV (filtered)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${admin.slug}-audit-log-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const csv = await readFile((await download.path())!, 'utf8');
  const lines = csv.trimEnd().split('\r\n');
  expect(lines[0]).toBe('time (UTC),actor name,actor email,action,entity type,entity id,entity,before,after');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`,${admin.name},${admin.email},accounts.owner_reassigned,membership,`);
});
