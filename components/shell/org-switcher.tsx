import Link from '@/components/ui/link';
import { Chevron } from './chevron';
import { Popover, popoverItemClasses } from './popover';
import { cn } from '@/components/ui/cn';

type Org = { name: string; slug: string };

/** The current organisation's name; with more than one membership, a menu of them (each opens its accounts). */
export function OrgSwitcher({ organization, organizations }: { organization: Org; organizations: Org[] }) {
  const others = organizations.filter((org) => org.slug !== organization.slug);
  if (others.length === 0) {
    return <span className="truncate px-2 text-sm font-medium text-ink">{organization.name}</span>;
  }
  return (
    <Popover
      align="start"
      triggerClassName="max-w-[16rem] font-medium text-ink"
      trigger={
        <>
          <span className="truncate">{organization.name}</span>
          <span className="sr-only">, switch organisation</span>
          <Chevron />
        </>
      }
    >
      <p className="px-3 pt-2 pb-1 text-xs font-medium text-ink-subtle">Organisations</p>
      <ul>
        {organizations.map((org) => {
          const current = org.slug === organization.slug;
          return (
            <li key={org.slug}>
              <Link
                href={`/o/${org.slug}/accounts`}
                aria-current={current ? 'true' : undefined}
                className={cn(popoverItemClasses, current && 'font-medium')}
              >
                <span className="min-w-0 flex-1 truncate">{org.name}</span>
                {current ? (
                  <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 shrink-0 text-brand-600" fill="none">
                    <path d="m3.5 8.5 3 3 6-7" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round" />
                  </svg>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </Popover>
  );
}
