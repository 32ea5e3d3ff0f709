/**
 * A position in the audit log for keyset pagination: the (created_at, id) of an event, as
 * "<epoch milliseconds>_<uuid>" in the URL. Anything malformed reads as "no cursor" (the newest page).
 */
export interface AuditCursor {
  createdAt: Date;
  id: string;
}

const CURSOR_PATTERN = /^(\d{1,15})_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export function encodeAuditCursor(cursor: AuditCursor): string {
  return `${cursor.createdAt.getTime()}_${cursor.id}`;
}

export function decodeAuditCursor(value: unknown): AuditCursor | null {
  if (typeof value !== 'string') return null;
  const match = CURSOR_PATTERN.exec(value.toLowerCase());
  if (!match) return null;
  const createdAt = new Date(Number(match[1]));
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id: match[2]! };
}
