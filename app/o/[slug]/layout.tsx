import type { ReactNode } from 'react';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { AppShell } from '@/components/shell/app-shell';
import { popoverItemClasses } from '@/components/shell/popover';
import { listUserOrganizations, requireOrganizationAccess } from '@/lib/tenancy/organization-access';

export default async function OrganizationLayout(props: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await props.params;
  const access = await requireOrganizationAccess(slug);
  const organizations = await listUserOrganizations(access.user.id);
  return (
    <AppShell
      organization={{ name: access.organization.name, slug: access.organization.slug }}
      organizations={organizations}
      user={{ name: access.user.name, email: access.user.email, role: access.role }}
      signOutSlot={<SignOutButton className={popoverItemClasses} />}
    >
      {props.children}
    </AppShell>
  );
}
