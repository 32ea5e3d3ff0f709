import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DemoCredentials } from '@/lib/demo/credentials-file';

/** The credentials the e2e server printed and stored when it seeded the demo organisation. */
export function demoCredentials(): DemoCredentials {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error('E2E_DATA_DIR is not set (it comes from playwright.config.ts)');
  return JSON.parse(readFileSync(path.join(dataDir, 'demo-credentials.json'), 'utf8')) as DemoCredentials;
}

export function demoUser(role: 'ADMIN' | 'LEADER' | 'CSM') {
  const user = demoCredentials().users.find((candidate) => candidate.role === role);
  if (!user) throw new Error(`No demo ${role} in the credentials file`);
  return user;
}
