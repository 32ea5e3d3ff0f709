import { z } from 'zod';

/**
 * The audit log's filters as they travel in the URL (?actor=&kind=&from=&to=), shared by the page and the CSV
 * export so the file holds exactly what the page shows. Pure (no I/O). A bad value is dropped with a message
 * saying why, rather than failing the whole page.
 *
 * - actor: a user id, or "system" for events with no person behind them;
 * - kind: "action:<action>" (e.g. action:member.removed) or "entity:<entity type>" (e.g. entity:account);
 * - from / to: UTC calendar days, both inclusive.
 */
export interface AuditFilters {
  actor: string | null;
  kind: { by: 'action' | 'entity'; value: string } | null;
  from: string | null;
  to: string | null;
}

export const NO_AUDIT_FILTERS: AuditFilters = { actor: null, kind: null, from: null, to: null };

const UNKNOWN_ACTOR = 'Unknown person; showing everyone.';
const actorSchema = z.union([z.literal('system', UNKNOWN_ACTOR), z.uuid(UNKNOWN_ACTOR)], UNKNOWN_ACTOR);
const kindSchema = z
  .string()
  .regex(/^(action|entity):[a-z0-9_.]{1,80}$/, 'Unknown kind of event; showing every kind.')
  .transform((text) => {
    const [by, value] = text.split(/:(.*)/s) as ['action' | 'entity', string];
    return { by, value };
  });
const daySchema = (label: string) =>
  z.iso.date(`The ${label} date must be a date in the form YYYY-MM-DD; it was ignored.`).refine((day) => day >= '1900-01-01', {
    message: `The ${label} date is too early; it was ignored.`,
  });

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: RawParams, key: string): string | undefined {
  const raw = params instanceof URLSearchParams ? params.get(key) ?? undefined : params[key];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

export function parseAuditFilters(params: RawParams): { filters: AuditFilters; errors: string[] } {
  const errors: string[] = [];
  const field = <T>(key: string, schema: z.ZodType<T>): T | null => {
    const raw = read(params, key);
    if (raw === undefined) return null;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    errors.push(parsed.error.issues[0]?.message ?? `The ${key} filter was ignored.`);
    return null;
  };
  const filters: AuditFilters = {
    actor: field('actor', actorSchema),
    kind: field('kind', kindSchema),
    from: field('from', daySchema('start')),
    to: field('to', daySchema('end')),
  };
  if (filters.from && filters.to && filters.from > filters.to) {
    errors.push('The start date is after the end date; the dates were ignored.');
    filters.from = null;
    filters.to = null;
  }
  return { filters, errors };
}

/** The filters as URL search parameters (empty ones left out), for links and the export. */
export function auditFilterSearchParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.actor) params.set('actor', filters.actor);
  if (filters.kind) params.set('kind', `${filters.kind.by}:${filters.kind.value}`);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  return params;
}

export const hasAuditFilters = (filters: AuditFilters) => Boolean(filters.actor || filters.kind || filters.from || filters.to);

/** The filters as a Prisma condition on audit_event (the organisation condition is added by the caller). */
export function auditFilterWhere(filters: AuditFilters) {
  const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);
  return {
    ...(filters.actor ? { actorUserId: filters.actor === 'system' ? null : filters.actor } : {}),
    ...(filters.kind ? (filters.kind.by === 'action' ? { action: filters.kind.value } : { entityType: filters.kind.value }) : {}),
    ...(filters.from || filters.to
      ? {
          createdAt: {
            ...(filters.from ? { gte: new Date(`${filters.from}T00:00:00Z`) } : {}),
            ...(filters.to ? { lt: nextDay(filters.to) } : {}),
          },
        }
      : {}),
  };
}
