import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
// `server-only` throws outside React Server Components; tests exercise that code directly.
const alias = { '@': root, 'server-only': `${root}tests/helpers/empty-module.ts` };

export default defineConfig({
  resolve: { alias },
  test: {
    coverage: {
      provider: 'v8',
      include: ['lib/scoring/**/*.ts'],
      exclude: ['**/*.test.ts'],
      thresholds: { branches: 100, lines: 100, functions: 100, statements: 100 },
      reporter: ['text-summary', 'text'],
    },
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/integration/global-setup.ts'],
          // Each file gets its own database cloned from a migrated template, so files may run in parallel.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
