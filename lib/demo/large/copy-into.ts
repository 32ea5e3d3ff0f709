import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import pgCopyStreams from 'pg-copy-streams';

/** Rows are grouped into chunks of about this many characters before they are handed to the socket. */
const CHUNK_CHARS = 256 * 1024;

/**
 * Streams rows (lines already encoded with copyLine) into `table` with COPY FROM STDIN. The rows are produced lazily
 * as PostgreSQL drains the stream, so generation in Node and ingestion in PostgreSQL overlap and nothing is held in
 * memory beyond a few chunks. Returns the number of rows PostgreSQL reports.
 */
export async function copyInto(
  client: pg.Client,
  table: string,
  columns: readonly string[],
  lines: Iterable<string>,
): Promise<number> {
  const sql = `COPY "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN (FORMAT text)`;
  const target = client.query(pgCopyStreams.from(sql));
  await pipeline(Readable.from(chunked(lines), { objectMode: false, highWaterMark: 4 * CHUNK_CHARS }), target);
  return target.rowCount;
}

function* chunked(lines: Iterable<string>): Generator<string> {
  let chunk = '';
  for (const line of lines) {
    chunk += line;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}
