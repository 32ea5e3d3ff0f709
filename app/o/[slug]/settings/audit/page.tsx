import type { Metadata } from 'next';
import Link from 'next/link';
import { AuditLogTable } from '@/components/audit/audit-log-table';
import { buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { decodeAuditCursor } from '@/lib/audit/audit-cursor';
import { AUDIT_PAGE_SIZE, listAuditEvents } from '@/lib/audit/list-audit-events';
import { prisma } from '@/lib/db/prisma';
import { requireOrganizationPermission } from '@/lib/tenancy/organization-access';
import { actorOf } from '@/lib/tenancy/require-actor-permission';

export const metadata: Metadata = { title: 'Audit log' };

type SearchParams = { before?: string | string[]; after?: string | string[] };

export default async function AuditLogPage(props: { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> }) {
  const { slug } = await props.params;
  const access = await requireOrganizationPermission(slug, 'audit.read');
  const search = await props.searchParams;
  const before = decodeAuditCursor(search.before);
  const after = before ? null : decodeAuditCursor(search.after);
  const page = await listAuditEvents(prisma(), actorOf(access), { before, after });
  const base = `/o/${slug}/settings/audit`;

  const pagerLink = (href: string | null, text: string, rel?: 'prev' | 'next') =>
    href ? (
      <Link href={href} rel={rel} className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
        {text}
      </Link>
    ) : (
      <span aria-disabled="true" className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
        {text}
      </span>
    );

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/o/${slug}/settings`} className="font-medium text-brand-700 hover:underline">
          Settings
        </Link>
      </p>
      <PageHeader
        title="Audit log"
        description={`Who did what in ${access.organization.name}, newest first, ${AUDIT_PAGE_SIZE} events per page. Times are UTC.`}
      />
      {page.rows.length === 0 ? (
        before || after ? (
          <EmptyState
            title="No events on this page"
            body={<p>There is nothing further in this direction.</p>}
            action={pagerLink(base, 'Back to the newest events')}
          />
        ) : (
          <EmptyState title="Nothing recorded yet" body={<p>Events appear as people sign in, invite, change roles and more.</p>} />
        )
      ) : (
        <>
          <Card>
            <AuditLogTable rows={page.rows} />
          </Card>
          <nav aria-label="Audit log pages" className="mt-4 flex items-center justify-end gap-2">
            {pagerLink(page.newerCursor ? base : null, 'Newest')}
            {pagerLink(page.newerCursor ? `${base}?after=${page.newerCursor}` : null, 'Newer', 'prev')}
            {pagerLink(page.olderCursor ? `${base}?before=${page.olderCursor}` : null, 'Older', 'next')}
          </nav>
        </>
      )}
    </>
  );
}
