import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Server action ids of the production build (`.next`), keyed `<file under app/>#<export>` — how a browser calls
 * an action (POST with a `Next-Action` header). Used by the authorization matrix e2e and the HTTP benchmark.
 */
export function serverActionIds(): Record<string, string> {
  const manifest = JSON.parse(readFileSync(path.resolve('.next/server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  return Object.fromEntries(
    Object.entries(manifest.node).map(([id, entry]) => [`${(entry.filename ?? '').replace(/^app\//, '')}#${entry.exportedName}`, id]),
  );
}
