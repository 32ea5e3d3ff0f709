import { computeCacheBustingSearchParam } from 'next/dist/shared/lib/router/utils/cache-busting-search-param.js';

/**
 * What the browser sends when a user changes a filter: the filter bar calls `router.push`, so Next's client router
 * fetches the new page's RSC payload (no HTML document) with these headers, from the page the user is on.
 *
 * - `next-router-state-tree`: the router's current tree, with the page marked for refetch. Written here for a page
 *   at `path` (one segment per path part, the `o/[slug]` segment as a dynamic one), as Chromium sent it from
 *   /o/<slug>/portfolio (captured with Playwright).
 * - `_rsc`: the cache-busting parameter Next derives from those headers. Next redirects a request whose `_rsc` does
 *   not match them.
 *
 * Returns the URL to fetch and its headers.
 */
export async function navigationRequest(url: string): Promise<{ url: string; headers: Record<string, string> }> {
  const [path = '/', query = ''] = url.split('?');
  const [, o, slug, ...rest] = path.split('/');
  if (o !== 'o' || !slug) throw new Error(`navigationRequest: ${url} is not an organisation page`);
  let tree: unknown = ['__PAGE__', {}, null, 'refetch', 0];
  for (const segment of [...rest].reverse()) tree = [segment, { children: tree }, null, null, 0];
  tree = ['', { children: ['o', { children: [['slug', slug, 'd', null], { children: tree }, null, null, 0] }, null, null, 0] }, null, null, 16];
  const stateTree = encodeURIComponent(JSON.stringify(tree));
  const headers = { rsc: '1', 'next-router-state-tree': stateTree, 'next-url': path };
  const cacheBusting = await computeCacheBustingSearchParam(undefined, undefined, stateTree, path);
  const params = new URLSearchParams(query);
  params.set('_rsc', cacheBusting);
  return { url: `${path}?${params.toString()}`, headers };
}
