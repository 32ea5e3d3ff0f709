import type { ZipEvent } from './zip-stream-reader';

/**
 * Walks a zip event stream one entry at a time: `nextFile` skips whatever is left of the current entry,
 * `lines` reads the current entry as UTF-8 text line by line. Each entry must be consumed before the next.
 */
export class ArchiveEntries {
  constructor(private readonly events: AsyncIterator<ZipEvent>) {}

  async nextFile(): Promise<string | null> {
    for (;;) {
      const next = await this.events.next();
      if (next.done) return null;
      if (next.value.kind === 'file') return next.value.name;
    }
  }

  async *lines(name: string): AsyncGenerator<string> {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let rest = '';
    for (;;) {
      const next = await this.events.next();
      if (next.done || next.value.kind !== 'data') throw new Error(`The archive ends in the middle of "${name}".`);
      rest += decoder.decode(next.value.chunk, { stream: !next.value.final });
      const lines = rest.split('\n');
      rest = lines.pop() ?? '';
      yield* lines;
      if (next.value.final) {
        if (rest !== '') yield rest;
        return;
      }
    }
  }

  async text(name: string): Promise<string> {
    const lines: string[] = [];
    for await (const line of this.lines(name)) lines.push(line);
    return lines.join('\n');
  }
}
