import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { DemoCredentials } from './demo-organization';

export type { DemoCredentials } from './demo-organization';

/**
 * The demo sign-in details, kept beside the embedded database (git-ignored data folder) so the launcher can print
 * them at every start: the passwords are random and exist nowhere else in clear text.
 */

export const DEMO_CREDENTIALS_FILE = 'demo-credentials.json';

export class DemoCredentialsFileError extends Error {
  override readonly name = 'DemoCredentialsFileError';
}

const credentialsSchema = z.object({
  organization: z.object({ name: z.string(), slug: z.string() }),
  users: z.array(
    z.object({ role: z.enum(['ADMIN', 'LEADER', 'CSM']), name: z.string(), email: z.string(), password: z.string() }),
  ),
});

export function demoCredentialsPath(dataDir: string): string {
  return path.join(dataDir, DEMO_CREDENTIALS_FILE);
}

/** Writes `<dataDir>/demo-credentials.json` readable by its owner only (0600), creating dataDir if needed. */
export async function saveDemoCredentials(dataDir: string, credentials: DemoCredentials): Promise<string> {
  const file = demoCredentialsPath(dataDir);
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  // `mode` applies only when the file is created; an existing file keeps its mode unless we set it.
  await chmod(file, 0o600);
  return file;
}

/** The stored credentials, or null when the file does not exist; throws if it exists but is not valid. */
export async function loadDemoCredentials(dataDir: string): Promise<DemoCredentials | null> {
  const file = demoCredentialsPath(dataDir);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return credentialsSchema.parse(JSON.parse(text));
  } catch {
    throw new DemoCredentialsFileError(`${file} is not a valid demo credentials file; delete it or restore it.`);
  }
}
