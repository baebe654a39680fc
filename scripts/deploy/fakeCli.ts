/**
 * Test helper for the deploy scripts: a temp project and a fake `twilio` (and `npm`) first on PATH.
 * The fakes record each call (argv, cwd) and answer the way the real commands do — `twilio plugins`
 * lines, `profiles:list -o json`, twilio-run's plain deploy report, the Flex CLI's deploy and release
 * messages (with its bold markers as terminal codes), the generated `api:sync:v1:services:*`
 * commands' `-o json` answers (an array, camel-cased keys, Twilio's error body and exit 20 for a
 * 404; see deployBackend.ts for the sources) on a persisted set of Sync Services — so the scripts'
 * parsing is tested on real shapes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { FLEX_PLUGIN, SERVERLESS_PLUGIN, type DeployIo } from './twilioCli';

export interface FakeCliOptions {
  /** Whether there is a `twilio` on PATH at all. Default true. */
  twilio?: boolean;
  /** Installed CLI plugins. Default: the Serverless and the Flex plugin. */
  plugins?: string[];
  /** `twilio profiles:list` rows. Default: one active profile "default". */
  profiles?: { id: string; accountSid?: string; active: boolean }[];
  /** Exit codes by subcommand (`serverless:deploy`, `flex:plugins:release`, `npm:run build -w serverless`). */
  fail?: Record<string, number>;
  /** stdout by subcommand, replacing the built-in answer. */
  output?: Record<string, string>;
  /** The account's Sync Services (`api:sync:v1:services:*`). Default: none. */
  syncServices?: FakeSyncService[];
  /** A service another deploy makes while `api:sync:v1:services:create` runs (a race). */
  madeMeanwhile?: FakeSyncService;
}

export interface FakeSyncService {
  sid: string;
  friendlyName: string | null;
  aclEnabled: boolean;
  /** ISO 8601. Default: 2024-01-01. */
  dateCreated?: string;
}

/** The env file `serverless:deploy` was given (`--env`, resolved as twilio-run does), read when it ran. */
export interface FakeDeployEnv {
  path: string;
  /** Its content then; null when there was no such file. */
  content: string | null;
}

export interface FakeCall {
  command: 'twilio' | 'npm';
  args: string[];
  cwd: string;
}

export interface FakeCli {
  /** The temp project root: package.json, serverless/. */
  root: string;
  env: NodeJS.ProcessEnv;
  /** Every call to the fakes, in order. */
  calls(): FakeCall[];
  /** Calls other than the preflight questions (`plugins`, `profiles:list`). */
  steps(): FakeCall[];
  /** The `api:sync:v1:services:*` calls, in order. */
  syncCalls(): FakeCall[];
  /** The account's Sync Services now (made ones included). */
  syncServices(): FakeSyncService[];
  /** The env file of each `serverless:deploy` call, in order. */
  deployEnvs(): FakeDeployEnv[];
  /** A DeployIo on the temp project and the fake PATH; what the script printed is collected. */
  io(extraEnv?: NodeJS.ProcessEnv): { io: DeployIo; out: string[]; err: string[] };
  write(relativePath: string, content: string): void;
  cleanup(): void;
}

export const FAKE_DOMAIN = 'messaging-setup-4321-dev.twil.io';
export const FAKE_VERSION = '0.0.4';
export const FAKE_ACCOUNT_SID = 'AC00000000000000000000000000000000';
/** The SID the fake gives the n-th Sync Service it makes (1, 2, …). */
export const fakeMadeSid = (n: number) => `IS${(0xabc000 + n).toString(16).padStart(32, '0')}`;

