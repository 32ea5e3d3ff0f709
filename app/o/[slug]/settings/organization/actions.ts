'use server';

import { prisma } from '@/lib/db/prisma';
import { organizationAction } from '@/lib/http/organization-action';
import { deleteOrganization, deleteOrganizationInputSchema } from '@/lib/organization-data/delete-organization';
import { actorOf } from '@/lib/tenancy/require-actor-permission';

/**
 * Deletes the organisation after its exact name was typed (admins). Its audit log is deleted with it, so the
 * server log is where the deletion stays on record: who, which organisation, how many rows.
 */
export const deleteOrganizationAction = organizationAction({
  permission: 'organization.delete',
  input: deleteOrganizationInputSchema,
  handler: async (access, input) => {
    const deleted = await deleteOrganization(prisma(), actorOf(access), input);
    const rows = Object.entries(deleted.rows)
      .map(([table, count]) => `${table}=${count}`)
      .join(' ');
    console.info(
      `[organization] deleted: organisation ${deleted.id} "${deleted.name}" (slug ${deleted.slug}) by user ${access.user.id} <${access.user.email}>; rows ${rows}`,
    );
    return { deleted: true as const };
  },
});
