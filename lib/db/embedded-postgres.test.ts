import { describe, expect, it } from 'vitest';
import { memorySettings } from './embedded-postgres';

const GB = 2 ** 30;

describe('memorySettings', () => {
  it('gives the embedded server a quarter of the machine, between 128 MB and 2 GB of shared buffers', () => {
    expect(memorySettings(4 * GB, 'x64')).toContain('shared_buffers=1024MB');
    expect(memorySettings(256 * 2 ** 20, 'x64')).toContain('shared_buffers=128MB');
    expect(memorySettings(64 * GB, 'x64')).toContain('shared_buffers=2048MB');
  });

  it('stays within a 32-bit build\'s address space', () => {
    expect(memorySettings(64 * GB, 'arm')).toContain('shared_buffers=512MB');
    expect(memorySettings(64 * GB, 'ia32')).toContain('shared_buffers=512MB');
    expect(memorySettings(64 * GB, 'arm64')).toContain('shared_buffers=2048MB');
  });

  it('lets a whole re-score fit between two checkpoints', () => {
    expect(memorySettings(8 * GB)).toContain('max_wal_size=2GB');
  });
});
