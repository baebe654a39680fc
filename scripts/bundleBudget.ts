/**
 * The plugin bundle's size budget: build/plugin-messaging-setup.js must be at most 150 KB gzip
 * (gzip -9). Flex downloads the bundle for every agent and supervisor on every load, and Paste,
 * which the bundle has to carry itself, makes it easy to grow (docs/PERFORMANCE.md, "Plugin bundle").
 *
 * `npm run bundle:size` builds the plugin and runs this; `npm test` runs it on the bundle the browser
 * tests use (building it first when they are skipped). Prints the sizes and ends with one line
 * saying whether the bundle is within budget; exits 1 when it is not, or when there is no bundle.
 * `--build-if-stale` builds first when the bundle is missing or older than what it is built from.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const BUDGET_GZIP_BYTES = 150 * 1024;

const root = path.resolve(__dirname, '..');
export const BUNDLE = path.join(root, 'build', 'plugin-messaging-setup.js');

/** What the bundle is built from: the plugin's sources and the build's own configuration. */
const BUILD_INPUTS = [
  'src',
  'webpack.config.js',
  'scripts/webpack',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
];

export interface BundleSize {
  minified: number;
  gzip: number;
}

export interface BudgetResult {
  ok: boolean;
  /** One line: the sizes and the verdict. */
  message: string;
}

export function measureBundle(file: string = BUNDLE): BundleSize {
  const code = fs.readFileSync(file);
  return { minified: code.length, gzip: zlib.gzipSync(code, { level: 9 }).length };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const bytes = (n: number) => `${n.toLocaleString('en-US')} B`;

export function checkBudget(size: BundleSize, budget: number = BUDGET_GZIP_BYTES): BudgetResult {
  const sizes = `${bytes(size.minified)} minified, ${bytes(size.gzip)} gzip -9 (${kb(size.gzip)})`;
  return size.gzip <= budget
    ? { ok: true, message: `Plugin bundle within budget: ${sizes} <= ${kb(budget)} gzip.` }
    : {
        ok: false,
        message: `PLUGIN BUNDLE OVER BUDGET: ${sizes} > ${kb(budget)} gzip by ${bytes(size.gzip - budget)}; see docs/PERFORMANCE.md "Plugin bundle".`,
      };
}

function newestMtime(entry: string): number {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** Whether the bundle is missing or older than any file it is built from. */
export function bundleIsStale(file: string = BUNDLE): boolean {
  if (!fs.existsSync(file)) return true;
  const built = fs.statSync(file).mtimeMs;
  return BUILD_INPUTS.map((p) => path.join(root, p)).some((p) => fs.existsSync(p) && newestMtime(p) > built);
}

/** Runs `flex-plugin build`; true when it succeeded. */
export function buildPlugin(): boolean {
  console.log('Building the plugin for the bundle budget check (flex-plugin build)…');
  const bin = path.join(root, 'node_modules', '.bin', 'flex-plugin');
  return spawnSync(bin, ['build'], { cwd: root, stdio: 'inherit' }).status === 0;
}

/** Checks the bundle as built; prints its sizes and one verdict line. */
export function runBudgetCheck(file: string = BUNDLE): boolean {
  if (!fs.existsSync(file)) {
    console.error(
      `PLUGIN BUNDLE BUDGET NOT CHECKED: ${path.relative(root, file)} does not exist (run npm run bundle:size).`,
    );
    return false;
  }
  const result = checkBudget(measureBundle(file));
  (result.ok ? console.log : console.error)(result.message);
  return result.ok;
}

if (require.main === module) {
  if (process.argv.includes('--build-if-stale') && bundleIsStale() && !buildPlugin()) {
    console.error('PLUGIN BUNDLE BUDGET NOT CHECKED: the plugin build failed (its output is above).');
    process.exit(1);
  }
  process.exit(runBudgetCheck() ? 0 : 1);
}
