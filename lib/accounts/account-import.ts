import { parse } from 'csv-parse/sync';
import type { Tx } from '@/lib/db/tenant';
import { MAX_ACCOUNT_NAME, MAX_EXTERNAL_ID, parseArr, parseIsoDate } from './account-fields';

/**
 * Reads and checks an accounts CSV against the organisation's segments, stages and members. Used by both the
 * preview and the confirm step: confirm re-reads the file the user confirms and writes nothing unless every row
 * is valid, so the preview's client state is never trusted.
 */

/** Keeps the file within Next's 1 MB server-action body (the text travels JSON-encoded). */
export const MAX_IMPORT_BYTES = 800_000;
export const MAX_IMPORT_ROWS = 5_000;

export const IMPORT_COLUMNS = ['name', 'externalId', 'segment', 'ownerEmail', 'arr', 'renewalDate', 'stage'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Header spellings we accept, compared lower-case with spaces, dashes and underscores removed. */
const HEADER_ALIASES: Record<string, ImportColumn> = {
  name: 'name',
  accountname: 'name',
  account: 'name',
  externalid: 'externalId',
  crmid: 'externalId',
  segment: 'segment',
  tier: 'segment',
  owneremail: 'ownerEmail',
  arr: 'arr',
  renewaldate: 'renewalDate',
  renewal: 'renewalDate',
  stage: 'stage',
  journeystage: 'stage',
};

export interface ImportRowValues {
  name: string;
  externalId: string | null;
  segment: string | null;
  ownerEmail: string | null;
  arr: string | null;
  renewalDate: string | null;
  stage: string | null;
}

export interface ImportRowResolved {
  name: string;
  externalId: string | null;
  segmentId: string | null;
  ownerUserId: string | null;
  journeyStageId: string | null;
  arr: string | null;
  renewalDate: string | null;
}

export interface ImportRow {
  /** Line in the file where the record starts (the header is line 1). */
  line: number;
  values: ImportRowValues;
  /** 'update' when an account with this external id exists already. */
  action: 'create' | 'update';
  errors: string[];
  resolved: ImportRowResolved | null;
}

export interface AccountImportCheck {
  rows: ImportRow[];
  /** Problems with the file as a whole (unreadable, no name column, too big); no row can be imported then. */
  fileErrors: string[];
  ignoredColumns: string[];
  counts: { rows: number; invalid: number; create: number; update: number };
}

const normalizeHeader = (header: string) => header.toLowerCase().replace(/[\s_\-.]/g, '');
const blankToNull = (value: string | undefined) => (value === undefined || value.trim() === '' ? null : value.trim());

function emptyCheck(fileErrors: string[]): AccountImportCheck {
  return { rows: [], fileErrors, ignoredColumns: [], counts: { rows: 0, invalid: 0, create: 0, update: 0 } };
}

export async function checkAccountImport(tx: Tx, organizationId: string, csv: string): Promise<AccountImportCheck> {
  if (Buffer.byteLength(csv, 'utf8') > MAX_IMPORT_BYTES) {
    return emptyCheck([`The file is larger than ${Math.round(MAX_IMPORT_BYTES / 1000)} KB; split it into smaller files.`]);
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(csv, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return emptyCheck([`The file is not valid CSV${line ? ` (line ${line})` : ''}: ${(error as Error).message.split(':')[0]}.`]);
  }
  const [header, ...data] = records;
  if (!header) return emptyCheck(['The file is empty. The first line must name the columns, e.g. name,external id,segment,owner email,ARR,renewal date,stage.']);

  const columns = new Map<ImportColumn, number>();
  const ignoredColumns: string[] = [];
  const fileErrors: string[] = [];
  header.record.forEach((title, index) => {
    const column = HEADER_ALIASES[normalizeHeader(title)];
    if (!column) ignoredColumns.push(title);
    else if (columns.has(column)) fileErrors.push(`The column "${title}" appears twice.`);
    else columns.set(column, index);
  });
  if (!columns.has('name')) fileErrors.push('The file has no "name" column (the first line must name the columns).');
  if (data.length === 0) fileErrors.push('The file has no account rows below its header line.');
  if (data.length > MAX_IMPORT_ROWS) fileErrors.push(`The file has ${data.length} rows; import at most ${MAX_IMPORT_ROWS} at a time.`);
  if (fileErrors.length > 0) return { ...emptyCheck(fileErrors), ignoredColumns };

  const reference = await loadImportReference(tx, organizationId, data.map(({ record }) => record[columns.get('externalId') ?? -1]));
  const seenExternalIds = new Map<string, number>();
  const rows = data.map(({ record, info }): ImportRow => {
    const line = info.lines - record.reduce((newlines, field) => newlines + (field.match(/\n/g)?.length ?? 0), 0);
    const cell = (column: ImportColumn) => blankToNull(columns.has(column) ? record[columns.get(column)!] : undefined);
    const values: ImportRowValues = {
      name: cell('name') ?? '',
      externalId: cell('externalId'),
      segment: cell('segment'),
      ownerEmail: cell('ownerEmail'),
      arr: cell('arr'),
      renewalDate: cell('renewalDate'),
      stage: cell('stage'),
    };
    const errors: string[] = [];
    if (record.length !== header.record.length) {
      errors.push(`Has ${record.length} values but the header names ${header.record.length} columns.`);
    }
    if (!values.name) errors.push('Name is missing.');
    else if (values.name.length > MAX_ACCOUNT_NAME) errors.push(`Name is longer than ${MAX_ACCOUNT_NAME} characters.`);
    if (values.externalId && values.externalId.length > MAX_EXTERNAL_ID) {
      errors.push(`External id is longer than ${MAX_EXTERNAL_ID} characters.`);
    }
    if (values.externalId) {
      const firstLine = seenExternalIds.get(values.externalId);
      if (firstLine !== undefined) errors.push(`External id "${values.externalId}" is also on line ${firstLine}.`);
      else seenExternalIds.set(values.externalId, line);
    }
    const segmentId = values.segment ? reference.segments.get(values.segment.toLowerCase()) : null;
    if (segmentId === undefined) errors.push(`Unknown segment "${values.segment}" (expected one of: ${reference.segmentNames.join(', ')}).`);
    const journeyStageId = values.stage ? reference.stages.get(values.stage.toLowerCase()) : null;
    if (journeyStageId === undefined) errors.push(`Unknown stage "${values.stage}" (expected one of: ${reference.stageNames.join(', ')}).`);
    const ownerUserId = values.ownerEmail ? reference.members.get(values.ownerEmail.toLowerCase()) : null;
    if (ownerUserId === undefined) errors.push(`Owner "${values.ownerEmail}" is not a member of this organisation.`);
    const arr = parseArr(values.arr ?? '');
    if (!arr.ok) errors.push(arr.message);
    const renewal = parseIsoDate(values.renewalDate ?? '');
    if (!renewal.ok) errors.push(renewal.message);
    const resolved =
      errors.length === 0 && arr.ok && renewal.ok
        ? {
            name: values.name,
            externalId: values.externalId,
            segmentId: segmentId ?? null,
            journeyStageId: journeyStageId ?? null,
            ownerUserId: ownerUserId ?? null,
            arr: arr.value,
            renewalDate: renewal.value,
          }
        : null;
    const action = values.externalId && reference.existingExternalIds.has(values.externalId) ? 'update' : 'create';
    return { line, values, action, errors, resolved };
  });
  const invalid = rows.filter((row) => row.errors.length > 0).length;
  return {
    rows,
    fileErrors: [],
    ignoredColumns,
    counts: {
      rows: rows.length,
      invalid,
      create: rows.filter((row) => row.action === 'create').length,
      update: rows.filter((row) => row.action === 'update').length,
    },
  };
}

interface ImportReference {
  segments: Map<string, string>;
  segmentNames: string[];
  stages: Map<string, string>;
  stageNames: string[];
  members: Map<string, string>;
  existingExternalIds: Set<string>;
}

/** Active segments and stages by lower-cased name, members by email, and which external ids exist already. */
async function loadImportReference(tx: Tx, organizationId: string, externalIds: (string | undefined)[]): Promise<ImportReference> {
  const [segments, stages, members] = [
    await tx.segment.findMany({ where: { organizationId, retiredAt: null }, select: { id: true, name: true }, orderBy: { tier: 'asc' } }),
    await tx.journeyStage.findMany({ where: { organizationId, retiredAt: null }, select: { id: true, name: true }, orderBy: { position: 'asc' } }),
    await tx.membership.findMany({ where: { organizationId }, select: { userId: true, user: { select: { email: true } } } }),
  ];
  const wanted = [...new Set(externalIds.map((id) => id?.trim()).filter((id): id is string => Boolean(id)))];
  const existing = wanted.length
    ? await tx.account.findMany({ where: { organizationId, externalId: { in: wanted } }, select: { externalId: true } })
    : [];
  return {
    segments: new Map(segments.map((segment) => [segment.name.toLowerCase(), segment.id])),
    segmentNames: segments.map((segment) => segment.name),
    stages: new Map(stages.map((stage) => [stage.name.toLowerCase(), stage.id])),
    stageNames: stages.map((stage) => stage.name),
    members: new Map(members.map((member) => [member.user.email.toLowerCase(), member.userId])),
    existingExternalIds: new Set(existing.map((account) => account.externalId!)),
  };
}
