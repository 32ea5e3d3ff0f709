/**
 * Reads page `requested` (1-based) of a list shown `pageSize` rows at a time. A page past the last one (a stale or
 * hand-edited link) shows the last page instead: only then is the list counted (`countAll`) and read again.
 */
export async function readClampedPage<Row>(
  requested: number,
  pageSize: number,
  readPage: (page: number) => Promise<Row[]>,
  countAll: () => Promise<number>,
): Promise<{ rows: Row[]; page: number }> {
  let page = Math.max(1, Math.floor(requested));
  let rows = await readPage(page);
  if (rows.length === 0 && page > 1) {
    page = Math.max(1, Math.ceil((await countAll()) / pageSize));
    rows = await readPage(page);
  }
  return { rows, page };
}
