/**
 * `npm test`: unit + integration tests (Jest), then browser tests (Playwright on `npm start`).
 *
 * Without Chromium the browser tests are not run: one loud line, and the suite counts as skipped
 * and is named in the summary; in CI (CI=true) or with REQUIRE_BROWSER=1 (both set by .ci/run) that
 * fails the run. Then the plugin bundle's size budget
 * (scripts/bundleBudget.ts), counted as one test, on the bundle the browser tests used — or, without
 * them, on build/ as it is, rebuilt first when missing or stale — and, as one more test on the same
 * build, that it holds no secret (scripts/bundleSecrets.ts). Ends with one summary line
 * `tests: N passed, N failed, N flaky, N skipped` that any CI can read; how each is counted, and
 * why a flaky test fails the run, is in scripts/testTally.ts.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { findChromium } from '../e2e/browser';
import { buildPlugin, bundleIsStale, runBudgetCheck } from './bundleBudget';
import { runSecretsCheck } from './bundleSecrets';
import {
  addTally,
  emptyTally,
  failureReasons,
  jestTally,
  notRunTally,
  playwrightTally,
  summaryLine,
  type Tally,
} from './testTally';

const root = path.resolve(__dirname, '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'messaging-setup-tests-'));
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const ci = process.env.CI === 'true' || process.env.CI === '1';
const total: Tally = emptyTally();
let ok = true;

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

const readIfThere = (file: string): string | undefined =>
  fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;

// 1. Unit and integration tests.
const jestOut = path.join(tmp, 'jest.json');
ok = run(bin('jest'), ['--json', `--outputFile=${jestOut}`]) && ok;
addTally(total, jestTally(readIfThere(jestOut)));

// 2. Browser tests against the built bundle.
const chromium = findChromium();
/** Whether build/ holds a bundle built from the current sources (for the budget check). */
let bundleBuilt = false;
if (!chromium) {
  const message =
    'BROWSER TESTS NOT RUN: no Chromium found. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.';
  console.error(`\n!!! ${message}\n`);
  // Counted as skipped (never as nothing): the summary names it, and CI fails on it.
  addTally(total, notRunTally('browser tests (no Chromium)'));
  if (process.env.REQUIRE_BROWSER === '1') {
    console.error('REQUIRE_BROWSER=1: a missing browser is a failure.');
    ok = false;
  }
} else {
  const built = run(bin('flex-plugin'), ['build']);
  bundleBuilt = built;
  ok = built && ok;
  if (!built) total.failed += 1;
  const pwOut = path.join(tmp, 'playwright.json');
  ok =
    run(bin('playwright'), ['test', '--reporter=list,json'], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: pwOut,
      SKIP_PLUGIN_BUILD: '1',
      CHROMIUM_PATH: chromium,
    }) && ok;
  addTally(total, playwrightTally(readIfThere(pwOut)));
}

/** A check of the built bundle, counted as one test; not run (a failure) when the build failed. */
function bundleCheck(check: () => boolean, notRun: string): void {
  const passed = bundleBuilt ? check() : false;
  if (!bundleBuilt) console.error(`${notRun}: the plugin build failed (its output is above).`);
  ok = passed && ok;
  if (passed) total.passed += 1;
  else total.failed += 1;
}

// 3. The plugin bundle's size budget, on the bundle the browser tests used; 4. no secret in it
// (every file of build/).
if (!chromium) bundleBuilt = !bundleIsStale() || buildPlugin();
bundleCheck(runBudgetCheck, 'PLUGIN BUNDLE BUDGET NOT CHECKED');
bundleCheck(runSecretsCheck, 'PLUGIN BUILD NOT CHECKED FOR SECRETS');

console.log(`\n${summaryLine(total)}`);
const reasons = failureReasons(total, ci);
for (const reason of reasons) console.error(`RUN FAILS: ${reason}`);
process.exit(ok && reasons.length === 0 ? 0 : 1);
