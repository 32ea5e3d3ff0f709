/** Display formatting for account figures (display only: stored values are never rounded). */
const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export const formatArr = (arr: string | null) => (arr === null ? '—' : money.format(Number(arr)));
export const formatDay = (date: Date | null) => (date ? day.format(date) : '—');
