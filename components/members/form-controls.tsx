export { FormMessage } from '@/components/ui/form-message';

export const inputClasses =
  'h-10 w-full rounded-md border border-line-strong bg-surface px-3 text-sm text-ink shadow-sm aria-invalid:border-band-critical';
export const selectClasses = `${inputClasses} pr-8`;
export const labelClasses = 'block text-sm font-medium text-ink';

/** Field-level messages under an input; link them with aria-describedby. */
export function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm text-band-critical-ink">
      {messages.join(' ')}
    </p>
  );
}
