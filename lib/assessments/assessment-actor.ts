import { can } from '@/lib/auth/permissions';
import type { Tx } from '@/lib/db/tenant';
import { forbiddenError, notFoundError } from '@/lib/errors';
import type { Role } from '@/lib/generated/prisma/enums';

/** Who is acting, in which organisation. Always derived from the session and the URL, never from input. */
export interface AssessmentActor {
  organizationId: string;
  userId: string;
  role: Role;
}

export function actorOf(access: { organization: { id: string }; user: { id: string }; role: Role }): AssessmentActor {
  return { organizationId: access.organization.id, userId: access.user.id, role: access.role };
}

/** Whether the actor may create or edit assessments of an account owned by `ownerUserId`. */
export function mayWriteAssessments(actor: AssessmentActor, ownerUserId: string | null): boolean {
  return can(actor.role, 'assessments.write', ownerUserId === actor.userId);
}

const accountSelect = { id: true, name: true, segmentId: true, ownerUserId: true, archivedAt: true } as const;

/** The account, found with the organisation inside the query: another organisation's id is simply missing. */
export async function findAccountOrThrow(tx: Tx, actor: AssessmentActor, accountId: unknown) {
  const account =
    typeof accountId === 'string' && UUID.test(accountId)
      ? await tx.account.findUnique({
          where: { organizationId_id: { organizationId: actor.organizationId, id: accountId } },
          select: accountSelect,
        })
      : null;
  if (!account) throw notFoundError();
  return account;
}

/** The account, when the actor may write its assessments (404 when missing, 403 when not allowed). */
export async function findWritableAccount(tx: Tx, actor: AssessmentActor, accountId: unknown) {
  const account = await findAccountOrThrow(tx, actor, accountId);
  if (!mayWriteAssessments(actor, account.ownerUserId)) throw forbiddenError();
  return account;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
