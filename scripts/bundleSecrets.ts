/**
 * No secret in the plugin build: every file in build/ (the bundle, its license file, a source map
 * when there is one) is scanned for Twilio account and API key SIDs, PEM private keys, credentials
 * in URLs, auth tokens assigned in code, and the literal values of the secrets this machine knows
 * of (the sandbox's credentials, secret-looking variables of any `.env` file). Flex serves the
 * bundle to every agent's browser, so whatever is in it is public; the backend holds the
 * credentials, the plugin only ever sends the user's own Flex token (docs/SECURITY.md).
 *
 * `npm test` runs this as one test on the bundle the size budget was checked on; `tsx
 * scripts/bundleSecrets.ts` runs it on build/ as it is. Prints each finding (masked) and one
 * verdict line; exits 1 on a finding, or when there is nothing to scan.
 *
 * No allowlist: the patterns are anchored (an `AC`/`SK` prefix and exactly 32 hex digits between
 * non-alphanumerics; a PEM header; a URL's user:password part; a 32-hex literal assigned to a name
 * saying auth token), and the whole current bundle — Paste, React glue and all — has no match.
 */
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';

import { credentialsFromEnv } from '../sandbox/server/config';

export type SecretKind =
  'account-sid' | 'api-key-sid' | 'private-key' | 'credentials-in-url' | 'auth-token-literal' | 'known-secret';

export interface KnownSecret {
  /** Where the value comes from, for the report (never the value itself). */
  name: string;
  value: string;
}

export interface SecretFinding {
  kind: SecretKind;
  /** 1-based position of the match in the scanned text. */
  line: number;
  column: number;
  /** The match masked (first characters and length), or the known secret's name. */
  what: string;
}

/** A value shorter than this is no credential worth the name, and would match all over minified code. */
export const MIN_KNOWN_SECRET_LENGTH = 8;

const HEX32 = '[0-9a-fA-F]{32}';
/** Not part of a longer identifier or hex run on either side. */
const bounded = (body: string) => new RegExp(`(?<![0-9A-Za-z])${body}(?![0-9A-Za-z])`, 'g');

/** The first characters and the length: enough to find the match, too little to use it. */
const masked = (match: string) => `${match.slice(0, 6)}… (${match.length} chars)`;

const PATTERNS: { kind: SecretKind; pattern: RegExp; describe(match: string): string }[] = [
  { kind: 'account-sid', pattern: bounded(`AC${HEX32}`), describe: masked },
  { kind: 'api-key-sid', pattern: bounded(`SK${HEX32}`), describe: masked },
  { kind: 'private-key', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/g, describe: (match) => match },
  // scheme://user:password@host — how an auth token ends up in a URL (https://AC…:token@api.twilio.com).
  {
    kind: 'credentials-in-url',
    pattern: /\b[a-z][a-z0-9+.-]*:\/\/[A-Za-z0-9._~%!$&'()*+,;=-]+:[A-Za-z0-9._~%!$&'()*+,;=-]{8,}@[A-Za-z0-9.-]+/gi,
    describe: (match) => match.replace(/\/\/.*@/, '//…:…@'),
  },
  // authToken: "…", auth_token = '…', AuthToken=… (a query string): a 32-hex auth token by its name.
  {
    kind: 'auth-token-literal',
    pattern: new RegExp(`auth_?token["']?\\s*[:=]\\s*["'\`]?${HEX32}(?![0-9A-Za-z])`, 'gi'),
    describe: masked,
  },
];

function position(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}

/** The forms a value takes in a file: as written, and escaped inside a JSON string (source maps). */
function writtenForms(value: string): string[] {
  const escaped = JSON.stringify(value).slice(1, -1);
  return escaped === value ? [value] : [value, escaped];
}

