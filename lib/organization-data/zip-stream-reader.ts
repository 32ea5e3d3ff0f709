import { createReadStream } from 'node:fs';
import { Unzip, UnzipInflate } from 'fflate';

export type ZipEvent =
  | { kind: 'file'; name: string }
  | { kind: 'data'; name: string; chunk: Uint8Array; final: boolean };

/**
 * Reads a zip archive from disk as a stream of events, in archive order: a `file` event when an entry starts,
 * then its decompressed `data`. Pull-based: the file is read only as fast as the consumer handles events, so an
 * archive of any size is restored in constant memory. (fflate decompresses synchronously inside `push`, so the
 * events of one read chunk are queued and handed out before the next chunk is read.)
 */
export async function* readZipEvents(path: string): AsyncGenerator<ZipEvent> {
  const queue: ZipEvent[] = [];
  let failure: Error | null = null;
  const unzip = new Unzip((file) => {
    queue.push({ kind: 'file', name: file.name });
    file.ondata = (error, chunk, final) => {
      if (error) failure = error;
      else queue.push({ kind: 'data', name: file.name, chunk, final });
    };
    try {
      file.start();
    } catch {
      failure = new Error(`"${file.name}" uses a compression method this import does not read.`);
    }
  });
  unzip.register(UnzipInflate);

  async function* drain(): AsyncGenerator<ZipEvent> {
    if (failure) throw failure;
    // Hand out what this chunk produced; the queue is refilled only by the next push.
    const events = queue.splice(0, queue.length);
    yield* events;
  }

  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
    unzip.push(chunk as Buffer);
    yield* drain();
  }
  unzip.push(new Uint8Array(0), true);
  yield* drain();
}
