/**
 * The plugin's size budgets, gzip -9 (docs/PERFORMANCE.md, "Plugin bundle"):
 * - the registration, build/plugin-messaging-setup.js, at most 15 KB: Flex downloads and runs it
 *   for every agent and supervisor on every start;
 * - everything a user can ever load — the registration and the view's code that loads on first open
 *   (build/messaging-setup-view/*.js) — at most 155 KB (150 KB until #27's screens: see
 *   docs/PERFORMANCE.md). Paste, which the plugin has to carry itself, makes it easy to grow.
 *
 * `npm run bundle:size` builds the plugin and runs this; `npm test` runs it on the build the browser
 * tests use (building it first when they are skipped). Prints the sizes and ends with one line
 * saying whether the build is within budget; exits 1 when it is not, or when there is no build.
 * `--build-if-stale` builds first when the bundle is missing or older than what it is built from.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const REGISTRATION_BUDGET_GZIP_BYTES = 15 * 1024;
export const BUDGET_GZIP_BYTES = 155 * 1024;

const root = path.resolve(__dirname, '..');
export const BUNDLE = path.join(root, 'build', 'plugin-messaging-setup.js');
/** Where the build writes the view's code (webpack.config.js, VIEW_CODE_FOLDER). */
export const VIEW_CODE_DIR = path.join(root, 'build', 'messaging-setup-view');

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

/** The build's sizes: what every Flex start loads, and what opening the view adds. */
export interface BuildSize {
  registration: BundleSize;
  viewCode: BundleSize;
  /** Each file of the view's code, by name. */
  viewCodeFiles: Record<string, BundleSize>;
}

export interface BudgetResult {
  ok: boolean;
  /** The verdict, one line per budget. */
  message: string;
}

export function measureBundle(file: string = BUNDLE): BundleSize {
  const code = fs.readFileSync(file);
  return { minified: code.length, gzip: zlib.gzipSync(code, { level: 9 }).length };
}

/** The view code's files beside a bundle (its `.js` chunks; no source maps or license files). */
export function viewCodeFiles(dir: string = VIEW_CODE_DIR): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.js'))
    .sort()
    .map((file) => path.join(dir, file));
}

export function measureBuild(bundle: string = BUNDLE, viewCodeDir: string = VIEW_CODE_DIR): BuildSize {
  const files = viewCodeFiles(viewCodeDir);
  const each = Object.fromEntries(files.map((file) => [path.basename(file), measureBundle(file)]));
  const sizes = Object.values(each);
  return {
    registration: measureBundle(bundle),
    viewCode: {
      minified: sizes.reduce((sum, size) => sum + size.minified, 0),
      gzip: sizes.reduce((sum, size) => sum + size.gzip, 0),
    },
    viewCodeFiles: each,
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const bytes = (n: number) => `${n.toLocaleString('en-US')} B`;
const sizesOf = (size: BundleSize) =>
  `${bytes(size.minified)} minified, ${bytes(size.gzip)} gzip -9 (${kb(size.gzip)})`;

function verdict(what: string, size: BundleSize, budget: number): BudgetResult {
  return size.gzip <= budget
    ? { ok: true, message: `${what} within budget: ${sizesOf(size)} <= ${kb(budget)} gzip.` }
    : {
        ok: false,
        message: `${what.toUpperCase()} OVER BUDGET: ${sizesOf(size)} > ${kb(budget)} gzip by ${bytes(size.gzip - budget)}; see docs/PERFORMANCE.md "Plugin bundle".`,
      };
}

/** Both budgets of a build: the registration's, and the total a user can ever load. */
export function checkBuildBudgets(
  size: BuildSize,
  budgets = { registration: REGISTRATION_BUDGET_GZIP_BYTES, total: BUDGET_GZIP_BYTES },
): BudgetResult {
  const total = {
    minified: size.registration.minified + size.viewCode.minified,
    gzip: size.registration.gzip + size.viewCode.gzip,
  };
  const results = [
    verdict('Plugin registration (every Flex start loads it)', size.registration, budgets.registration),
    verdict("Plugin total (the registration and the view's code)", total, budgets.total),
  ];
  return { ok: results.every((result) => result.ok), message: results.map((result) => result.message).join('\n') };
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

/**
 * Problems with the view code's names: each must be the hash of its own final content (its name
 * left out; webpack.config.js, RealContentHash), so a build of the same sources in any folder
 * names it alike, and the registration must name it, so it is the code the registration loads.
 */
export function viewCodeNameProblems(bundle: string = BUNDLE, viewCodeDir: string = VIEW_CODE_DIR): string[] {
  const registration = fs.readFileSync(bundle, 'utf8');
  return viewCodeFiles(viewCodeDir).flatMap((file) => {
    const name = path.basename(file);
    const hash = /\.([0-9a-f]{16})\.js$/.exec(name)?.[1];
    if (!hash) return [`${name} has no content hash in its name`];
    const content = fs.readFileSync(file, 'utf8').split(hash).join('');
    const expected = crypto.createHash('sha256').update(content).digest('hex').slice(0, 16);
    const problems: string[] = [];
    if (expected !== hash) problems.push(`${name} is not named by its content (expected ${expected})`);
    if (!registration.includes(hash)) problems.push(`the registration does not name ${name}`);
    return problems;
  });
}

/** Checks the build as it is; prints its sizes and one verdict line per budget. */
export function runBudgetCheck(file: string = BUNDLE, viewCodeDir: string = VIEW_CODE_DIR): boolean {
  if (!fs.existsSync(file)) {
    console.error(
      `PLUGIN BUNDLE BUDGET NOT CHECKED: ${path.relative(root, file)} does not exist (run npm run bundle:size).`,
    );
    return false;
  }
  if (viewCodeFiles(viewCodeDir).length === 0) {
    console.error(
      `PLUGIN BUNDLE BUDGET NOT CHECKED: ${path.relative(root, viewCodeDir)}/ holds no view code (run npm run bundle:size).`,
    );
    return false;
  }
  const names = viewCodeNameProblems(file, viewCodeDir);
  if (names.length > 0) {
    console.error(`PLUGIN VIEW CODE MISNAMED: ${names.join('; ')}.`);
    return false;
  }
  const size = measureBuild(file, viewCodeDir);
  for (const [name, each] of Object.entries(size.viewCodeFiles)) console.log(`  view code ${name}: ${sizesOf(each)}`);
  const result = checkBuildBudgets(size);
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
