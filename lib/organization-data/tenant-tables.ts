/**
 * Every table that holds an organisation's data, in dependency order: a table comes after every table its
 * foreign keys point to, so an import can insert in this order and a delete could remove in reverse.
 * Export and import are generic over this list (columns are discovered from the database), and
 * tests/integration/organization-data.test.ts fails when a table with an `organization_id` column exists
 * but is missing here, so a new table cannot be silently left out of exports.
 */
export const TENANT_TABLES = [
  'organization',
  'membership',
  'segment',
  'journey_stage',
  'account',
  'weight_config',
  'target',
  'assessment',
  'assessment_result',
  'account_score',
  'account_period_score',
  'rescore_staging',
  'audit_event',
  'invitation',
] as const;

export type TenantTable = (typeof TENANT_TABLES)[number];

/**
 * Tables with an `organization_id` column that are bookkeeping, not the organisation's data: never exported or
 * imported, removed with the organisation (by their foreign key's cascade; the rollups by deleteOrganization). `portfolio_data_version` is recreated by
 * its triggers as an import writes the other tables (a restored organisation must not reuse the versions its
 * earlier life was cached under); so are the portfolio rollups (sums of account, account_score and
 * account_period_score) and account_renewal_risk.
 */
export const UNEXPORTED_TENANT_TABLES = [
  'portfolio_data_version',
  'portfolio_group_score',
  'portfolio_group_period_score',
  'portfolio_arr_score',
  'portfolio_arr_period_score',
  'portfolio_renewal_score',
  'portfolio_renewal_period_score',
  'account_renewal_risk',
] as const;

/** The column that names a row's organisation: the organisation's own id, `organization_id` everywhere else. */
export function organizationColumnOf(table: string): 'id' | 'organization_id' {
  return table === 'organization' ? 'id' : 'organization_id';
}

/**
 * Users are global, not tenant rows: the archive carries the people its rows point to, with these columns
 * only. Never the password hash — a downloaded file must not carry credentials.
 */
export const EXPORTED_USER_COLUMNS = ['id', 'email', 'name'] as const;