const FAKE_SCRIPT = String.raw`
const fs = require('fs');
const config = JSON.parse(fs.readFileSync(process.env.FAKE_CLI_CONFIG, 'utf8'));
const [name, ...args] = process.argv.slice(2);
fs.appendFileSync(config.log, JSON.stringify({ command: name, args, cwd: process.cwd() }) + '\n');
const sub = name === 'npm' ? 'npm:' + args.join(' ') : args[0];
const bold = (text) => '\u001b[1m' + text + '\u001b[22m';
const flag = (flagName) => {
  const at = args.indexOf(flagName);
  return at >= 0 ? args[at + 1] : undefined;
};
const json = args.includes('-o') && args[args.indexOf('-o') + 1] === 'json';
let exitCode = 0;
const readSync = () => JSON.parse(fs.readFileSync(config.syncState, 'utf8'));
const serviceJson = (s) => ({
  sid: s.sid,
  uniqueName: null,
  accountSid: config.accountSid,
  friendlyName: s.friendlyName,
  dateCreated: s.dateCreated,
  dateUpdated: s.dateCreated,
  url: 'https://sync.twilio.com/v1/Services/' + s.sid,
  webhookUrl: null,
  webhooksFromRestEnabled: false,
  reachabilityWebhooksEnabled: false,
  aclEnabled: s.aclEnabled,
  reachabilityDebouncingEnabled: false,
  reachabilityDebouncingWindow: 5000,
  links: { documents: 'https://sync.twilio.com/v1/Services/' + s.sid + '/Documents' },
});
// cli-core's output: -o json prints an array of every property; columns print the default ones.
const rows = (services) => {
  if (services.length === 0) {
    process.stderr.write('No results\n');
    return '';
  }
  if (json) return JSON.stringify(services.map(serviceJson), null, 2) + '\n';
  return ['SID                                 Unique Name  Friendly Name']
    .concat(services.map((s) => s.sid + '  null         ' + s.friendlyName))
    .join('\n') + '\n';
};
function answer() {
  if (sub === 'api:sync:v1:services:list') return rows(readSync().slice(0, Number(flag('--limit') || 50)));
  if (sub === 'api:sync:v1:services:fetch') {
    const found = readSync().find((s) => s.sid === flag('--sid'));
    if (found) return rows([found]);
    exitCode = 20;
    const body = {
      code: 20404,
      message: 'The requested resource /Services/' + flag('--sid') + ' was not found',
      more_info: 'https://www.twilio.com/docs/errors/20404',
      status: 404,
    };
    if (json) return JSON.stringify([body], null, 2) + '\n';
    process.stderr.write(body.message + '\n');
    return '';
  }
  if (sub === 'api:sync:v1:services:create') {
    const services = readSync();
    const made = {
      sid: 'IS' + (0xabc000 + services.filter((s) => s.made).length + 1).toString(16).padStart(32, '0'), // fakeMadeSid
      friendlyName: flag('--friendly-name') ?? null,
      aclEnabled: args.includes('--acl-enabled'),
      dateCreated: new Date().toISOString(),
      made: true,
    };
    const raced = config.madeMeanwhile ? [config.madeMeanwhile] : [];
    fs.writeFileSync(config.syncState, JSON.stringify(services.concat(raced, [made])));
    return rows([made]);
  }
  if (sub === 'plugins') return config.plugins.map((plugin) => plugin + ' 3.2.1').join('\n') + '\n';
  if (sub === 'profiles:list') {
    if (config.profiles.length === 0) {
      process.stderr.write('» No profiles have been configured. Run twilio profiles:create to create one!\n');
      return '';
    }
    if (args.includes('json')) return JSON.stringify(config.profiles, null, 2) + '\n';
    return ['ID       Account SID                         Active']
      .concat(config.profiles.map((p) => p.id.padEnd(9) + p.accountSid + '  ' + p.active))
      .join('\n') + '\n';
  }
  if (sub === 'serverless:deploy') {
    const envFlag = flag('--env');
    if (envFlag !== undefined) {
      const envPath = require('path').resolve(process.cwd(), envFlag);
      const content = fs.existsSync(envPath) ? fs.readFileSync(envPath, 'utf8') : null;
      fs.appendFileSync(config.envLog, JSON.stringify({ path: envPath, content }) + '\n');
    }
    return [
      'configInfo',
      'account               ' + config.accountSid,
      'serviceName           messaging-setup',
      'environment           dev',
      '',
      'deploymentInfo',
      'domain                ' + config.domain,
      'serviceName           messaging-setup',
      'environmentSuffix     dev',
      '',
      'functions',
      'public  /list-phone-numbers  https://' + config.domain + '/list-phone-numbers',
      '',
    ].join('\n');
  }
  if (sub === 'flex:plugins:deploy') {
    return [
      '✔ Validating deployment of plugin ' + bold('plugin-messaging-setup'),
      '✔ Registering version ' + bold('v' + config.version) + ' with Plugins API',
      '',
      '🚀 Plugin (private) ' + bold('plugin-messaging-setup') + '@' + bold(config.version) +
        ' was successfully deployed using Plugins API',
      '',
      bold('Next Steps:'),
      'Run $ twilio flex:plugins:release --plugin plugin-messaging-setup@' + config.version +
        ' --name "Autogenerated Release 1700000000000" --description "The description of this Flex Plugin Configuration." to enable this plugin on your flex instance',
      '',
    ].join('\n');
  }
  if (sub === 'flex:plugins:release') return '🚀 Configuration ' + bold('v7') + ' was successfully enabled\n';
  if (sub === 'npm:run build -w serverless') return 'Built 15 functions into serverless/functions/\n';
  if (sub === 'npm:run build') return 'Compiled successfully.\n';
  return '';
}
const output = config.output[sub];
process.stdout.write(output === undefined ? answer() : output);
process.exitCode = config.fail[sub] || exitCode;
`;

