'use server';

import { revalidatePath } from 'next/cache';
import { prisma } from '@/lib/db/prisma';
import { env } from '@/lib/env';
import { organizationAction } from '@/lib/http/organization-action';
import { createInvitation, createInvitationInputSchema } from '@/lib/invitations/create-invitation';
import { invitationLink } from '@/lib/invitations/invitation-link';
import { revokeInvitation, revokeInvitationInputSchema } from '@/lib/invitations/revoke-invitation';
import { changeMemberRole, changeMemberRoleInputSchema } from '@/lib/members/change-member-role';
import { reassignMemberAccounts, reassignMemberAccountsInputSchema } from '@/lib/members/reassign-member-accounts';
import { removeMember, removeMemberInputSchema } from '@/lib/members/remove-member';
import type { OrganizationAccess } from '@/lib/tenancy/organization-access';
import { actorOf } from '@/lib/tenancy/require-actor-permission';

/** Members and invitations (admins). Each goes through organizationAction: session, membership, permission, zod. */

const refresh = (access: OrganizationAccess) => revalidatePath(`/o/${access.organization.slug}/settings/members`);

/**
 * Issues an invitation and returns its link — the only time the link exists outside the invitee's browser
 * (only the token's hash is stored). With no mail server, the admin copies it from the page; in development it
 * is also printed to the server console.
 */
export const createInvitationAction = organizationAction({
  permission: 'members.invite',
  input: createInvitationInputSchema,
  handler: async (access, input) => {
    const issued = await createInvitation(prisma(), actorOf(access), input);
    const link = invitationLink(issued.token);
    if (env().NODE_ENV !== 'production') {
      console.info(`[invitations] ${access.organization.slug}: ${issued.email} invited as ${issued.role}: ${link}`);
    }
    refresh(access);
    return {
      email: issued.email,
      role: issued.role,
      expiresAt: issued.expiresAt.toISOString(),
      link,
      superseded: issued.supersededInvitationIds.length,
    };
  },
});

export const revokeInvitationAction = organizationAction({
  permission: 'members.invite',
  input: revokeInvitationInputSchema,
  handler: async (access, input) => {
    const result = await revokeInvitation(prisma(), actorOf(access), input);
    refresh(access);
    return result;
  },
});

export const changeMemberRoleAction = organizationAction({
  permission: 'members.manage',
  input: changeMemberRoleInputSchema,
  handler: async (access, input) => {
    const result = await changeMemberRole(prisma(), actorOf(access), input);
    refresh(access);
    return { ...result, self: input.userId === access.user.id };
  },
});

export const removeMemberAction = organizationAction({
  permission: 'members.manage',
  input: removeMemberInputSchema,
  handler: async (access, input) => {
    const result = await removeMember(prisma(), actorOf(access), input);
    refresh(access);
    return { ...result, self: input.userId === access.user.id };
  },
});

/** Moves every account a member owns to another member (or nobody) at once, so the member can then be removed. */
export const reassignMemberAccountsAction = organizationAction({
  permission: 'members.manage',
  input: reassignMemberAccountsInputSchema,
  handler: async (access, input) => {
    const result = await reassignMemberAccounts(prisma(), actorOf(access), input);
    refresh(access);
    return result;
  },
});
