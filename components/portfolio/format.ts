import { formatScore } from '@/lib/scoring/format';

/** Display formatting for portfolio figures (display only: figures are never rounded before this). */
const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

const count = new Intl.NumberFormat('en-US');

export const formatMoney = (value: number | null) => (value === null ? '—' : money.format(value));
/** A count of accounts with thousands separators (50,000, not 50000). */
export const formatCount = (value: number) => count.format(value);
export const formatDay = (date: Date | null) => (date ? day.format(date) : '—');
export const formatPoints = formatScore;
export const formatSigned = (value: number | null) => (value === null ? '—' : `${value > 0 ? '+' : ''}${formatScore(value)}`);
/** How far off a date is, in whole days from today: "today", "tomorrow", "in 12 days". */
export const formatDaysAhead = (days: number) => (days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`);