export function createFakeCli(options: FakeCliOptions = {}): FakeCli {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'messaging-setup-deploy-'));
  const bin = path.join(dir, 'bin');
  const root = path.join(dir, 'project');
  const log = path.join(dir, 'calls.jsonl');
  const envLog = path.join(dir, 'envs.jsonl');
  const syncState = path.join(dir, 'sync.json');
  fs.mkdirSync(bin);
  fs.mkdirSync(path.join(root, 'serverless'), { recursive: true });
  fs.writeFileSync(
    path.join(root, 'package.json'),
    JSON.stringify({ name: 'plugin-messaging-setup', version: '0.1.0' }, null, 2),
  );
  fs.writeFileSync(log, '');
  fs.writeFileSync(envLog, '');
  fs.writeFileSync(
    syncState,
    JSON.stringify(
      (options.syncServices ?? []).map((service) => ({ dateCreated: '2024-01-01T00:00:00.000Z', ...service })),
    ),
  );

  const configFile = path.join(dir, 'config.json');
  fs.writeFileSync(
    configFile,
    JSON.stringify({
      log,
      envLog,
      syncState,
      madeMeanwhile: options.madeMeanwhile && { dateCreated: '2024-01-01T00:00:00.000Z', ...options.madeMeanwhile },
      plugins: options.plugins ?? [SERVERLESS_PLUGIN, FLEX_PLUGIN],
      profiles: (options.profiles ?? [{ id: 'default', active: true }]).map((p) => ({
        accountSid: FAKE_ACCOUNT_SID,
        ...p,
      })),
      fail: options.fail ?? {},
      output: options.output ?? {},
      domain: FAKE_DOMAIN,
      version: FAKE_VERSION,
      accountSid: FAKE_ACCOUNT_SID,
    }),
  );
  const script = path.join(dir, 'fake.js');
  fs.writeFileSync(script, FAKE_SCRIPT);
  // A shell wrapper with node's absolute path: the fake PATH holds nothing but the fakes.
  const wrapper = (name: string) => `#!/bin/sh\nexec "${process.execPath}" "${script}" ${name} "$@"\n`;
  const fakes: ('twilio' | 'npm')[] = options.twilio === false ? ['npm'] : ['twilio', 'npm'];
  for (const name of fakes) fs.writeFileSync(path.join(bin, name), wrapper(name), { mode: 0o755 });

  const env: NodeJS.ProcessEnv = { PATH: bin, FAKE_CLI_CONFIG: configFile };
  const calls = () =>
    fs
      .readFileSync(log, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as FakeCall);

  return {
    root,
    env,
    calls,
    steps: () => calls().filter((call) => !['plugins', 'profiles:list'].includes(call.args[0])),
    syncCalls: () => calls().filter((call) => call.args[0]?.startsWith('api:sync:v1:services:')),
    syncServices: () =>
      (JSON.parse(fs.readFileSync(syncState, 'utf8')) as (FakeSyncService & { made?: boolean })[]).map(
        ({ sid, friendlyName, aclEnabled, dateCreated }) => ({ sid, friendlyName, aclEnabled, dateCreated }),
      ),
    deployEnvs: () =>
      fs
        .readFileSync(envLog, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as FakeDeployEnv),
    io(extraEnv = {}) {
      const out: string[] = [];
      const err: string[] = [];
      const io: DeployIo = {
        root,
        env: { ...env, ...extraEnv },
        info: (line) => out.push(line),
        error: (line) => err.push(line),
        echo: (chunk, stream) => (stream === 'stdout' ? out : err).push(chunk),
      };
      return { io, out, err };
    },
    write(relativePath, content) {
      fs.writeFileSync(path.join(root, relativePath), content);
    },
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
