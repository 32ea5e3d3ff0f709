import { describe, expect, it } from 'vitest';
import { memorySettings } from './embedded-postgres';

const GB = 2 ** 30;

describe('memorySettings', () => {
  it('gives the embedded server a quarter of the machine, between 128 MB and 2 GB of shared buffers', () => {
    expect(memorySettings(4 * GB)).toContain('shared_buffers=1024MB');
    expect(memorySettings(256 * 2 ** 20)).toContain('shared_buffers=128MB');
    expect(memorySettings(64 * GB)).toContain('shared_buffers=2048MB');
  });

  it('lets a whole re-score fit between two checkpoints', () => {
    expect(memorySettings(8 * GB)).toContain('max_wal_size=2GB');
  });
});
