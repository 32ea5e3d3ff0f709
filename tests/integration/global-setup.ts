import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { enableAppRoleLogin } from '@/lib/db/app-role';
import { applyMigrations } from '@/lib/db/migrate';
import { startTestServer } from '../helpers/throwaway-postgres';
import { databaseUrl } from '../helpers/database-url';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseAdminUrl: string;
    templateDatabase: string;
    /** URL of the row-level-security-bound app role (on the template database; swap the database name). */
    appRoleUrl: string;
  }
}

/**
 * Starts PostgreSQL once for the integration run and migrates a template database; every test file then
 * clones its own database from it (tests/helpers/test-database.ts), so files are isolated and can run in parallel.
 */
export default async function setup(project: TestProject) {
  const server = await startTestServer();
  const templateDatabase = `dsce_template_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${templateDatabase}"`);
  const templateUrl = databaseUrl(server.adminUrl, templateDatabase);
  await applyMigrations(templateUrl);
  const appRoleUrl = await enableAppRoleLogin(templateUrl, 'integration-test-app-role');
  project.provide('appRoleUrl', appRoleUrl);
  project.provide('databaseAdminUrl', server.adminUrl);
  project.provide('templateDatabase', templateDatabase);

  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${templateDatabase}" WITH (FORCE)`);
    await admin.end();
    await server.stop();
  };
}
