import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    '.next/**',
    '.data/**',
    'coverage/**',
    'lib/generated/**',
    'next-env.d.ts',
    'playwright-report/**',
    'test-results/**',
  ]),
  {
    // Configuration is read and validated in one place (lib/env.ts); app code gets typed values from it.
    files: ['app/**', 'components/**', 'lib/**'],
    ignores: ['lib/env.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through lib/env.ts.' },
      ],
    },
  },
  {
    // Links never prefetch: components/ui/link.tsx says why.
    files: ['app/**', 'components/**'],
    ignores: ['components/ui/link.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'next/link', message: "Import Link from '@/components/ui/link' (no prefetching)." }] },
      ],
    },
  },
  {
    // The scoring library runs in the browser and on the server alike: it must stay pure.
    files: ['lib/scoring/**', 'lib/framework/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'react', 'react-dom', 'next', 'next/*', '@prisma/*', 'server-only', '@/lib/db/*', '@/lib/generated/*'], message: 'lib/scoring and lib/framework are pure: no I/O, frameworks or Node built-ins.' },
          ],
        },
      ],
    },
  },
]);
