'use server';

import { revalidatePath } from 'next/cache';
import { assignAccountOwner, assignAccountOwnerInputSchema } from '@/lib/accounts/assign-account-owner';
import { createAccount, createAccountInputSchema } from '@/lib/accounts/create-account';
import { importAccounts } from '@/lib/accounts/import-accounts';
import { accountImportInputSchema, previewAccountImport } from '@/lib/accounts/preview-account-import';
import { setAccountArchived, setAccountArchivedInputSchema } from '@/lib/accounts/set-account-archived';
import { updateAccount, updateAccountInputSchema } from '@/lib/accounts/update-account';
import { prisma } from '@/lib/db/prisma';
import { withTenant } from '@/lib/db/tenant';
import { organizationAction } from '@/lib/http/organization-action';
import { inOrganization, type OrganizationAccess } from '@/lib/tenancy/organization-access';

/** Account server actions. Each goes through organizationAction: session, membership, permission, zod input. */

const actor = (access: OrganizationAccess) => ({ organizationId: access.organization.id, actorUserId: access.user.id });
const refreshList = (access: OrganizationAccess) => revalidatePath(`/o/${access.organization.slug}/accounts`);

export const createAccountAction = organizationAction({
  permission: 'accounts.write',
  input: createAccountInputSchema,
  handler: async (access, input) => {
    const account = await inOrganization(access, (tx) => createAccount(tx, actor(access), input));
    refreshList(access);
    return account;
  },
});

export const updateAccountAction = organizationAction({
  permission: 'accounts.write',
  input: updateAccountInputSchema,
  handler: async (access, input) => {
    const result = await inOrganization(access, (tx) => updateAccount(tx, actor(access), input));
    refreshList(access);
    return result;
  },
});

export const setAccountArchivedAction = organizationAction({
  permission: 'accounts.write',
  input: setAccountArchivedInputSchema,
  handler: async (access, input) => {
    const result = await inOrganization(access, (tx) => setAccountArchived(tx, actor(access), input));
    refreshList(access);
    return result;
  },
});

export const assignAccountOwnerAction = organizationAction({
  permission: 'accounts.assignOwner',
  input: assignAccountOwnerInputSchema,
  handler: async (access, input) => {
    const result = await inOrganization(access, (tx) => assignAccountOwner(tx, actor(access), input));
    refreshList(access);
    return result;
  },
});

/** Checks a CSV and reports each row; writes nothing. */
export const previewAccountImportAction = organizationAction({
  permission: 'accounts.write',
  input: accountImportInputSchema,
  handler: (access, input) => inOrganization(access, (tx) => previewAccountImport(tx, access.organization.id, input.csv)),
});

/** Re-checks the same CSV and imports it in one transaction, only if every row is valid. */
export const confirmAccountImportAction = organizationAction({
  permission: 'accounts.write',
  input: accountImportInputSchema,
  handler: async (access, input) => {
    const summary = await withTenant(
      prisma(),
      { organizationId: access.organization.id, userId: access.user.id },
      (tx) => importAccounts(tx, actor(access), input.csv),
      { timeout: 30_000 },
    );
    refreshList(access);
    return summary;
  },
});
