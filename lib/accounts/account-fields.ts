import { z } from 'zod';

/**
 * Field rules shared by the account forms, the server actions and the CSV import, so a value the form accepts
 * is exactly a value the import accepts. Pure (no I/O).
 */

export const MAX_ACCOUNT_NAME = 200;
export const MAX_EXTERNAL_ID = 100;
/** numeric(14,2) holds up to 12 digits before the point. */
const MAX_ARR = 999_999_999_999.99;

/** ARR as typed by a person or a CRM export: "120000", "120,000.50", "$ 1 200". Null when empty; error text when bad. */
export function parseArr(text: string): { ok: true; value: string | null } | { ok: false; message: string } {
  const cleaned = text.trim().replace(/^[$€£]/, '').replace(/[,\s]/g, '');
  if (cleaned === '') return { ok: true, value: null };
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) {
    return { ok: false, message: `ARR "${text.trim()}" is not an amount (use digits, e.g. 120000 or 120000.50, not negative).` };
  }
  if (Number(cleaned) > MAX_ARR) return { ok: false, message: 'ARR is too large (at most 999,999,999,999.99).' };
  return { ok: true, value: cleaned.replace(/^0+(?=\d)/, '') };
}

/** A calendar date written YYYY-MM-DD. Null when empty; error text when it is not a real date. */
export function parseIsoDate(text: string): { ok: true; value: string | null } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!match || !date || date.toISOString().slice(0, 10) !== trimmed || date.getUTCFullYear() < 1900) {
    return { ok: false, message: `Renewal date "${trimmed}" is not a date in the form YYYY-MM-DD.` };
  }
  return { ok: true, value: trimmed };
}

const emptyToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);
const optionalId = z.preprocess(emptyToNull, z.uuid('Choose one from the list.').nullable().default(null));

/** The editable fields of an account (owner excluded: it has its own permission). */
export const accountFieldsSchema = z.object({
  name: z
    .string('Enter a name.')
    .trim()
    .min(1, 'Enter a name.')
    .max(MAX_ACCOUNT_NAME, `At most ${MAX_ACCOUNT_NAME} characters.`),
  externalId: z.preprocess(
    emptyToNull,
    z.string().trim().max(MAX_EXTERNAL_ID, `At most ${MAX_EXTERNAL_ID} characters.`).nullable().default(null),
  ),
  segmentId: optionalId,
  journeyStageId: optionalId,
  arr: z
    .preprocess((value) => (value === undefined || value === null ? '' : String(value)), z.string())
    .transform((value, ctx) => {
      const parsed = parseArr(value);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: parsed.message });
        return z.NEVER;
      }
      return parsed.value;
    }),
  renewalDate: z
    .preprocess((value) => (value === undefined || value === null ? '' : String(value)), z.string())
    .transform((value, ctx) => {
      const parsed = parseIsoDate(value);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: parsed.message });
        return z.NEVER;
      }
      return parsed.value;
    }),
});
export type AccountFields = z.output<typeof accountFieldsSchema>;

export const accountIdSchema = z.uuid('Unknown account.');
export const accountVersionSchema = z.coerce.number('Reload the page and try again.').int().min(1);

/** The state of an account as audit events record it (before / after). */
export interface AccountSnapshot {
  name: string;
  externalId: string | null;
  segmentId: string | null;
  journeyStageId: string | null;
  ownerUserId: string | null;
  arr: string | null;
  renewalDate: string | null;
  archivedAt: string | null;
  version: number;
}
