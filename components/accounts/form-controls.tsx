export const inputClasses =
  'h-10 w-full rounded-md border border-line-strong bg-surface px-3 text-sm text-ink aria-invalid:border-band-critical';
export const labelClasses = 'flex flex-col gap-1.5 text-sm font-medium text-ink';

/** Field-level messages under an input, linked by id for aria-describedby. */
export function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="text-xs font-normal text-band-critical-ink">
      {messages.join(' ')}
    </p>
  );
}
