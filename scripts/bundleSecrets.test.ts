/**
 * The bundle secrets check can fail: a secret of each kind planted in otherwise clean code is
 * found (and reported masked), and clean code — with the long hex strings, SID-like names and
 * URLs minified libraries are full of — passes. The runner scans every file of a build folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { credentialsFromEnv } from '../sandbox/server/config';
import { knownSecrets, runSecretsCheck, scanForSecrets, secretsInEnvFile, type SecretKind } from './bundleSecrets';

const hex = (seed: string) => seed.repeat(32).slice(0, 32);
const ACCOUNT_SID = `AC${hex('3f9a')}`;
const API_KEY_SID = `SK${hex('b27c')}`;
const AUTH_TOKEN = hex('9e1d');

/** Minified code as a bundle has it, with nothing secret in it. */
const CLEAN = [
  '!function(e){var t={};function n(r){if(t[r])return t[r].exports}}',
  // Hashes, hex colours and ids without a SID prefix, or in longer hex runs.
  `var h="${hex('0123456789abcdef')}",i="sha512-${'Aa0+'.repeat(22)}==",c="#a1b2c3";`,
  `var x="ff${ACCOUNT_SID}",y="${ACCOUNT_SID}0",z="AC${hex('12')}ab",w="ACCOUNT_SID_${hex('ab')}";`,
  // SIDs built at run time, and the names that hold them.
  'var s="AC"+e.slice(2),k="SK"+r,o={accountSid:n.accountSid,authToken:void 0,ACCOUNT_SID:1};',
  // URLs without credentials, and a URL put together at run time.
  'fetch("https://flex.twilio.com/"+p),u="mailto:support@example.com",v="https://"+a+":"+b+"@"+host;',
  'var doc="https://user@example.com/a:b@c",pk="-----BEGIN PUBLIC KEY-----";',
  // A 32-hex value named like a token but not an auth token, and an auth token that is not hex.
  `var tokenHash="${hex('5c')}",authToken=getToken(),auth_token="not-a-hex-token-at-all-0000000";`,
].join('\n');

const kinds = (text: string, known = []) => scanForSecrets(text, known).map((finding) => finding.kind);

