import type { ReactNode } from 'react';
import { buttonClasses } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';

/**
 * A chart or table panel: title, a CSV link for the data behind it, the chart (hidden from assistive technology,
 * which gets the table instead) and the same data as a table in a <details>.
 */
export function ChartCard({
  title,
  description,
  csvHref,
  chart,
  table,
  tableLabel = 'Show the data as a table',
  className,
}: {
  title: string;
  description?: ReactNode;
  csvHref: string;
  chart?: ReactNode;
  table: ReactNode;
  tableLabel?: string;
  className?: string;
}) {
  return (
    <Card className={className}>
      <CardHeader
        title={title}
        description={description}
        actions={
          <a href={csvHref} download className={buttonClasses({ variant: 'secondary', size: 'sm' })} aria-label={`Export ${title} as CSV`}>
            CSV
          </a>
        }
      />
      <CardBody>
        {chart ? (
          <>
            <div aria-hidden="true">{chart}</div>
            <details className="mt-3 text-sm">
              <summary className="cursor-pointer text-ink-muted hover:text-ink">{tableLabel}</summary>
              <div className="mt-2 overflow-x-auto">{table}</div>
            </details>
          </>
        ) : (
          <div className="overflow-x-auto">{table}</div>
        )}
      </CardBody>
    </Card>
  );
}

export const tableClasses = 'w-full text-left text-sm';
/**
 * Column header, cell and row header of the portfolio tables: one short class each (`.pth`, `.ptd`, `.prow` in
 * app/globals.css) rather than a class list repeated on every cell in the HTML and in the RSC payload.
 */
export const thClasses = 'pth';
export const tdClasses = 'ptd';
/** A row header (`<th scope="row">`) whose link is the row's name. */
export const rowHeaderClasses = 'prow';
