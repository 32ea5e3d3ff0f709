import type { Tx } from '@/lib/db/tenant';

/**
 * Locks the organisation's ADMIN memberships (in a fixed order, so two callers cannot deadlock) and returns
 * their user ids. Every change that could remove an admin takes this lock first, so two admins demoting or
 * removing each other at the same moment cannot leave the organisation without one: the second waits, then
 * sees the first's change.
 */
export async function lockAdminMemberships(tx: Tx, organizationId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ user_id: string }[]>`
    SELECT user_id::text AS user_id FROM membership
     WHERE organization_id = ${organizationId}::uuid AND role = 'ADMIN'
     ORDER BY user_id
       FOR UPDATE`;
  return rows.map((row) => row.user_id);
}

export const lastAdminMessage = (name: string) =>
  `${name} is the only admin of this organisation. Make someone else an admin first.`;
