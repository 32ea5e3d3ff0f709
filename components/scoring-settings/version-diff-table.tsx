import type { ScoringVersionChange } from '@/lib/scoring-config/list-scoring-versions';

const value = (n: number | null, fallback: string) => (n === null ? fallback : String(n));

/** A version's settings side by side with the previous version's: only what changed (everything for version 1). */
export function VersionDiffTable({ version, changes }: { version: number; changes: ScoringVersionChange[] }) {
  if (changes.length === 0) return <p className="text-sm text-ink-muted">Same settings as version {version - 1}.</p>;
  const first = version === 1;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm">
        <caption className="sr-only">
          {first ? `Settings of version ${version}` : `Changes from version ${version - 1} to version ${version}`}
        </caption>
        <thead className="text-left text-xs text-ink-muted">
          <tr>
            <th scope="col" className="py-1 pr-4 font-medium">Setting</th>
            {first ? null : <th scope="col" className="py-1 pr-4 text-right font-medium">Version {version - 1}</th>}
            <th scope="col" className="py-1 text-right font-medium">Version {version}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.label} className="border-t border-line">
              <th scope="row" className="py-1 pr-4 text-left font-normal text-ink">{c.label}</th>
              {first ? null : <td className="py-1 pr-4 text-right tabular-nums text-ink-muted">{value(c.before, 'default')}</td>}
              <td className="py-1 text-right font-medium tabular-nums text-ink">{value(c.after, 'default')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
