import { cn } from './cn';

export type Band = 'desired' | 'engaged' | 'at_risk' | 'critical';

export const BAND_LABELS: Record<Band, string> = {
  desired: 'Desired state',
  engaged: 'Engaged',
  at_risk: 'At risk',
  critical: 'Critical',
};

// Full class strings so Tailwind sees them. Each band also has its own marker shape, so the band never
// depends on colour alone (the text label carries it; the shape helps scanning a table).
const styles: Record<Band, { badge: string; marker: string }> = {
  desired: {
    badge: 'bg-band-desired-soft text-band-desired-ink border-band-desired-line',
    marker: 'size-2 rounded-full bg-band-desired',
  },
  engaged: {
    badge: 'bg-band-engaged-soft text-band-engaged-ink border-band-engaged-line',
    marker: 'size-2 rounded-full border-2 border-band-engaged',
  },
  at_risk: {
    badge: 'bg-band-at-risk-soft text-band-at-risk-ink border-band-at-risk-line',
    marker: 'size-2 rotate-45 bg-band-at-risk',
  },
  critical: {
    badge: 'bg-band-critical-soft text-band-critical-ink border-band-critical-line',
    marker: 'size-2 bg-band-critical',
  },
};

/** A coloured label for a score band; the visible text is the band's name. */
export function BandBadge({ band, className }: { band: Band; className?: string }) {
  const style = styles[band];
  return (
    <span
      className={cn(
        'inline-flex items-center gap-1.5 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap',
        style.badge,
        className,
      )}
    >
      <span aria-hidden="true" className={cn('shrink-0', style.marker)} />
      {BAND_LABELS[band]}
    </span>
  );
}
