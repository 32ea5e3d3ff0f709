import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Everything in app/ that answers a request: pages, route handlers (per method) and server actions. */
export interface AppSurface {
  pages: string[];
  routes: string[];
  actions: string[];
}

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

export function scanAppSurface(appDir = path.resolve('app')): AppSurface {
  const surface: AppSurface = { pages: [], routes: [], actions: [] };
  for (const file of walk(appDir)) {
    const relative = path.relative(appDir, file).split(path.sep).join('/');
    const source = readFileSync(file, 'utf8');
    const base = path.basename(file);
    if (/^page\.(tsx|ts|jsx|js)$/.test(base)) surface.pages.push(routePattern(relative));
    if (/^route\.(ts|js)$/.test(base)) {
      for (const method of exportedNames(source).filter((name) => HTTP_METHODS.includes(name))) {
        surface.routes.push(`${method} ${routePattern(relative)}`);
      }
    }
    if (/^\s*['"]use server['"]/m.test(source.split('\n').slice(0, 5).join('\n'))) {
      for (const name of exportedNames(source)) surface.actions.push(`${relative}#${name}`);
    }
  }
  return { pages: surface.pages.sort(), routes: surface.routes.sort(), actions: surface.actions.sort() };
}

/** app/(auth)/sign-in/page.tsx → /sign-in; route groups vanish from URLs. */
function routePattern(relativeFile: string): string {
  const segments = relativeFile.split('/').slice(0, -1).filter((segment) => !/^\(.*\)$/.test(segment));
  return `/${segments.join('/')}`;
}

/** Names exported by a module: `export async function X`, `export const X`, `export { a as X, Y }`. */
function exportedNames(source: string): string[] {
  const names = new Set<string>();
  for (const match of source.matchAll(/export\s+(?:async\s+)?(?:function\*?|const|let|var)\s+([A-Za-z_$][\w$]*)/g)) {
    names.add(match[1]!);
  }
  for (const match of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of match[1]!.split(',')) {
      const name = part.trim().split(/\s+as\s+/).pop()?.trim();
      if (name && name !== 'default') names.add(name);
    }
  }
  return [...names];
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) yield* walk(full);
    else if (/\.(tsx?|jsx?)$/.test(entry)) yield full;
  }
}
