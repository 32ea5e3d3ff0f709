const formats = {
  date: { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' },
  dateTime: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/** A <time> with a machine-readable value; shown in UTC so server and browser render the same text. */
export function DateTime({ value, format = 'date', className }: { value: Date | string; format?: keyof typeof formats; className?: string }) {
  const date = typeof value === 'string' ? new Date(value) : value;
  const text = new Intl.DateTimeFormat('en-GB', formats[format]).format(date);
  return (
    <time dateTime={date.toISOString()} className={className} title={date.toISOString()}>
      {format === 'dateTime' ? `${text} UTC` : text}
    </time>
  );
}