describe('scanForSecrets', () => {
  test('clean minified code has no finding', () => {
    expect(scanForSecrets(CLEAN, knownSecrets())).toEqual([]);
  });

  test.each<[string, string, SecretKind]>([
    ['an account SID', `var a="${ACCOUNT_SID}";`, 'account-sid'],
    ['an account SID in a REST path', `fetch("/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json")`, 'account-sid'],
    ['an API key SID', `const key='${API_KEY_SID}'`, 'api-key-sid'],
    ['a PEM private key', 'k="-----BEGIN PRIVATE KEY-----\\nMIIEv..."', 'private-key'],
    ['an RSA private key', '-----BEGIN RSA PRIVATE KEY-----', 'private-key'],
    ['an OpenSSH private key', '-----BEGIN OPENSSH PRIVATE KEY-----', 'private-key'],
    ['an encrypted private key', '-----BEGIN ENCRYPTED PRIVATE KEY-----', 'private-key'],
    ['an auth token in a URL', `u="https://api:${AUTH_TOKEN}@api.twilio.com/2010-04-01"`, 'credentials-in-url'],
    ['any password in a URL', 'u="wss://bot:hunter2hunter2@chat.example.com/"', 'credentials-in-url'],
    ['an auth token assigned in code', `o={authToken:"${AUTH_TOKEN}"}`, 'auth-token-literal'],
    ['an auth token in JSON', `{"auth_token": "${AUTH_TOKEN}"}`, 'auth-token-literal'],
    ['an auth token in a query string', `u="/x?AuthToken=${AUTH_TOKEN}&y=1"`, 'auth-token-literal'],
  ])('finds %s planted in clean code', (_what, planted, kind) => {
    const text = `${CLEAN}\n${planted}\n${CLEAN}`;
    expect(kinds(text)).toEqual([kind]);
    const [finding] = scanForSecrets(text);
    expect(finding.line).toBe(CLEAN.split('\n').length + 1);
    expect(finding.column).toBeGreaterThan(0);
  });

  test('an account SID in basic-auth URL is both a SID and credentials in a URL', () => {
    expect(kinds(`"https://${ACCOUNT_SID}:${AUTH_TOKEN}@api.twilio.com"`).sort()).toEqual([
      'account-sid',
      'credentials-in-url',
    ]);
  });

  test('findings are masked: the report does not spread the secret', () => {
    const text = `a="${ACCOUNT_SID}";b="https://api:${AUTH_TOKEN}@api.twilio.com";c={authToken:"${AUTH_TOKEN}"}`;
    const report = JSON.stringify(scanForSecrets(text));
    expect(report).not.toContain(ACCOUNT_SID);
    expect(report).not.toContain(AUTH_TOKEN);
    expect(scanForSecrets(text).map((f) => f.what)).toEqual([
      'AC3f9a… (34 chars)',
      'https://…:…@api.twilio.com',
      'authTo… (43 chars)',
    ]);
  });

  test('finds known secret values, as written and JSON-escaped (a source map), by name', () => {
    const known = [{ name: 'API_SECRET of serverless/.env', value: 'p4ss"word\\with/quotes' }];
    const inCode = scanForSecrets(`${CLEAN}\nvar s='p4ss"word\\with/quotes';`, known);
    const inMap = scanForSecrets(`{"sourcesContent":["var s = \\"${'p4ss\\"word\\\\with/quotes'}\\";"]}`, known);
    for (const findings of [inCode, inMap]) {
      expect(findings).toEqual([expect.objectContaining({ kind: 'known-secret', what: known[0].name })]);
    }
  });

  test('finds the sandbox’s auth token and account SID (its known secrets)', () => {
    const { accountSid, authToken } = credentialsFromEnv();
    const findings = scanForSecrets(`x="${authToken}";y="${accountSid}"`, knownSecrets());
    expect(findings.map((f) => `${f.kind} ${f.what}`).sort()).toEqual(
      [
        'account-sid AC5a4d… (34 chars)',
        'known-secret the sandbox account SID',
        'known-secret the sandbox auth token',
      ].sort(),
    );
  });

  test('known values too short to be a credential are not searched for', () => {
    expect(scanForSecrets('var a=true,b="1";', [{ name: 'FLAG', value: 'true' }])).toEqual([]);
  });
});

describe('secretsInEnvFile', () => {
  test('takes the values of secret-looking variables, without quotes, and nothing else', () => {
    const env = [
      '# Local run',
      'ACCOUNT_SID=ACxxxx',
      `AUTH_TOKEN=${AUTH_TOKEN}`,
      'export TWILIO_API_SECRET="s3cr3t value"',
      "SIGNING_PRIVATE_KEY='pem'",
      'MESSAGING_SETUP_READ_ROLES=admin,supervisor',
      'TWILIO_API_KEY=',
      'DB_PASSWORD = hunter2hunter2  ',
      'WEBHOOK_SECRET=abcdefgh12345678 # rotated monthly',
    ].join('\n');
    // Which values, not in which order (the parser's order is its own).
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect(secretsInEnvFile(env, 'serverless/.env').sort(byName)).toEqual(
      [
        { name: 'AUTH_TOKEN of serverless/.env', value: AUTH_TOKEN },
        { name: 'TWILIO_API_SECRET of serverless/.env', value: 's3cr3t value' },
        { name: 'SIGNING_PRIVATE_KEY of serverless/.env', value: 'pem' },
        { name: 'DB_PASSWORD of serverless/.env', value: 'hunter2hunter2' },
        { name: 'WEBHOOK_SECRET of serverless/.env', value: 'abcdefgh12345678' },
      ].sort(byName),
    );
  });
});

