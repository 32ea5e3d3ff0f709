import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { InviteMemberForm } from '@/components/members/invite-member-form';
import { MembersTable } from '@/components/members/members-table';
import { PendingInvitationsTable } from '@/components/members/pending-invitations-table';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/permissions';
import { prisma } from '@/lib/db/prisma';
import { INVITATION_TTL_DAYS } from '@/lib/invitations/invitation-status';
import { listPendingInvitations } from '@/lib/invitations/list-pending-invitations';
import { listMembers } from '@/lib/members/list-members';
import { requireOrganizationPermission } from '@/lib/tenancy/organization-access';
import { actorOf } from '@/lib/tenancy/require-actor-permission';

export const metadata: Metadata = { title: 'Members' };

export default async function MembersPage(props: { params: Promise<{ slug: string }> }) {
  const { slug } = await props.params;
  const access = await requireOrganizationPermission(slug, 'members.read');
  const actor = actorOf(access);
  const [members, invitations] = await Promise.all([listMembers(prisma(), actor), listPendingInvitations(prisma(), actor)]);
  const canInvite = can(access.role, 'members.invite');
  const canManage = can(access.role, 'members.manage');
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/o/${slug}/settings`} className="font-medium text-brand-700 hover:underline">
          Settings
        </Link>
      </p>
      <PageHeader title="Members" description={`Who has access to ${access.organization.name}, and with which role.`} />
      <div className="space-y-6">
        {canInvite ? (
          <Card>
            <CardHeader
              title="Invite someone"
              description={`They get a link that works once, for ${INVITATION_TTL_DAYS} days. Inviting an email again replaces its earlier link.`}
            />
            <CardBody>
              <InviteMemberForm slug={slug} />
            </CardBody>
          </Card>
        ) : null}
        <Card>
          <CardHeader title={`Members (${members.length})`} />
          <MembersTable slug={slug} members={members} currentUserId={access.user.id} canManage={canManage} />
        </Card>
        <Card>
          <CardHeader title={`Pending invitations (${invitations.length})`} />
          <PendingInvitationsTable slug={slug} invitations={invitations} canRevoke={canInvite} />
        </Card>
      </div>
    </>
  );
}
