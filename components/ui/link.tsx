import NextLink from 'next/link';
import type { ComponentProps } from 'react';

/**
 * next/link without prefetching, for every link of the app (ESLint forbids importing next/link elsewhere).
 *
 * Every page here is rendered per request (the CSP nonce, the session), and none has a loading boundary, so a
 * prefetch brings back only the route's metadata: it makes no navigation faster. Each one still costs the server a
 * request (~9.5 ms of Node CPU at 50,000 accounts), and Next sends one for every link that scrolls into view: 22 for
 * one heatmap page view, 2 more after each filter change (docs/benchmarks.md, session 11). A link may still opt in
 * with `prefetch`.
 */
export default function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
