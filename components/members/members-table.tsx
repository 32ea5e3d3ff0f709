import { DateTime } from '@/components/ui/date-time';
import type { MemberRow } from '@/lib/members/list-members';
import { MemberRoleForm } from './member-role-form';
import { ReassignAccountsForm } from './reassign-accounts-form';
import { RemoveMemberButton } from './remove-member-button';
import { ROLE_LABELS } from './role-labels';

/**
 * The organisation's members; with `canManage`, each row has a role control and a remove button, and a member who
 * owns accounts also a bulk reassign (removal is refused until they own none).
 */
export function MembersTable({
  slug,
  members,
  currentUserId,
  canManage,
}: {
  slug: string;
  members: MemberRow[];
  currentUserId: string;
  canManage: boolean;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Members</caption>
        <thead className="border-b border-line text-xs font-medium text-ink-muted">
          <tr>
            <th scope="col" className="px-5 py-2 font-medium">
              Name
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Email
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Role
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Joined
            </th>
            {canManage ? (
              <th scope="col" className="px-5 py-2 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {members.map((member) => (
            <tr key={member.userId} className="align-top">
              <th scope="row" className="px-5 py-3 font-medium text-ink">
                {member.name}
                {member.userId === currentUserId ? <span className="ml-1 font-normal text-ink-muted">(you)</span> : null}
                {member.ownedAccounts > 0 ? (
                  <span className="mt-0.5 block text-xs font-normal text-ink-muted">
                    Owns {member.ownedAccounts.toLocaleString('en')} account{member.ownedAccounts === 1 ? '' : 's'}
                  </span>
                ) : null}
              </th>
              <td className="px-3 py-3 text-ink-muted">{member.email}</td>
              <td className="px-3 py-3">
                {canManage ? (
                  <MemberRoleForm slug={slug} userId={member.userId} name={member.name} role={member.role} />
                ) : (
                  ROLE_LABELS[member.role]
                )}
              </td>
              <td className="px-3 py-3 whitespace-nowrap text-ink-muted">
                <DateTime value={member.joinedAt} />
              </td>
              {canManage ? (
                <td className="space-y-2 px-5 py-3 text-right">
                  <ReassignAccountsForm
                    slug={slug}
                    member={member}
                    candidates={members.filter((other) => other.userId !== member.userId)}
                  />
                  <RemoveMemberButton slug={slug} userId={member.userId} name={member.name} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
