import { z } from 'zod';
import type { PrismaClient } from '@/lib/db/create-prisma-client';
import { withTenant } from '@/lib/db/tenant';
import { AppError, notFoundError } from '@/lib/errors';
import { requireActorPermission, type OrganizationActor } from '@/lib/tenancy/require-actor-permission';
import { quoteIdentifier } from './table-catalog';
import { TENANT_TABLES, organizationColumnOf } from './tenant-tables';

export const deleteOrganizationInputSchema = z.object({
  confirmationName: z
    .string({ error: "Type the organisation's name to confirm." })
    .trim()
    .min(1, "Type the organisation's name to confirm.")
    .max(500, 'That is not the name of this organisation.'),
});
export type DeleteOrganizationInput = z.output<typeof deleteOrganizationInputSchema>;

export const WRONG_CONFIRMATION_MESSAGE = 'The name you typed does not match this organisation’s name exactly. Nothing was deleted.';

export interface DeletedOrganization {
  id: string;
  name: string;
  slug: string;
  /** Rows removed per tenant table (the server log keeps them; the audit log goes with the organisation). */
  rows: Record<string, number>;
}

/**
 * Deletes the organisation and every row of it (admins, after typing its exact name). One statement deletes
 * the organisation row; every tenant table's foreign key to it cascades (rescore_staging, which has none, is
 * emptied first), so its memberships, accounts,
 * assessments, scores, settings, invitations and audit log go in the same transaction, and nothing of any
 * other organisation can (rows are reached only through this organisation's id). Users are global and stay,
 * even those who now belong to no organisation. The app role may do this: the organisation policy lets it
 * delete the organisation it is scoped to (app.org_id) and no other, and cascades run as the table owner.
 */
export async function deleteOrganization(
  prisma: PrismaClient,
  actor: OrganizationActor,
  input: DeleteOrganizationInput,
): Promise<DeletedOrganization> {
  const { organizationId } = actor;
  return withTenant(
    prisma,
    { organizationId, userId: actor.userId },
    async (tx) => {
      await requireActorPermission(tx, actor, 'organization.delete');
      // Lock the row first: a concurrent rename cannot slip between the name check and the delete.
      const [organization] = await tx.$queryRaw<{ id: string; name: string; slug: string }[]>`
        SELECT id::text, name, slug FROM organization WHERE id = ${organizationId}::uuid FOR UPDATE`;
      if (!organization) throw notFoundError();
      if (input.confirmationName.trim() !== organization.name.trim()) {
        throw new AppError('VALIDATION', WRONG_CONFIRMATION_MESSAGE, { confirmationName: [WRONG_CONFIRMATION_MESSAGE] });
      }
      const rows: Record<string, number> = {};
      for (const table of TENANT_TABLES) {
        const [counted] = await tx.$queryRawUnsafe<{ rows: number }[]>(
          `SELECT count(*)::int AS rows FROM ${quoteIdentifier(table)} WHERE ${organizationColumnOf(table)} = $1::uuid`,
          organizationId,
        );
        rows[table] = counted?.rows ?? 0;
      }
      // rescore_staging and the portfolio rollups have no foreign key to cascade along (it would cost every
      // re-score a check per row). The rollups go by the owner role: the app only reads them.
      await tx.$executeRaw`DELETE FROM rescore_staging WHERE organization_id = ${organizationId}::uuid`;
      await tx.$executeRaw`SELECT delete_portfolio_rollups(${organizationId}::uuid)`;
      const deleted = await tx.$executeRaw`DELETE FROM organization WHERE id = ${organizationId}::uuid`;
      if (deleted !== 1) throw notFoundError();
      return { ...organization, rows };
    },
    // A large organisation cascades through a million rows or more.
    { timeout: 10 * 60_000 },
  );
}
