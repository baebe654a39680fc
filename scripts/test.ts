/**
 * `npm test`: unit + integration tests (Jest), then browser tests (Playwright on `npm start`).
 *
 * Without Chromium the browser tests are skipped with one loud line, unless REQUIRE_BROWSER=1
 * (set by .ci/run), which makes a missing browser a failure. Then the plugin bundle's size budget
 * (scripts/bundleBudget.ts), counted as one test, on the bundle the browser tests used — or, without
 * them, on build/ as it is, rebuilt first when missing or stale — and, as one more test on the same
 * build, that it holds no secret (scripts/bundleSecrets.ts). Ends with one summary line
 * `tests: N passed, N failed, N skipped` that any CI can read.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { findChromium } from '../e2e/browser';
import { buildPlugin, bundleIsStale, runBudgetCheck } from './bundleBudget';
import { runSecretsCheck } from './bundleSecrets';

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

const root = path.resolve(__dirname, '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'messaging-setup-tests-'));
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
let ok = true;

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function add(tally: Tally) {
  total.passed += tally.passed;
  total.failed += tally.failed;
  total.skipped += tally.skipped;
}

function jestTally(file: string): Tally {
  if (!fs.existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const r = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numRuntimeErrorTestSuites: number;
  };
  return {
    passed: r.numPassedTests,
    failed: r.numFailedTests + r.numRuntimeErrorTestSuites,
    skipped: r.numPendingTests,
  };
}

function playwrightTally(file: string): Tally {
  if (!fs.existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const r = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  return { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped };
}

// 1. Unit and integration tests.
const jestOut = path.join(tmp, 'jest.json');
ok = run(bin('jest'), ['--json', `--outputFile=${jestOut}`]) && ok;
add(jestTally(jestOut));

// 2. Browser tests against the built bundle.
const chromium = findChromium();
/** Whether build/ holds a bundle built from the current sources (for the budget check). */
let bundleBuilt = false;
if (!chromium) {
  const message =
    'BROWSER TESTS NOT RUN: no Chromium found. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.';
  console.error(`\n!!! ${message}\n`);
  if (process.env.REQUIRE_BROWSER === '1') {
    console.error('REQUIRE_BROWSER=1: a missing browser is a failure.');
    ok = false;
    total.failed += 1;
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
  add(playwrightTally(pwOut));
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

console.log(`\ntests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
// A run that executed no test proves nothing: treat it as a failure.
process.exit(ok && total.failed === 0 && total.passed > 0 ? 0 : 1);
