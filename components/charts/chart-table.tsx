import type { ReactNode } from 'react';

/** The accessible alternative every chart carries: the same figures as a table, one click (or key) away. */
export function ChartTable({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-brand-700 hover:underline">Show as a table</summary>
      <div className="mt-2 overflow-x-auto">
        <table className="min-w-full text-xs">
          <caption className="sr-only">{caption}</caption>
          {children}
        </table>
      </div>
    </details>
  );
}
