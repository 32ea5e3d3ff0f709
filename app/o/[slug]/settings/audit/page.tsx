import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { AuditFilterForm } from '@/components/audit/audit-filter-form';
import { AuditLogTable } from '@/components/audit/audit-log-table';
import { FormMessage } from '@/components/ui/form-message';
import { buttonClasses } from '@/components/ui/button';
import { Card, CardBody } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { decodeAuditCursor } from '@/lib/audit/audit-cursor';
import { auditFilterSearchParams, hasAuditFilters, parseAuditFilters } from '@/lib/audit/audit-filters';
import { AUDIT_PAGE_SIZE, listAuditEvents } from '@/lib/audit/list-audit-events';
import { listAuditFilterOptions } from '@/lib/audit/list-audit-filter-options';
import { prisma } from '@/lib/db/prisma';
import { requireOrganizationPermission } from '@/lib/tenancy/organization-access';
import { actorOf } from '@/lib/tenancy/require-actor-permission';

export const metadata: Metadata = { title: 'Audit log' };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function AuditLogPage(props: { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> }) {
  const { slug } = await props.params;
  const access = await requireOrganizationPermission(slug, 'audit.read');
  const search = await props.searchParams;
  const { filters, errors } = parseAuditFilters(search);
  const before = decodeAuditCursor(search.before);
  const after = before ? null : decodeAuditCursor(search.after);
  const actor = actorOf(access);
  const [page, options] = await Promise.all([
    listAuditEvents(prisma(), actor, { before, after, filters }),
    listAuditFilterOptions(prisma(), actor),
  ]);
  const base = `/o/${slug}/settings/audit`;
  const filterQuery = auditFilterSearchParams(filters).toString();
  // Pager links keep the filters; a cursor is added on top.
  const pageHref = (cursor?: { key: 'before' | 'after'; value: string }) => {
    const params = auditFilterSearchParams(filters);
    if (cursor) params.set(cursor.key, cursor.value);
    const query = params.toString();
    return query ? `${base}?${query}` : base;
  };
  const exportHref = `/api/o/${slug}/audit/export${filterQuery ? `?${filterQuery}` : ''}`;

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
        actions={
          <a href={exportHref} download className={buttonClasses({ variant: 'secondary' })}>
            Download CSV{hasAuditFilters(filters) ? ' (filtered)' : ''}
          </a>
        }
      />
      <Card className="mb-6">
        <CardBody>
          <AuditFilterForm action={base} filters={filters} options={options} />
        </CardBody>
      </Card>
      {errors.length > 0 ? (
        <FormMessage tone="error" className="mb-4">
          {errors.join(' ')}
        </FormMessage>
      ) : null}
      <p role="status" className="sr-only">
        {page.rows.length === 0 ? 'No events match.' : `Showing ${page.rows.length} event${page.rows.length === 1 ? '' : 's'}.`}
      </p>
      {page.rows.length === 0 ? (
        before || after ? (
          <EmptyState
            title="No events on this page"
            body={<p>There is nothing further in this direction.</p>}
            action={pagerLink(pageHref(), 'Back to the newest events')}
          />
        ) : hasAuditFilters(filters) ? (
          <EmptyState title="No events match these filters" body={<p>Widen the dates or choose another person or kind.</p>} action={pagerLink(base, 'Clear the filters')} />
        ) : (
          <EmptyState title="Nothing recorded yet" body={<p>Events appear as people sign in, invite, change roles and more.</p>} />
        )
      ) : (
        <>
          <Card>
            <AuditLogTable rows={page.rows} />
          </Card>
          <nav aria-label="Audit log pages" className="mt-4 flex items-center justify-end gap-2">
            {pagerLink(page.newerCursor ? pageHref() : null, 'Newest')}
            {pagerLink(page.newerCursor ? pageHref({ key: 'after', value: page.newerCursor }) : null, 'Newer', 'prev')}
            {pagerLink(page.olderCursor ? pageHref({ key: 'before', value: page.olderCursor }) : null, 'Older', 'next')}
          </nav>
        </>
      )}
    </>
  );
}
