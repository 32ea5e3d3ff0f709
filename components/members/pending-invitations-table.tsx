import { DateTime } from '@/components/ui/date-time';
import type { PendingInvitationRow } from '@/lib/invitations/list-pending-invitations';
import { RevokeInvitationButton } from './revoke-invitation-button';
import { ROLE_LABELS } from './role-labels';

/** Invitations not yet accepted or revoked; expired ones say so (their link no longer works). */
export function PendingInvitationsTable({
  slug,
  invitations,
  canRevoke,
}: {
  slug: string;
  invitations: PendingInvitationRow[];
  canRevoke: boolean;
}) {
  if (invitations.length === 0) {
    return <p className="px-5 py-4 text-sm text-ink-muted">No pending invitations.</p>;
  }
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Pending invitations</caption>
        <thead className="border-b border-line text-xs font-medium text-ink-muted">
          <tr>
            <th scope="col" className="px-5 py-2 font-medium">
              Email
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Role
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Invited by
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Sent
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Expires
            </th>
            {canRevoke ? (
              <th scope="col" className="px-5 py-2 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {invitations.map((invitation) => (
            <tr key={invitation.id} className="align-top">
              <th scope="row" className="px-5 py-3 font-medium text-ink">
                {invitation.email}
              </th>
              <td className="px-3 py-3">{ROLE_LABELS[invitation.role]}</td>
              <td className="px-3 py-3 text-ink-muted">{invitation.invitedBy?.name ?? '—'}</td>
              <td className="px-3 py-3 whitespace-nowrap text-ink-muted">
                <DateTime value={invitation.createdAt} />
              </td>
              <td className="px-3 py-3 whitespace-nowrap">
                {invitation.expired ? (
                  <span className="inline-flex rounded-full border border-band-at-risk-line bg-band-at-risk-soft px-2 py-0.5 text-xs font-medium text-band-at-risk-ink">
                    Expired
                  </span>
                ) : (
                  <DateTime value={invitation.expiresAt} className="text-ink-muted" />
                )}
              </td>
              {canRevoke ? (
                <td className="px-5 py-3 text-right">
                  <RevokeInvitationButton slug={slug} invitationId={invitation.id} email={invitation.email} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
