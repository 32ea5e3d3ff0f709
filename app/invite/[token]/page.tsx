import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import type { ReactNode } from 'react';
import { AcceptAsNewUserForm } from '@/components/invitations/accept-as-new-user-form';
import { InvitationSignInForm } from '@/components/invitations/invitation-sign-in-form';
import { JoinOrganizationButton } from '@/components/invitations/join-organization-button';
import { SwitchAccountButton } from '@/components/invitations/switch-account-button';
import { ROLE_LABELS } from '@/components/members/role-labels';
import { ButtonLink } from '@/components/ui/button';
import { DateTime } from '@/components/ui/date-time';
import { singleSignOnName } from '@/lib/auth/auth-options';
import { getCurrentUser } from '@/lib/auth/current-user';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/password-policy';
import { prisma } from '@/lib/db/prisma';
import { getInvitationByToken } from '@/lib/invitations/get-invitation-by-token';
import { INVITATION_UNAVAILABLE_MESSAGES } from '@/lib/invitations/invitation-status';
import { findOrganizationAccess } from '@/lib/tenancy/organization-access';

// The token is a secret: keep the page out of search engines and its URL out of Referer headers.
export const metadata: Metadata = { title: 'Invitation', robots: { index: false, follow: false }, referrer: 'no-referrer' };

const UNAVAILABLE_TITLES = {
  invalid: 'This invitation link is not valid',
  expired: 'This invitation has expired',
  accepted: 'This invitation has already been used',
  revoked: 'This invitation was revoked',
} as const;

/**
 * /invite/<token>: public. Explains a link that cannot be used (not valid / expired / already used / revoked), or
 * lets the invited person join: a new account (name + password), a sign-in for an existing account, or one
 * click when already signed in as the invited email.
 */
export default async function InvitationPage(props: { params: Promise<{ token: string }> }) {
  const { token } = await props.params;
  const [lookup, user] = await Promise.all([getInvitationByToken(prisma(), token), getCurrentUser()]);
  const selfUrl = `/invite/${encodeURIComponent(token)}`;

  if (lookup.status !== 'pending') {
    const access = user && lookup.status !== 'invalid' ? await findOrganizationAccess(user, lookup.invitation.organization.slug) : null;
    return (
      <InvitationFrame title={UNAVAILABLE_TITLES[lookup.status]}>
        <p className="mt-3 text-ink-muted">{INVITATION_UNAVAILABLE_MESSAGES[lookup.status]}</p>
        <div className="mt-8 flex flex-wrap gap-3">
          {access ? (
            <ButtonLink href={`/o/${access.organization.slug}/accounts`}>Open {access.organization.name}</ButtonLink>
          ) : user ? (
            <ButtonLink href="/o">Go to your organisation</ButtonLink>
          ) : (
            <ButtonLink href="/sign-in">Sign in</ButtonLink>
          )}
          <ButtonLink href="/" variant="secondary">
            Home page
          </ButtonLink>
        </div>
      </InvitationFrame>
    );
  }

  const { invitation } = lookup;
  const { organization } = invitation;
  const intro = (
    <p className="mt-3 text-ink-muted">
      {invitation.invitedByName ?? 'An admin'} invited <strong className="font-medium text-ink">{invitation.email}</strong> to join{' '}
      {organization.name} as {ROLE_LABELS[invitation.role] === 'Admin' ? 'an' : 'a'} {ROLE_LABELS[invitation.role]}. The link works until{' '}
      <DateTime value={invitation.expiresAt} format="dateTime" />.
    </p>
  );

  if (user && user.email.toLowerCase() !== invitation.email) {
    return (
      <InvitationFrame title={`Join ${organization.name}`}>
        {intro}
        <p role="alert" className="mt-6 rounded-md bg-band-at-risk-soft px-3 py-2 text-sm text-band-at-risk-ink">
          You are signed in as {user.email}. This invitation is for {invitation.email}: sign out, then sign in or create
          the account as {invitation.email}.
        </p>
        <div className="mt-6">
          <SwitchAccountButton callbackUrl={selfUrl} />
        </div>
      </InvitationFrame>
    );
  }

  if (user) {
    const access = await findOrganizationAccess(user, organization.slug);
    return (
      <InvitationFrame title={`Join ${organization.name}`}>
        {intro}
        {access ? (
          <>
            <p className="mt-6 text-ink">You are already a member of {organization.name}.</p>
            <div className="mt-6">
              <ButtonLink href={`/o/${organization.slug}/accounts`}>Open {organization.name}</ButtonLink>
            </div>
          </>
        ) : (
          <JoinOrganizationButton token={token} organizationName={organization.name} />
        )}
      </InvitationFrame>
    );
  }

  if (invitation.accountExists) {
    const ssoName = singleSignOnName();
    return (
      <InvitationFrame title={`Join ${organization.name}`}>
        {intro}
        <p className="mt-3 text-ink-muted">You already have a Desired State account. Sign in to accept.</p>
        <InvitationSignInForm email={invitation.email} callbackUrl={selfUrl} singleSignOn={ssoName ? { name: ssoName } : null} />
      </InvitationFrame>
    );
  }

  return (
    <InvitationFrame title={`Join ${organization.name}`}>
      {intro}
      <p className="mt-3 text-ink-muted">Create your account to accept.</p>
      <AcceptAsNewUserForm
        token={token}
        email={invitation.email}
        organizationName={organization.name}
        passwordMinLength={PASSWORD_MIN_LENGTH}
      />
    </InvitationFrame>
  );
}

function InvitationFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6 py-12">
      <Link href="/" className="mb-8 text-sm font-semibold text-brand-700 hover:underline">
        Desired State
      </Link>
      <h1 className="text-2xl font-semibold tracking-tight text-ink">{title}</h1>
      {children}
    </main>
  );
}
