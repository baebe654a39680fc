import fs from 'node:fs';

/**
 * Chromium for the browser tests. Playwright's own browser download is not used: tests run a
 * system Chromium (Debian: `apt-get install chromium`), or the one CHROMIUM_PATH names.
 */
export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
];

/** Launch flags that work in containers and on CI (no sandboxing, no GPU, no background traffic). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The Chromium executable to use, or undefined when there is none (CHROMIUM_PATH, if set, is the only candidate). */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = env.CHROMIUM_PATH ? [env.CHROMIUM_PATH] : CHROMIUM_CANDIDATES;
  return candidates.find(isExecutable);
}

export const MISSING_CHROMIUM_MESSAGE =
  'No Chromium found for the browser tests. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome executable.';
