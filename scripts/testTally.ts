/**
 * How `npm test` (scripts/test.ts) counts what Jest and Playwright report, kept apart from running
 * them so the counting itself is unit-tested (testTally.test.ts).
 *
 * The rule (README, "Testing"): a test counts as passed only when it passed on its first try. In CI
 * Playwright retries a failed test once, only to tell a flaky test from a broken one; a test that
 * needed that retry is counted and printed as flaky, and a flaky test fails the run like a failed
 * one. A suite that did not run at all (the browser tests without Chromium) counts as skipped, and
 * in CI it fails the run: a green CI must mean every suite ran.
 */

export interface Tally {
  passed: number;
  failed: number;
  /** Passed only on a retry (Playwright's `flaky`): fails the run. */
  flaky: number;
  skipped: number;
  /** Titles of the tests that needed a retry, so the summary can name them. */
  flakyTitles: string[];
  /** Suites that did not run at all (e.g. `browser tests (no Chromium)`). */
  notRun: string[];
}

export const emptyTally = (): Tally => ({ passed: 0, failed: 0, flaky: 0, skipped: 0, flakyTitles: [], notRun: [] });

export function addTally(into: Tally, tally: Tally): void {
  into.passed += tally.passed;
  into.failed += tally.failed;
  into.flaky += tally.flaky;
  into.skipped += tally.skipped;
  into.flakyTitles.push(...tally.flakyTitles);
  into.notRun.push(...tally.notRun);
}

/** A report file that is missing or unreadable means the runner crashed: one failure, never zero. */
function readReport(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Jest's `--json` report. */
export function jestTally(reportText: string | undefined): Tally {
  const r = readReport(reportText) as
    | {
        numPassedTests: number;
        numFailedTests: number;
        numPendingTests: number;
        numTodoTests?: number;
        numRuntimeErrorTestSuites: number;
      }
    | undefined;
  if (!r || typeof r.numPassedTests !== 'number') return { ...emptyTally(), failed: 1 };
  return {
    ...emptyTally(),
    passed: r.numPassedTests,
    failed: r.numFailedTests + r.numRuntimeErrorTestSuites,
    skipped: r.numPendingTests + (r.numTodoTests ?? 0),
  };
}

interface PlaywrightSpec {
  title: string;
  file?: string;
  tests: { projectName?: string; status?: string }[];
}

interface PlaywrightSuite {
  title: string;
  specs?: PlaywrightSpec[];
  suites?: PlaywrightSuite[];
}

/** `[project] file › title` of every test whose outcome Playwright calls `flaky`. */
function flakyTitles(suites: PlaywrightSuite[] | undefined, path: string[] = []): string[] {
  const titles: string[] = [];
  for (const suite of suites ?? []) {
    const here = suite.title ? [...path, suite.title] : path;
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        if (test.status === 'flaky') titles.push(`[${test.projectName ?? '?'}] ${[...here, spec.title].join(' › ')}`);
      }
    }
    titles.push(...flakyTitles(suite.suites, here));
  }
  return titles;
}

/** Playwright's JSON reporter's output. `flaky` is never added to `passed`. */
export function playwrightTally(reportText: string | undefined): Tally {
  const r = readReport(reportText) as
    | {
        stats?: { expected: number; unexpected: number; flaky: number; skipped: number };
        suites?: PlaywrightSuite[];
        errors?: unknown[];
      }
    | undefined;
  if (!r?.stats || typeof r.stats.expected !== 'number') return { ...emptyTally(), failed: 1 };
  const titles = flakyTitles(r.suites);
  return {
    ...emptyTally(),
    passed: r.stats.expected,
    // Errors outside any test (global setup/teardown: e.g. the strict sandbox's violations) count too.
    failed: r.stats.unexpected + (r.errors?.length ?? 0),
    flaky: r.stats.flaky,
    skipped: r.stats.skipped,
    // The stats are what counts; the titles only name them (a report without suites still counts).
    flakyTitles: titles,
  };
}

/** A suite that did not run: counted as skipped and named. */
export function notRunTally(suite: string): Tally {
  return { ...emptyTally(), skipped: 1, notRun: [suite] };
}

/** The one summary line any CI can read. */
export function summaryLine(total: Tally): string {
  const notRun = total.notRun.length > 0 ? ` (not run: ${total.notRun.join(', ')})` : '';
  return `tests: ${total.passed} passed, ${total.failed} failed, ${total.flaky} flaky, ${total.skipped} skipped${notRun}`;
}

/**
 * Why the run fails, or [] when it passes: any failure, any flaky test, a run that passed nothing
 * (it proves nothing), and in CI any suite that did not run.
 */
export function failureReasons(total: Tally, ci: boolean): string[] {
  const reasons: string[] = [];
  if (total.failed > 0) reasons.push(`${total.failed} failed`);
  if (total.flaky > 0) {
    const named = total.flakyTitles.length > 0 ? `: ${total.flakyTitles.join('; ')}` : '';
    reasons.push(`${total.flaky} flaky (passed only on a retry, which counts as a failure)${named}`);
  }
  if (total.passed === 0) reasons.push('no test passed');
  if (ci && total.notRun.length > 0) reasons.push(`in CI every suite must run; not run: ${total.notRun.join(', ')}`);
  return reasons;
}
