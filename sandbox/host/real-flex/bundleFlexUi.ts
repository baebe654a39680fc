/**
 * The real Flex UI runtime for the browser. `@twilio/flex-ui` ships a library build (a UMD file that
 * still `require`s ~240 npm packages), so it cannot be loaded by a page as it is: esbuild bundles it,
 * with every dependency from the project's own node_modules, into one IIFE that sets
 * `window.Twilio.Flex`. The output (~30 MB) lives in node_modules/.cache (never in git) and is
 * rebuilt only when the installed Flex UI or esbuild version, or this build's options, change.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import * as esbuild from 'esbuild';

const root = path.resolve(__dirname, '..', '..', '..');

/** The installed `@twilio/flex-ui` version: the runtime the real-Flex host boots. */
export function installedFlexUiVersion(): string {
  const manifest = require.resolve('@twilio/flex-ui/package.json', { paths: [root] });
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
}

// The entry: Flex's module as the global that plugins (and `Manager.create`) are reached through.
const ENTRY = `
import * as Flex from '@twilio/flex-ui';
window.Twilio = Object.assign(window.Twilio || {}, { Flex: Flex });
`;

// Flex's dependencies read `process.env` and `process.version` at module load; a browser has neither.
const PROCESS_SHIM =
  'var process = globalThis.process || { env: { NODE_ENV: "production" }, browser: true, version: "", versions: {}, platform: "browser", nextTick: function (f) { var a = [].slice.call(arguments, 1); Promise.resolve().then(function () { f.apply(null, a); }); }, cwd: function () { return "/"; } }; globalThis.process = process;';

const OPTIONS: esbuild.BuildOptions = {
  stdin: { contents: ENTRY, resolveDir: root, loader: 'js', sourcefile: 'real-flex-entry.js' },
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2019',
  minify: true,
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
  banner: { js: PROCESS_SHIM },
  loader: {
    '.svg': 'text',
    '.mp3': 'dataurl',
    '.wav': 'dataurl',
    '.png': 'dataurl',
    '.gif': 'dataurl',
    '.woff': 'dataurl',
    '.woff2': 'dataurl',
    '.ttf': 'dataurl',
    '.css': 'css',
  },
  logLevel: 'silent',
  write: false,
};

/** What decides the output: a different key means a rebuild. */
function cacheKey(flexVersion: string): string {
  const options = JSON.stringify({ ...OPTIONS, entry: ENTRY, shim: PROCESS_SHIM });
  return crypto
    .createHash('sha256')
    .update(`${flexVersion}\n${esbuild.version}\n${options}`)
    .digest('hex')
    .slice(0, 12);
}

export interface FlexUiBundle {
  version: string;
  /** The bundled runtime (JavaScript). */
  js: string;
  /** CSS that Flex's dependencies import (may be empty). */
  css: string;
  /** Whether this call built it (false: taken from the cache). */
  built: boolean;
  seconds: number;
}

export const FLEX_UI_CACHE_DIR = path.join(root, 'node_modules', '.cache', 'messaging-setup-real-flex');

/** The bundled Flex UI runtime: from the cache when it matches the installed version, else built (~10-20 s). */
export async function bundleFlexUi(): Promise<FlexUiBundle> {
  const started = Date.now();
  const version = installedFlexUiVersion();
  const dir = path.join(FLEX_UI_CACHE_DIR, `${version}-${cacheKey(version)}`);
  const jsFile = path.join(dir, 'twilio-flex.js');
  const cssFile = path.join(dir, 'twilio-flex.css');
  if (fs.existsSync(jsFile) && fs.existsSync(cssFile)) {
    return {
      version,
      js: fs.readFileSync(jsFile, 'utf8'),
      css: fs.readFileSync(cssFile, 'utf8'),
      built: false,
      seconds: (Date.now() - started) / 1000,
    };
  }
  const result = await esbuild.build({ ...OPTIONS, outfile: path.join(dir, 'twilio-flex.js') });
  const js = result.outputFiles?.find((file) => file.path.endsWith('.js'))?.text ?? '';
  const css = result.outputFiles?.find((file) => file.path.endsWith('.css'))?.text ?? '';
  if (!js) throw new Error(`esbuild produced no JavaScript for @twilio/flex-ui ${version}`);
  // Older builds of other versions are of no use: keep one.
  fs.rmSync(FLEX_UI_CACHE_DIR, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  // Written last and renamed, so an interrupted build never leaves a half file that looks cached.
  fs.writeFileSync(`${cssFile}.tmp`, css);
  fs.renameSync(`${cssFile}.tmp`, cssFile);
  fs.writeFileSync(`${jsFile}.tmp`, js);
  fs.renameSync(`${jsFile}.tmp`, jsFile);
  return { version, js, css, built: true, seconds: (Date.now() - started) / 1000 };
}

if (require.main === module) {
  bundleFlexUi().then(
    (bundle) =>
      console.log(
        `@twilio/flex-ui ${bundle.version}: ${(bundle.js.length / 1e6).toFixed(1)} MB JS, ${(bundle.css.length / 1e3).toFixed(0)} kB CSS, ${bundle.built ? 'built' : 'cached'} in ${bundle.seconds.toFixed(1)} s`,
      ),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
