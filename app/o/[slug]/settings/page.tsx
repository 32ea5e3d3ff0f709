import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireOrganizationPermission } from '@/lib/tenancy/organization-access';

export const metadata: Metadata = { title: 'Settings' };

const SECTIONS = [
  {
    path: 'scoring',
    title: 'Scoring',
    body: 'Component weights, desired-state targets per segment, band thresholds and the review interval, with their version history.',
  },
  { path: 'members', title: 'Members', body: 'Who has access and with which role; invite people and revoke invitations.' },
  { path: 'taxonomy', title: 'Segments and journey stages', body: 'Add, rename, retire and order the segments and stages accounts are grouped by.' },
  { path: 'audit', title: 'Audit log', body: 'Who did what and when, with before and after; filter it and download it as CSV.' },
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
    </>
  );
}
