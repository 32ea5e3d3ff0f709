import type { Metadata } from 'next';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireOrganizationPermission } from '@/lib/tenancy/organization-access';

export const metadata: Metadata = { title: 'Settings' };

const SECTIONS = [
  { path: 'members', title: 'Members', body: 'Who has access and with which role; invite people and revoke invitations.' },
  { path: 'audit', title: 'Audit log', body: 'Who did what and when: sign-ins, invitations, role changes and more.' },
  { path: 'organization', title: 'Organisation data', body: 'Export everything as an archive, or delete the organisation.' },
] as const;

export default async function SettingsPage(props: { params: Promise<{ slug: string }> }) {
  const { slug } = await props.params;
  // Pages check access themselves; the layout's check alone is not enough.
  await requireOrganizationPermission(slug, 'settings.read');
  return (
    <>
      <PageHeader title="Settings" description="How this organisation works, and who has access." />
      <ul className="grid gap-4 sm:grid-cols-2">
        {SECTIONS.map((section) => (
          <li key={section.path}>
            <Card className="relative h-full px-5 py-4 transition-colors focus-within:border-brand-600 hover:border-line-strong">
              <h2 className="text-base font-semibold text-ink">
                <Link href={`/o/${slug}/settings/${section.path}`} className="after:absolute after:inset-0 after:rounded-lg">
                  {section.title}
                </Link>
              </h2>
              <p className="mt-1 text-sm text-ink-muted">{section.body}</p>
            </Card>
          </li>
        ))}
      </ul>
      <p className="mt-6 text-sm text-ink-muted">
        Scoring settings — component weights, desired-state targets, band thresholds and the review interval — will
        be set here too.
      </p>
    </>
  );
}
