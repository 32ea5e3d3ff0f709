import type { Writable } from 'node:stream';
import { Zip, ZipDeflate } from 'fflate';

/** Text is handed to the compressor in pieces of about this size, so memory stays flat whatever the table size. */
const PIECE_CHARS = 512 * 1024;

/**
 * Writes a zip archive to a Node stream one file at a time, honouring the stream's backpressure: a file's
 * content is produced, compressed and written piece by piece, never held whole. (fflate compresses
 * synchronously, so each piece's output is collected and then written with `drain` awaited.)
 */
export class ZipStreamWriter {
  private pending: Uint8Array[] = [];
  private failure: Error | null = null;
  private readonly zip = new Zip((error, chunk) => {
    if (error) this.failure = error;
    else this.pending.push(chunk);
  });

  constructor(private readonly output: Writable) {}

  /** Adds one file; `produce` calls `write` with its text, in order, awaiting each call. */
  async file(name: string, produce: (write: (text: string) => Promise<void>) => Promise<void>): Promise<void> {
    const entry = new ZipDeflate(name, { level: 6 });
    this.zip.add(entry);
    let buffered = '';
    await produce(async (text) => {
      buffered += text;
      if (buffered.length < PIECE_CHARS) return;
      entry.push(Buffer.from(buffered, 'utf8'));
      buffered = '';
      await this.flush();
    });
    entry.push(Buffer.from(buffered, 'utf8'), true);
    await this.flush();
  }

  /** Writes the central directory and ends the output stream. */
  async finish(): Promise<void> {
    this.zip.end();
    await this.flush();
    await new Promise<void>((resolve, reject) => this.output.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    const chunks = this.pending;
    this.pending = [];
    for (const chunk of chunks) await writeWithBackpressure(this.output, chunk);
  }
}

/** Writes a chunk and, when the stream's buffer is full, waits for `drain`; fails if the reader went away. */
async function writeWithBackpressure(output: Writable, chunk: Uint8Array): Promise<void> {
  if (output.destroyed) throw new Error('The archive download was closed before it finished.');
  if (output.write(chunk)) return;
  await new Promise<void>((resolve, reject) => {
    const done = (error?: Error) => {
      output.off('drain', onDrain);
      output.off('close', onClose);
      output.off('error', onError);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error('The archive download was closed before it finished.'));
    const onError = (error: Error) => done(error);
    output.on('drain', onDrain);
    output.on('close', onClose);
    output.on('error', onError);
  });
}
