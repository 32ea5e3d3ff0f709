import { cn } from './cn';

export type Band = 'desired' | 'engaged' | 'at_risk' | 'critical';

export const BAND_LABELS: Record<Band, string> = {
  desired: 'Desired state',
  engaged: 'Engaged',
  at_risk: 'At risk',
  critical: 'Critical',
};

/**
 * A coloured label for a score band; the visible text is the band's name. Styled by `.band-badge` in
 * app/globals.css (colours and a marker shape per band, so the band never depends on colour alone).
 */
export function BandBadge({ band, className }: { band: Band; className?: string }) {
  return <span className={cn('band-badge', band, className)}>{BAND_LABELS[band]}</span>;
}
