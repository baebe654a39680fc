import { defineConfig } from '@playwright/test';

import { CHROMIUM_ARGS, findChromium, MISSING_CHROMIUM_MESSAGE } from './e2e/browser';

/**
 * Browser tests (`npx playwright test`) against the whole local stack, which `npm start` brings up
 * (or an already running one, outside CI). Ports follow the same env variables as `npm start`.
 */
const port = Number(process.env.PORT || 3000);

const chromium = findChromium();
if (!chromium) {
  // Fail here, in one line, rather than with Playwright's advice to download a browser (which does not work offline).
  throw new Error(MISSING_CHROMIUM_MESSAGE);
}

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // A 2-core machine builds the plugin and runs the stack beside the browser: be patient, run one test at a time.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  // One rule (README, "Testing"): in CI a failed test is retried once, only to tell flaky from
  // broken; a test that needed the retry fails the run all the same (here, and in scripts/test.ts's
  // count). Locally there is no retry: a failure shows as it happened.
  retries: process.env.CI ? 1 : 0,
  failOnFlakyTests: Boolean(process.env.CI),
  reporter: 'list',
  // Fails the run on any answer or request outside Twilio's spec that the strict sandbox recorded.
  globalSetup: './e2e/strictSandbox.ts',
  use: {
    baseURL: `http://localhost:${port}`,
    browserName: 'chromium',
    launchOptions: { executablePath: chromium, args: CHROMIUM_ARGS },
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    // Every spec, in our stand-in for Flex (sandbox/host/flex-standin/): fast, and it reports any
    // Flex API the plugin uses that it does not implement.
    { name: 'standin', testIgnore: /real-flex\// },
    // The key flows again, in the real Flex UI runtime of node_modules/@twilio/flex-ui (`?flex=real`),
    // plus what only real Flex can show (e2e/real-flex/). `npm run test:real-flex` runs this alone.
    {
      name: 'real-flex',
      testMatch: [
        /real-flex\/.*\.spec\.ts$/,
        /navigation\.spec\.ts$/,
        /addresses\.spec\.ts$/,
        /keyboard\.spec\.ts$/,
        /diagnostics\.spec\.ts$/,
        /accessibility\.spec\.ts$/,
        /layout\.spec\.ts$/,
        /firstScreen\.spec\.ts$/,
        /failures\.spec\.ts$/,
        /fixes\.spec\.ts$/,
        /email\.spec\.ts$/,
        /trace\.spec\.ts$/,
        /viewCode\.spec\.ts$/,
      ],
    },
  ],
  webServer: {
    command: 'npm start',
    // The host page starts last, so once it answers every service of the stack is up.
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: !process.env.CI,
    // Includes the plugin build (skipped with SKIP_PLUGIN_BUILD=1 when the bundle exists).
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
    // Added to the environment npm start inherits: its sandbox checks every answer (e2e/strictSandbox.ts).
    env: { SANDBOX_STRICT_RESPONSES: '1' },
    // SIGTERM lets npm start stop its servers and child processes cleanly.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});
