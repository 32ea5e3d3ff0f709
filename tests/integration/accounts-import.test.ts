import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importAccounts } from '@/lib/accounts/import-accounts';
import { previewAccountImport } from '@/lib/accounts/preview-account-import';
import { withTenant } from '@/lib/db/tenant';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { createAccountsFixture, type AccountsFixture } from './accounts-fixture';

/** CSV import: the preview reports every row's errors by line and writes nothing; confirm upserts all or nothing. */

let db: TestDatabase;
let fx: AccountsFixture;
let signedIn: { id: string; email: string; name: string } | null = null;

vi.mock('@/lib/auth/current-user', () => ({ getCurrentUser: async () => signedIn, requireUser: async () => signedIn }));
vi.mock('@/lib/db/prisma', () => ({ prisma: () => db.appPrisma }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const actions = await import('@/app/o/[slug]/accounts/actions');

beforeAll(async () => {
  db = await createTestDatabase();
  fx = await createAccountsFixture(db.prisma, 'import');
});
afterAll(async () => {
  await db.drop();
});

const HEADER = 'name,external id,segment,owner email,ARR,renewal date,stage';
const tenant = <T>(work: Parameters<typeof withTenant<T>>[2]) =>
  withTenant(db.appPrisma, { organizationId: fx.orgId, userId: fx.users.admin }, work);
const preview = (csv: string) => tenant((tx) => previewAccountImport(tx, fx.orgId, csv));
const snapshot = async () => ({
  accounts: await db.prisma.account.findMany({ where: { organizationId: fx.orgId }, orderBy: { id: 'asc' } }),
  audits: await db.prisma.auditEvent.count({ where: { organizationId: fx.orgId } }),
});

describe('import preview', () => {
  it('reports each kind of bad row with its line number and writes nothing', async () => {
    const before = await snapshot();
    const csv = [
      HEADER,
      `Good One,IMP-1,Enterprise,${fx.emails.csm},"120,000",2027-03-01,Onboarding`,
      `Bad Segment,IMP-2,Galactic,,,,`,
      `Bad Stage,IMP-3,,,,,Hibernating`,
      `Bad Owner,IMP-4,,nobody@nowhere.example,,,`,
      `Bad Arr,IMP-5,,,-10,,`,
      `Bad Date,IMP-6,,,,2027-13-01,`,
      `,IMP-7,,,,,`,
      `Dup One,IMP-1,,,,,`,
      `"Multi`,
      `line",IMP-8,Legacy,,,,`,
      `Short row`,
    ].join('\n');
    const result = await preview(csv);
    expect(result.fileErrors).toEqual([]);
    const errorsByLine = Object.fromEntries(result.rows.map((row) => [row.line, row.errors.join(' | ')]));
    expect(errorsByLine[2]).toBe('');
    expect(errorsByLine[3]).toMatch(/Unknown segment "Galactic" \(expected one of: Enterprise, Mid-market\)/);
    expect(errorsByLine[4]).toMatch(/Unknown stage "Hibernating"/);
    expect(errorsByLine[5]).toMatch(/Owner "nobody@nowhere.example" is not a member/);
    expect(errorsByLine[6]).toMatch(/ARR "-10" is not an amount/);
    expect(errorsByLine[7]).toMatch(/Renewal date "2027-13-01" is not a date/);
    expect(errorsByLine[8]).toMatch(/Name is missing/);
    expect(errorsByLine[9]).toMatch(/External id "IMP-1" is also on line 2/);
    expect(errorsByLine[10]).toMatch(/Unknown segment "Legacy"/); // retired segments are not offered
    expect(errorsByLine[12]).toMatch(/Has 1 values but the header names 7 columns/);
    expect(result.counts).toMatchObject({ rows: 10, invalid: 9 });
    expect(await snapshot()).toEqual(before);
  });

  it('reports file-level problems: empty, no name column, unreadable CSV', async () => {
    expect((await preview('\n')).fileErrors[0]).toMatch(/empty/);
    expect((await preview('external id,segment\nX,Enterprise')).fileErrors[0]).toMatch(/no "name" column/);
    expect((await preview(`${HEADER}\n"unclosed,1`)).fileErrors[0]).toMatch(/not valid CSV \(line 2\)/);
    expect((await preview(HEADER)).fileErrors[0]).toMatch(/no account rows/);
  });

  it('marks rows whose external id exists as updates and ignores unknown columns', async () => {
    const result = await preview(`${HEADER},notes\nAcme Renamed,CRM-001,,,,,,hi\nBrand New,,,,,,,`);
    expect(result.rows.map((row) => row.action)).toEqual(['update', 'create']);
    expect(result.ignoredColumns).toEqual(['notes']);
  });
});

describe('import confirm', () => {
  it('writes nothing when any row is invalid (re-checked on the server)', async () => {
    signedIn = { id: fx.users.admin, email: fx.emails.admin, name: 'Ada' };
    const before = await snapshot();
    const result = await actions.confirmAccountImportAction(fx.slug, { csv: `${HEADER}\nFine,IMP-9,,,,,\nBroken,IMP-10,,,abc,,` });
    expect(result.ok ? 'ok' : result.error.code).toBe('VALIDATION');
    expect(result.ok ? '' : result.error.message).toMatch(/Nothing was imported: 1 row has errors \(line 3\)/);
    expect(await snapshot()).toEqual(before);
  });

  it('upserts by external id in one go and audits the counts', async () => {
    signedIn = { id: fx.users.admin, email: fx.emails.admin, name: 'Ada' };
    const csv = [
      HEADER,
      `Acme Renamed,CRM-001,Mid-market,${fx.emails.csm2},"1,000.5",2027-01-15,renewal`,
      `Beta Ltd,CRM-002,Mid-market,${fx.emails.csm},80000,2026-07-21,Onboarding`,
      `Imported One,IMP-100,enterprise,${fx.emails.csm},5000,,`,
      `No External Id,,,,,,`,
    ].join('\r\n');
    const betaBefore = await db.prisma.account.findFirstOrThrow({ where: { id: fx.accounts['Beta Ltd'] } });
    const result = await actions.confirmAccountImportAction(fx.slug, { csv });
    expect(result).toEqual({ ok: true, data: { rows: 4, created: 2, updated: 1, unchanged: 1 } });
    const acme = await db.prisma.account.findFirstOrThrow({ where: { id: fx.accounts['Acme Corp'] } });
    expect(acme).toMatchObject({ name: 'Acme Renamed', segmentId: fx.segments.midMarket, ownerUserId: fx.users.csm2, journeyStageId: fx.stages.renewal, version: 2 });
    expect(acme.arr?.toFixed(2)).toBe('1000.50');
    const beta = await db.prisma.account.findFirstOrThrow({ where: { id: fx.accounts['Beta Ltd'] } });
    expect(beta.version).toBe(betaBefore.version);
    expect(await db.prisma.account.count({ where: { organizationId: fx.orgId, name: { in: ['Imported One', 'No External Id'] } } })).toBe(2);
    // The other organisation's CRM-001 is untouched.
    expect((await db.prisma.account.findFirstOrThrow({ where: { id: fx.otherOrg.accountId } })).name).toBe('Other Acme');
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { organizationId: fx.orgId, action: 'accounts.imported' } });
    expect(audit.after).toEqual({ rows: 4, created: 2, updated: 1, unchanged: 1 });
  });

  it('handles a few thousand rows in one statement', async () => {
    const csv = [HEADER, ...Array.from({ length: 3000 }, (_, index) => `Bulk ${index},BULK-${index},Enterprise,,${index}.25,2027-02-01,Renewal`)].join('\n');
    const summary = await tenant((tx) => importAccounts(tx, { organizationId: fx.orgId, actorUserId: fx.users.admin }, csv));
    expect(summary).toEqual({ rows: 3000, created: 3000, updated: 0, unchanged: 0 });
    const again = await tenant((tx) => importAccounts(tx, { organizationId: fx.orgId, actorUserId: fx.users.admin }, csv));
    expect(again).toEqual({ rows: 3000, created: 0, updated: 0, unchanged: 3000 });
  });

  it('is forbidden to LEADERs and CSMs and not found for other organisations', async () => {
    for (const [user, code] of [
      [{ id: fx.users.leader, email: fx.emails.leader, name: 'L' }, 'FORBIDDEN'],
      [{ id: fx.users.csm, email: fx.emails.csm, name: 'C' }, 'FORBIDDEN'],
      [{ id: fx.otherOrg.admin, email: 'o@x.example', name: 'O' }, 'NOT_FOUND'],
    ] as const) {
      signedIn = user;
      for (const action of [actions.previewAccountImportAction, actions.confirmAccountImportAction]) {
        const result = await action(fx.slug, { csv: `${HEADER}\nX,,,,,,` });
        expect(result.ok ? 'ok' : result.error.code).toBe(code);
      }
    }
  });
});
