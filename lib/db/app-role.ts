import pg from 'pg';

/** The role the application's queries run as: no BYPASSRLS, DML grants only (see the RLS migration). */
export const APP_ROLE = 'desired_state_app';

/**
 * Lets the app role log in with `password` and returns the URL the app should use. Run with an owner or
 * superuser connection (the embedded database's `postgres`, the tests' admin URL) after migrations.
 */
export async function enableAppRoleLogin(ownerUrl: string, password: string): Promise<string> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    // Passwords cannot be bound as parameters in ALTER ROLE; quote_literal does the escaping.
    const { rows } = await client.query<{ sql: string }>(
      `SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', $1::text, $2::text) AS sql`,
      [APP_ROLE, password],
    );
    await client.query(rows[0]!.sql);
  } finally {
    await client.end();
  }
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = password;
  return url.toString();
}

/**
 * Whether the role behind `url` is subject to row-level security. A superuser or BYPASSRLS role silently
 * ignores every policy, so the launcher warns when DATABASE_URL uses one.
 */
export async function isSubjectToRowLevelSecurity(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ bypasses: boolean }>(
      'SELECT rolsuper OR rolbypassrls AS bypasses FROM pg_roles WHERE rolname = current_user',
    );
    return rows[0]?.bypasses === false;
  } finally {
    await client.end();
  }
}
