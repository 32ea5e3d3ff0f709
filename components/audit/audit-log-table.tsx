import { cn } from '@/components/ui/cn';
import { DateTime } from '@/components/ui/date-time';
import { auditChanges } from '@/lib/audit/audit-diff';
import type { AuditEventRow } from '@/lib/audit/list-audit-events';

/** What known actions mean in words; anything else shows its code. */
const ACTION_LABELS: Record<string, string> = {
  'auth.sign_in': 'Signed in',
  'auth.sign_in_failed': 'Failed sign-in',
  'auth.locked_out': 'Locked out',
  'organization.created': 'Organisation created',
  'organization.exported': 'Organisation data exported',
  'invitation.issued': 'Invitation issued',
  'invitation.accepted': 'Invitation accepted',
  'invitation.revoked': 'Invitation revoked',
  'member.role_changed': 'Role changed',
  'member.removed': 'Member removed',
  'accounts.owner_reassigned': 'Accounts reassigned',
  'account.created': 'Account created',
  'account.updated': 'Account edited',
  'account.archived': 'Account archived',
  'account.restored': 'Account restored',
  'account.owner_assigned': 'Owner assigned',
  'accounts.imported': 'Accounts imported',
  'assessment.started': 'Assessment started',
  'assessment.submitted': 'Assessment submitted',
  'segment.created': 'Segment added',
  'segment.updated': 'Segment renamed',
  'segment.retired': 'Segment retired',
  'segment.restored': 'Segment restored',
  'journey_stage.created': 'Stage added',
  'journey_stage.updated': 'Stage renamed',
  'journey_stage.retired': 'Stage retired',
  'journey_stage.restored': 'Stage restored',
  'journey_stage.moved': 'Stage moved',
  'scoring.configuration_saved': 'Scoring settings saved',
  'scoring.configuration_restored': 'Scoring settings restored',
  'organization.review_interval_changed': 'Review interval changed',
};

/** The audit log, newest first: when, who, what, on which entity, and a compact before → after diff. */
export function AuditLogTable({ rows }: { rows: AuditEventRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Audit events, newest first</caption>
        <thead className="border-b border-line text-xs font-medium text-ink-muted">
          <tr>
            <th scope="col" className="px-5 py-2 font-medium">
              When
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Who
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Action
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Entity
            </th>
            <th scope="col" className="px-5 py-2 font-medium">
              Changes
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map((row) => (
            <tr key={row.id} className="align-top">
              <td className="px-5 py-3 whitespace-nowrap text-ink-muted">
                <DateTime value={row.createdAt} format="dateTime" />
              </td>
              <td className="px-3 py-3">
                {row.actor ? (
                  <>
                    <span className="text-ink">{row.actor.name}</span>
                    <span className="block text-xs text-ink-muted">{row.actor.email}</span>
                  </>
                ) : (
                  <span className="text-ink-muted italic">system</span>
                )}
              </td>
              <td className="px-3 py-3">
                {ACTION_LABELS[row.action] ? <span className="block text-ink">{ACTION_LABELS[row.action]}</span> : null}
                <code className={cn('block text-xs', ACTION_LABELS[row.action] ? 'text-ink-subtle' : 'text-ink')}>{row.action}</code>
              </td>
              <td className="px-3 py-3">
                {row.entityLabel ? <span className="block text-ink">{row.entityLabel}</span> : null}
                <span className={cn('block text-xs', row.entityLabel ? 'text-ink-subtle' : 'text-ink')}>
                  {row.entityType}
                  {row.entityId ? <span title={row.entityId}>{` · ${row.entityId.slice(0, 8)}`}</span> : null}
                </span>
              </td>
              <td className="px-5 py-3">
                <AuditChanges before={row.before} after={row.after} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AuditChanges({ before, after }: { before: unknown; after: unknown }) {
  const changes = auditChanges(before, after);
  if (changes.length === 0) return <span className="text-ink-subtle">—</span>;
  return (
    <ul className="space-y-0.5 font-mono text-xs">
      {changes.map((change) => (
        <li key={change.key} className={cn('break-all', change.kind === 'same' ? 'text-ink-subtle' : 'text-ink')}>
          {change.key ? <span className="text-ink-muted">{change.key}: </span> : null}
          {change.kind === 'changed' ? (
            <>
              <del className="text-band-critical-ink no-underline">{change.before}</del>
              <span aria-hidden="true"> → </span>
              <span className="sr-only"> changed to </span>
              <ins className="text-band-desired-ink no-underline">{change.after}</ins>
            </>
          ) : change.kind === 'removed' ? (
            <del className="text-band-critical-ink">{change.before}</del>
          ) : (
            <span>{change.after}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
