import { notFound, redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/current-user';
import { listUserOrganizations } from '@/lib/tenancy/organization-access';

/** After sign-in: the user's first organisation. */
export default async function OrganizationsIndexPage() {
  const user = await requireUser();
  const [first] = await listUserOrganizations(user.id);
  if (!first) notFound();
  redirect(`/o/${first.slug}/accounts`);
}
