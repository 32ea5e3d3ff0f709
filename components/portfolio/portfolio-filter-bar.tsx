'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { BAND_LABELS } from '@/components/ui/band-badge';
import { Button } from '@/components/ui/button';
import {
  PORTFOLIO_BANDS,
  PORTFOLIO_RENEWAL_WINDOWS,
  hasPortfolioFilters,
  portfolioHref,
  type PortfolioFilters,
} from '@/lib/portfolio/portfolio-filters';

const field = 'h-9 rounded-md border border-line-strong bg-surface px-2 text-sm text-ink';
const label = 'flex flex-col gap-1 text-xs font-medium text-ink-muted';

export interface FilterOptions {
  segments: { id: string; name: string }[];
  stages: { id: string; name: string }[];
  /** Empty for CSMs (their owner filter is always themselves). */
  owners: { id: string; name: string }[];
}

/**
 * The shared portfolio filters. Choosing a value pushes it into the URL at once (shareable links; the server
 * renders the filtered view); the ARR range applies on "Apply". `extra` keeps the view's own params (heatmap grouping…).
 */
export function PortfolioFilterBar({
  filters,
  options,
  extra = {},
}: {
  filters: PortfolioFilters;
  options: FilterOptions;
  extra?: Record<string, string | undefined>;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const [arrMin, setArrMin] = useState(filters.arrMin === undefined ? '' : String(filters.arrMin));
  const [arrMax, setArrMax] = useState(filters.arrMax === undefined ? '' : String(filters.arrMax));

  const push = (next: PortfolioFilters) => startTransition(() => router.push(portfolioHref(pathname, next, extra)));
  const set = (key: 'segment' | 'owner' | 'stage' | 'band' | 'renewal', value: string) =>
    push({ ...filters, [key]: value === '' ? undefined : key === 'renewal' ? Number(value) : value });
  const amount = (text: string) => (text.trim() === '' || !(Number(text) >= 0) ? undefined : Number(text));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    push({ ...filters, arrMin: amount(arrMin), arrMax: amount(arrMax) });
  };

  return (
    <form role="search" aria-label="Filter the portfolio" onSubmit={apply} aria-busy={pending} className="mb-6 flex flex-wrap items-end gap-3">
      <label className={label}>
        Segment
        <select name="segment" value={filters.segment ?? ''} onChange={(e) => set('segment', e.target.value)} className={field}>
          <option value="">Any segment</option>
          {options.segments.map((s) => (
            <option key={s.id} value={s.id}>{s.name}</option>
          ))}
          <option value="none">No segment</option>
        </select>
      </label>
      {options.owners.length > 0 ? (
        <label className={label}>
          CSM
          <select name="owner" value={filters.owner ?? ''} onChange={(e) => set('owner', e.target.value)} className={field}>
            <option value="">Any CSM</option>
            {options.owners.map((o) => (
              <option key={o.id} value={o.id}>{o.name}</option>
            ))}
            <option value="none">Unassigned</option>
          </select>
        </label>
      ) : null}
      <label className={label}>
        Journey stage
        <select name="stage" value={filters.stage ?? ''} onChange={(e) => set('stage', e.target.value)} className={field}>
          <option value="">Any stage</option>
          {options.stages.map((s) => (
            <option key={s.id} value={s.id}>{s.name}</option>
          ))}
          <option value="none">No stage</option>
        </select>
      </label>
      <label className={label}>
        Band
        <select name="band" value={filters.band ?? ''} onChange={(e) => set('band', e.target.value)} className={field}>
          <option value="">Any band</option>
          {PORTFOLIO_BANDS.map((band) => (
            <option key={band} value={band}>{BAND_LABELS[band]}</option>
          ))}
        </select>
      </label>
      <label className={label}>
        Renewal
        <select name="renewal" value={filters.renewal ? String(filters.renewal) : ''} onChange={(e) => set('renewal', e.target.value)} className={field}>
          <option value="">Any date</option>
          {PORTFOLIO_RENEWAL_WINDOWS.map((days) => (
            <option key={days} value={days}>In the next {days} days</option>
          ))}
        </select>
      </label>
      <label className={label}>
        ARR from
        <input name="arrMin" inputMode="decimal" value={arrMin} onChange={(e) => setArrMin(e.target.value)} className={`${field} w-28`} placeholder="0" />
      </label>
      <label className={label}>
        ARR to
        <input name="arrMax" inputMode="decimal" value={arrMax} onChange={(e) => setArrMax(e.target.value)} className={`${field} w-28`} placeholder="any" />
      </label>
      <Button type="submit" variant="secondary" size="sm" className="h-9">
        Apply
      </Button>
      {hasPortfolioFilters(filters) ? (
        <Button variant="ghost" size="sm" className="h-9" onClick={() => { setArrMin(''); setArrMax(''); push({}); }}>
          Clear filters
        </Button>
      ) : null}
    </form>
  );
}
