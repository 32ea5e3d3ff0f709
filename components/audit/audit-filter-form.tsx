import { inputClasses, labelClasses, selectClasses } from '@/components/members/form-controls';
import { Button, ButtonLink } from '@/components/ui/button';
import type { AuditFilters } from '@/lib/audit/audit-filters';
import type { AuditFilterOptions } from '@/lib/audit/list-audit-filter-options';

/**
 * The audit log's filters as a plain GET form, so they live in the URL (shareable, back button works, no script
 * needed). Offers only actors, actions and entity types that occur in this organisation's log.
 */
export function AuditFilterForm({ action, filters, options }: { action: string; filters: AuditFilters; options: AuditFilterOptions }) {
  const kind = filters.kind ? `${filters.kind.by}:${filters.kind.value}` : '';
  return (
    <form method="get" action={action} aria-label="Filter the audit log" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_10rem_10rem_auto]">
      <div>
        <label htmlFor="audit-actor" className={labelClasses}>
          Who
        </label>
        <select id="audit-actor" name="actor" defaultValue={filters.actor ?? ''} className={`mt-1 ${selectClasses}`}>
          <option value="">Anyone</option>
          <option value="system">System (no person)</option>
          {options.actors.map((actor) => (
            <option key={actor.userId} value={actor.userId}>
              {actor.name} ({actor.email})
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="audit-kind" className={labelClasses}>
          What
        </label>
        <select id="audit-kind" name="kind" defaultValue={kind} className={`mt-1 ${selectClasses}`}>
          <option value="">Any kind</option>
          <optgroup label="Action">
            {options.actions.map((value) => (
              <option key={value} value={`action:${value}`}>
                {value}
              </option>
            ))}
          </optgroup>
          <optgroup label="Anything about a…">
            {options.entityTypes.map((value) => (
              <option key={value} value={`entity:${value}`}>
                {value.replaceAll('_', ' ')}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      <div>
        <label htmlFor="audit-from" className={labelClasses}>
          From (UTC)
        </label>
        <input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ''} className={`mt-1 ${inputClasses}`} />
      </div>
      <div>
        <label htmlFor="audit-to" className={labelClasses}>
          To (UTC)
        </label>
        <input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ''} className={`mt-1 ${inputClasses}`} />
      </div>
      <div className="flex items-end gap-2">
        <Button type="submit">Apply</Button>
        <ButtonLink href={action} variant="ghost">
          Clear
        </ButtonLink>
      </div>
    </form>
  );
}
