/**
 * `npm test`'s counting. fixtures/playwright/flaky.json is a real Playwright JSON report (trimmed to
 * the fields read here) of a deliberately flaky test run with CI's retry: it failed, then passed.
 */
import fs from 'node:fs';
import path from 'node:path';

import {
  addTally,
  emptyTally,
  failureReasons,
  jestTally,
  notRunTally,
  playwrightTally,
  summaryLine,
} from './testTally';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', 'playwright', name), 'utf8');

test('a test that passed only on its retry is flaky, not passed, and fails the run', () => {
  const tally = playwrightTally(fixture('flaky.json'));
  expect(tally).toMatchObject({ passed: 1, failed: 0, flaky: 1, skipped: 0 });
  expect(tally.flakyTitles).toEqual(['[] demo.spec.ts › flaky on purpose']);
  const reasons = failureReasons(tally, false);
  expect(reasons).toHaveLength(1);
  expect(reasons[0]).toMatch(/^1 flaky .*flaky on purpose/);
  expect(summaryLine(tally)).toBe('tests: 1 passed, 0 failed, 1 flaky, 0 skipped');
});

test('a report with only first-try passes and skips passes the run', () => {
  const tally = playwrightTally(fixture('clean.json'));
  expect(tally).toMatchObject({ passed: 3, failed: 0, flaky: 0, skipped: 1 });
  expect(failureReasons(tally, true)).toEqual([]);
});

test('a missing or unreadable report is one failure, never zero tests', () => {
  expect(playwrightTally(undefined)).toMatchObject({ passed: 0, failed: 1 });
  expect(playwrightTally('{"truncated":')).toMatchObject({ passed: 0, failed: 1 });
  expect(jestTally(undefined)).toMatchObject({ passed: 0, failed: 1 });
});

test('Jest: suites that crashed count as failures, pending and todo as skipped', () => {
  const report = JSON.stringify({
    numPassedTests: 10,
    numFailedTests: 1,
    numPendingTests: 2,
    numTodoTests: 1,
    numRuntimeErrorTestSuites: 1,
  });
  expect(jestTally(report)).toMatchObject({ passed: 10, failed: 2, skipped: 3 });
});

test('a browser suite not run counts as skipped, is named, and fails the run in CI only', () => {
  const total = emptyTally();
  addTally(
    total,
    jestTally(
      JSON.stringify({ numPassedTests: 5, numFailedTests: 0, numPendingTests: 0, numRuntimeErrorTestSuites: 0 }),
    ),
  );
  addTally(total, notRunTally('browser tests (no Chromium)'));
  expect(summaryLine(total)).toBe(
    'tests: 5 passed, 0 failed, 0 flaky, 1 skipped (not run: browser tests (no Chromium))',
  );
  expect(failureReasons(total, false)).toEqual([]);
  expect(failureReasons(total, true)).toEqual(['in CI every suite must run; not run: browser tests (no Chromium)']);
});

test('a run that passed nothing fails', () => {
  expect(failureReasons(emptyTally(), false)).toEqual(['no test passed']);
});

test('an error outside any test (global teardown: the strict sandbox’s violations) is a failure', () => {
  const report = JSON.stringify({
    stats: { expected: 3, unexpected: 0, flaky: 0, skipped: 0 },
    suites: [],
    errors: [{ message: 'The sandbox recorded 1 answers or requests outside Twilio’s spec' }],
  });
  expect(playwrightTally(report)).toMatchObject({ passed: 3, failed: 1 });
});