describe('runSecretsCheck on a build folder', () => {
  let project: string;
  beforeEach(() => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-secrets-'));
    fs.mkdirSync(path.join(project, 'build', 'maps'), { recursive: true });
    fs.mkdirSync(path.join(project, 'serverless'));
    fs.writeFileSync(path.join(project, 'build', 'plugin.js'), CLEAN);
    fs.writeFileSync(path.join(project, 'serverless', '.env'), `AUTH_TOKEN=${AUTH_TOKEN}\n`);
    fs.writeFileSync(path.join(project, 'serverless', '.env.example'), 'AUTH_TOKEN=your-auth-token-here\n');
    fs.writeFileSync(path.join(project, '.env.production'), 'FLEX_APP_API_SECRET=plugin-build-secret\n');
    fs.writeFileSync(path.join(project, 'serverless', 'prod.env'), 'TWILIO_API_SECRET=prod-api-secret\n');
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    fs.rmSync(project, { recursive: true, force: true });
  });
  const build = () => path.join(project, 'build');
  const printed = () =>
    [...jest.mocked(console.log).mock.calls, ...jest.mocked(console.error).mock.calls].map((c) => String(c[0]));

  test('a clean build passes, with one line saying what was scanned', () => {
    expect(runSecretsCheck(build(), knownSecrets(project))).toBe(true);
    expect(printed()).toEqual([expect.stringMatching(/^Plugin build free of secrets: .*1 files/)]);
  });

  test('a .env secret in a source map in a subfolder fails the check (and a template’s placeholder is not one)', () => {
    const known = knownSecrets(project);
    expect(known.map((s) => s.name).sort()).toEqual([
      'AUTH_TOKEN of serverless/.env',
      'FLEX_APP_API_SECRET of .env.production',
      'TWILIO_API_SECRET of serverless/prod.env',
      'the sandbox account SID',
      'the sandbox auth token',
    ]);
    fs.writeFileSync(path.join(build(), 'maps', 'plugin.js.map'), `{"sourcesContent":["t='${AUTH_TOKEN}'"]}`);
    expect(runSecretsCheck(build(), known)).toBe(false);
    expect(printed()).toEqual([
      expect.stringMatching(/maps\/plugin\.js\.map:1:\d+ known-secret: AUTH_TOKEN of serverless\/\.env$/),
      expect.stringMatching(/^SECRETS IN THE PLUGIN BUILD: 1 finding in/),
    ]);
    expect(printed().join('\n')).not.toContain(AUTH_TOKEN);
  });

  test('a missing or empty build folder is a failure, not a pass', () => {
    fs.rmSync(build(), { recursive: true });
    expect(runSecretsCheck(build(), [])).toBe(false);
    fs.mkdirSync(build());
    expect(runSecretsCheck(build(), [])).toBe(false);
    expect(printed()).toEqual([
      expect.stringMatching(/^PLUGIN BUILD NOT CHECKED FOR SECRETS/),
      expect.stringMatching(/^PLUGIN BUILD NOT CHECKED FOR SECRETS/),
    ]);
  });
});

describe('the packages the plugin bundle is built from', () => {
  test('Paste, reakit, emotion and React hold no match (the patterns need no allowlist)', () => {
    const root = path.join(__dirname, '..', 'node_modules');
    const packages = ['@twilio-paste', 'reakit', 'reakit-utils', 'reakit-system', '@emotion', 'react', 'react-dom'];
    const files = packages.flatMap((name) => jsFilesUnder(path.join(root, name)));
    expect(files.length).toBeGreaterThan(500);
    const found = files.flatMap((file) =>
      scanForSecrets(fs.readFileSync(file, 'utf8')).map((f) => `${path.relative(root, file)} ${f.kind}`),
    );
    expect(found).toEqual([]);
  });
});

function jsFilesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? jsFilesUnder(path.join(dir, entry.name))
        : /\.(?:js|mjs|cjs)$/.test(entry.name)
          ? [path.join(dir, entry.name)]
          : [],
    );
}
