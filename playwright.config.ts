import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/**
 * e2e tests drive the production build (`next build` runs first, see `npm run test:e2e`) started exactly as
 * users start it (`npm start` → scripts/run-app.ts) on a fresh embedded PostgreSQL in a temporary folder.
 * Browser: Debian's Chromium (a Playwright browser download cannot work on these machines).
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const dataDir = process.env.E2E_DATA_DIR ?? path.join(tmpdir(), `desired-state-e2e-${port}`);
const embeddedPostgresPort = port + 20_000;
// Specs read these (fixtures that need the database connect to it as its owner).
process.env.E2E_DATA_DIR = dataDir;
process.env.E2E_EMBEDDED_POSTGRES_PORT = String(embeddedPostgresPort);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: {
    // A fresh data folder every run, so the demo organisation and its printed credentials are new.
    command: `rm -rf "${dataDir}" && node --import tsx scripts/run-app.ts start`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    env: {
      PORT: String(port),
      DESIRED_STATE_DATA_DIR: dataDir,
      EMBEDDED_POSTGRES_PORT: String(embeddedPostgresPort),
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? '',
      // A short sign-in lock (18 s) so tests/e2e/lockout.spec.ts sees it lift; every spec signs in from 127.0.0.1,
      // so the per-address limit (covered by tests/integration/auth-throttle.test.ts) is out of the way.
      AUTH_LOCKOUT_MINUTES: '0.3',
      AUTH_IP_THRESHOLD: '1000',
      // Specs sign up many users from 127.0.0.1 (the limit itself: tests/integration/auth-sign-up.test.ts).
      AUTH_SIGNUP_IP_THRESHOLD: '1000',
    },
  },
});
