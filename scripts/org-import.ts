/**
 * `npm run org:import -- <archive.zip> [--admin-email <email> --admin-password-from-env <VAR>]`: restores an
 * organisation export into this database (DATABASE_URL / MIGRATION_DATABASE_URL, or the embedded PostgreSQL),
 * in one transaction. Archives carry no passwords: `--admin-password-from-env` gives one restored admin a
 * password read from the named environment variable (never from the command line, where `ps` would show it).
 */
import { existsSync } from 'node:fs';
import { openDatabase } from '@/lib/db/open-database';
import { EnvError, parseEnv } from '@/lib/env';
import { importOrganizationArchive, OrganizationImportError } from '@/lib/organization-data/import-organization';

const log = (message: string) => console.log(`[org:import] ${message}`);

class UsageError extends Error {}

const USAGE = 'Usage: npm run org:import -- <archive.zip> [--admin-email <email> --admin-password-from-env <VARIABLE>]';

function parseArgs(argv: string[]): { archive: string; admin?: { email: string; password: string } } {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg === '--admin-email' || arg === '--admin-password-from-env') {
      const value = argv[index + 1];
      if (!value || value.startsWith('--')) throw new UsageError(`${arg} needs a value.\n${USAGE}`);
      flags.set(arg, value);
      index += 1;
    } else if (arg.startsWith('--')) {
      throw new UsageError(`Unknown option ${arg}.\n${USAGE}`);
    } else {
      positional.push(arg);
    }
  }
  if (positional.length !== 1) throw new UsageError(USAGE);
  const archive = positional[0]!;
  if (!existsSync(archive)) throw new UsageError(`No such file: ${archive}`);
  const email = flags.get('--admin-email');
  const variable = flags.get('--admin-password-from-env');
  if (!email !== !variable) throw new UsageError(`--admin-email and --admin-password-from-env go together.\n${USAGE}`);
  if (!email || !variable) return { archive };
  const password = process.env[variable];
  if (!password) throw new UsageError(`The environment variable ${variable} is not set (it should hold the admin's new password).`);
  return { archive, admin: { email, password } };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const config = parseEnv(process.env);
  const database = await openDatabase(config, { reuseRunning: true });
  try {
    const started = performance.now();
    const summary = await importOrganizationArchive(database.ownerUrl, args.archive, { admin: args.admin, onProgress: log });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const { organization, users } = summary;
    log(`Restored '${organization.name}' (slug ${organization.slug}) in ${seconds} s.`);
    log(`People: ${users.created} restored without a password, ${users.linked} linked to existing accounts by email.`);
    if (summary.adminPassword === 'set') log(`${args.admin!.email} can sign in with the password from the environment.`);
    if (summary.adminPassword === 'kept') log(`${args.admin!.email} already had an account here and keeps its own password.`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  const expected = error instanceof OrganizationImportError || error instanceof UsageError || error instanceof EnvError;
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(expected ? `[org:import] ${(error as Error).message}` : `[org:import] Failed: ${detail}`);
  process.exit(1);
});