/** Every secret-looking thing in `text`, in order of position. Pure: reads nothing else. */
export function scanForSecrets(text: string, known: readonly KnownSecret[] = []): SecretFinding[] {
  const findings: SecretFinding[] = [];
  for (const { kind, pattern, describe } of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      findings.push({ kind, ...position(text, match.index), what: describe(match[0]) });
    }
  }
  for (const secret of known) {
    if (secret.value.length < MIN_KNOWN_SECRET_LENGTH) continue;
    for (const form of writtenForms(secret.value)) {
      for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + 1)) {
        findings.push({ kind: 'known-secret', ...position(text, at), what: secret.name });
      }
    }
  }
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Variable names whose values are credentials. */
const SECRET_NAME = /(?:TOKEN|SECRET|PASSWORD|PASSWD|PRIVATE_KEY|API_KEY|CREDENTIAL)/i;

/**
 * The secret-looking variables of a .env file, read as dotenv (and the deploy scripts, and the
 * plugin build) read it: quotes, `export ` and trailing `# comments` removed.
 */
export function secretsInEnvFile(text: string, source: string): KnownSecret[] {
  return Object.entries(util.parseEnv(text))
    .filter((entry): entry is [string, string] => SECRET_NAME.test(entry[0]) && Boolean(entry[1]))
    .map(([name, value]) => ({ name: `${name} of ${source}`, value }));
}

const root = path.resolve(__dirname, '..');
export const BUILD_DIR = path.join(root, 'build');
/** Where .env files live: the plugin build reads the root's, the functions serverless/'s. */
const ENV_DIRS = ['.', 'serverless', 'sandbox'];
/** Environment files as .gitignore names them: `.env`, `.env.<profile>`, `<profile>.env`. */
const ENV_FILE = /^\.env(?:\..+)?$|\.env$/;
/** Templates hold placeholders, not values. */
const ENV_TEMPLATE = /\.(?:example|sample|template)$/;

/** The secrets this checkout knows: the sandbox's credentials and the .env files' secret values. */
export function knownSecrets(projectRoot: string = root): KnownSecret[] {
  const sandbox = credentialsFromEnv();
  const secrets: KnownSecret[] = [
    { name: 'the sandbox account SID', value: sandbox.accountSid },
    { name: 'the sandbox auth token', value: sandbox.authToken },
  ];
  for (const dir of ENV_DIRS) {
    const folder = path.join(projectRoot, dir);
    if (!fs.existsSync(folder)) continue;
    for (const name of fs.readdirSync(folder)) {
      if (!ENV_FILE.test(name) || ENV_TEMPLATE.test(name)) continue;
      const file = path.join(folder, name);
      if (!fs.statSync(file).isFile()) continue;
      secrets.push(...secretsInEnvFile(fs.readFileSync(file, 'utf8'), path.posix.join(dir, name)));
    }
  }
  return secrets;
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}

/** Scans every file in `dir`; prints the findings and one verdict line; true when there are none. */
export function runSecretsCheck(dir: string = BUILD_DIR, known: readonly KnownSecret[] = knownSecrets()): boolean {
  const shown = path.relative(root, dir) || dir;
  const files = fs.existsSync(dir) ? filesUnder(dir) : [];
  if (files.length === 0) {
    console.error(`PLUGIN BUILD NOT CHECKED FOR SECRETS: ${shown}/ has no files (run npm run build).`);
    return false;
  }
  let count = 0;
  let bytes = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    bytes += text.length;
    for (const finding of scanForSecrets(text, known)) {
      count += 1;
      console.error(
        `  ${path.relative(root, file)}:${finding.line}:${finding.column} ${finding.kind}: ${finding.what}`,
      );
    }
  }
  const scanned = `${files.length} files, ${bytes.toLocaleString('en-US')} characters`;
  const values = known.filter((secret) => secret.value.length >= MIN_KNOWN_SECRET_LENGTH).length;
  if (count > 0) {
    console.error(
      `SECRETS IN THE PLUGIN BUILD: ${count} finding${count === 1 ? '' : 's'} in ${shown}/ (${scanned}); see docs/SECURITY.md.`,
    );
    return false;
  }
  console.log(
    `Plugin build free of secrets: ${shown}/ (${scanned}) has no account or API key SID, private key, ` +
      `credentials in a URL, auth token literal, or any of ${values} known secret values.`,
  );
  return true;
}

if (require.main === module) process.exit(runSecretsCheck() ? 0 : 1);
