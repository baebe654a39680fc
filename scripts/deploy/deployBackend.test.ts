import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';

import { BACKEND_SYNC_SERVICE_NAME } from '../../src/contract/types';
import {
  deployBackend,
  deployEnvContent,
  parseCliJson,
  parseDeployedDomain,
  parseSyncServices,
  pickBackendSyncService,
  sandboxUrlProblem,
  withoutEnvFlag,
  withTempEnvFile,
} from './deployBackend';
import {
  createFakeCli,
  FAKE_DOMAIN,
  fakeMadeSid,
  type FakeCli,
  type FakeCliOptions,
  type FakeSyncService,
} from './fakeCli';
import { CLI_MISSING, NOT_LOGGED_IN, pluginMissing, SERVERLESS_PLUGIN } from './twilioCli';

const sidOf = (n: number) => `IS${String(n).padStart(32, '0')}`;
/** The backend's own service, as an earlier deploy made it. */
const BACKEND_SERVICE: FakeSyncService = {
  sid: sidOf(1),
  friendlyName: BACKEND_SYNC_SERVICE_NAME,
  aclEnabled: true,
  dateCreated: '2025-03-01T10:00:00.000Z',
};

let fake: FakeCli;
/** Default: the account already has the backend's service, so the deploy only looks it up. */
const setUp = (options?: FakeCliOptions) => (fake = createFakeCli({ syncServices: [BACKEND_SERVICE], ...options }));
afterEach(() => fake?.cleanup());

const deployCalls = () => fake.steps().filter((call) => call.args[0] === 'serverless:deploy');
const parsedDeployEnv = (index = 0) => util.parseEnv(fake.deployEnvs()[index].content ?? '');

async function run(args: string[] = [], extraEnv: NodeJS.ProcessEnv = {}) {
  const { io, out, err } = fake.io(extraEnv);
  const code = await deployBackend(io, args);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run deploy:backend — preflight failures stop before any deploy command', () => {
  it('without the Twilio CLI on PATH, says how to install it', async () => {
    setUp({ twilio: false });
    const result = await run();
    expect(result.code).toBe(1);
    expect(result.err).toBe(CLI_MISSING);
    expect(result.err).toContain('npm install -g twilio-cli');
    expect(fake.calls()).toEqual([]);
  });

  it('without the Serverless plugin, says which plugin to install', async () => {
    setUp({ plugins: ['@twilio-labs/plugin-flex'] });
    const result = await run();
    expect(result.code).toBe(1);
    expect(result.err).toBe(pluginMissing(SERVERLESS_PLUGIN));
    expect(result.err).toContain('twilio plugins:install @twilio-labs/plugin-serverless');
    expect(fake.steps()).toEqual([]);
  });

  it('with no profile and no credentials in the environment, says to log in', async () => {
    setUp({ profiles: [] });
    const result = await run();
    expect(result.code).toBe(1);
    expect(result.err).toBe(NOT_LOGGED_IN);
    expect(fake.calls().map((call) => call.args)).toContainEqual(['profiles:list', '-o', 'json']);
    expect(fake.steps()).toEqual([]);
  });

  it('with incomplete credentials in the environment and no profile, says to log in', async () => {
    setUp({ profiles: [] });
    const result = await run([], { TWILIO_ACCOUNT_SID: 'AC123', TWILIO_API_KEY: 'SK123' });
    expect(result.code).toBe(1);
    expect(result.err).toBe(NOT_LOGGED_IN);
    expect(fake.steps()).toEqual([]);
  });

  it('with --profile naming a profile the CLI does not have, names it', async () => {
    setUp({ profiles: [{ id: 'default', active: true }] });
    const result = await run(['--profile', 'staging']);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^The Twilio CLI has no profile "staging" \(from --profile\)/);
    expect(fake.steps()).toEqual([]);
  });

  it('when serverless/.env sets TWILIO_SANDBOX_URL, refuses to deploy a backend pointed at the sandbox', async () => {
    setUp();
    fake.write('serverless/.env', 'MESSAGING_SETUP_READ_ROLES=admin\nTWILIO_SANDBOX_URL=http://127.0.0.1:3002\n');
    const result = await run();
    expect(result.code).toBe(1);
    expect(result.err).toContain('serverless/.env sets TWILIO_SANDBOX_URL');
    expect(result.err.split('\n')).toHaveLength(1);
    expect(fake.steps()).toEqual([]);
  });

  it('checks the file given with --env instead of serverless/.env', async () => {
    setUp();
    fake.write('serverless/.env', 'MESSAGING_SETUP_READ_ROLES=admin\n');
    fake.write('serverless/.env.prod', 'TWILIO_SANDBOX_URL="http://127.0.0.1:3002"\n');
    const result = await run(['--env', '.env.prod']);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`${path.join('serverless', '.env.prod')} sets TWILIO_SANDBOX_URL`);
    expect(fake.steps()).toEqual([]);
  });

  it('with --env naming a missing file, says so', async () => {
    setUp();
    const result = await run(['--env', '.env.missing']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('(from --env) does not exist');
    expect(fake.steps()).toEqual([]);
  });

  it('stops when the plugin (whose view code the backend serves) does not build, without deploying', async () => {
    setUp({ fail: { 'npm:run build': 2 } });
    const result = await run();
    expect(result.code).toBe(1);
    expect(result.err).toContain('Building the plugin (whose view code the backend serves) failed (exit 2)');
    expect(fake.steps().map((call) => call.args.join(' '))).toEqual([
      expect.stringMatching(/^api:sync:v1:services:list/),
      'run build',
    ]);
    expect(deployCalls()).toEqual([]);
  });

  it('stops when the functions do not build, without deploying', async () => {
    setUp({ fail: { 'npm:run build -w serverless': 2 } });
    const result = await run();
    expect(result.code).toBe(1);
    expect(result.err).toContain('Building the functions failed (exit 2)');
    expect(fake.steps().map((call) => call.args[0])).toEqual(['api:sync:v1:services:list', 'run', 'run']);
    expect(deployCalls()).toEqual([]);
  });
});

describe('npm run deploy:backend — deploying', () => {
  it('finds the history service, builds the functions, then deploys serverless/ with the extra arguments, and prints the domain and the next step', async () => {
    setUp();
    fake.write('serverless/.env', 'MESSAGING_SETUP_WRITE_ROLES=admin\n# TWILIO_SANDBOX_URL=http://127.0.0.1:3002\n');
    const result = await run(['--environment', 'prod']);
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    const [envFile] = fake.deployEnvs();
    expect(fake.steps()).toEqual([
      {
        command: 'twilio',
        args: ['api:sync:v1:services:list', '--page-size', '100', '--limit', '1000', '-o', 'json'],
        cwd: fake.root,
      },
      { command: 'npm', args: ['run', 'build'], cwd: fake.root },
      { command: 'npm', args: ['run', 'build', '-w', 'serverless'], cwd: fake.root },
      {
        command: 'twilio',
        args: ['serverless:deploy', '--environment', 'prod', '--env', envFile.path],
        cwd: path.join(fake.root, 'serverless'),
      },
    ]);
    expect(result.out).toContain('Using the active Twilio CLI profile "default".');
    expect(result.out).toContain('Environment from serverless/.env: MESSAGING_SETUP_WRITE_ROLES.');
    expect(result.out).toContain(`Backend deployed: https://${FAKE_DOMAIN}`);
    expect(result.out).toContain(`FLEX_APP_MESSAGING_SETUP_BACKEND_URL=https://${FAKE_DOMAIN}`);
  });

  it('without serverless/.env, says the defaults apply and deploys', async () => {
    setUp();
    const result = await run();
    expect(result.code).toBe(0);
    expect(result.out).toContain('No serverless/.env: deploying with the defaults');
    expect(fake.steps().map((call) => call.args[0])).toEqual([
      'api:sync:v1:services:list',
      'run',
      'run',
      'serverless:deploy',
    ]);
    expect(parsedDeployEnv()).toEqual({ MESSAGING_SETUP_SYNC_SERVICE_SID: BACKEND_SERVICE.sid });
  });

  it('uses credentials from the environment without asking for profiles', async () => {
    setUp({ profiles: [] });
    const env = { TWILIO_ACCOUNT_SID: 'AC123', TWILIO_API_KEY: 'SK123', TWILIO_API_SECRET: 'secret' };
    const result = await run(['--production'], env);
    expect(result.code).toBe(0);
    expect(result.out).toContain('Using the credentials in the environment (TWILIO_ACCOUNT_SID with TWILIO_API_KEY');
    expect(fake.calls().some((call) => call.args[0] === 'profiles:list')).toBe(false);
    expect(deployCalls()[0].args.slice(0, 2)).toEqual(['serverless:deploy', '--production']);
    expect(fake.syncCalls()[0].args).not.toContain('--profile');
  });

  it('passes --profile on when the profile exists, to the Sync Service commands too', async () => {
    setUp({
      profiles: [
        { id: 'default', active: true },
        { id: 'staging', active: false },
      ],
      syncServices: [],
    });
    const result = await run(['-p', 'staging']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('Using the Twilio CLI profile "staging" (--profile).');
    expect(deployCalls()[0].args.slice(0, 3)).toEqual(['serverless:deploy', '-p', 'staging']);
    const syncCalls = fake.syncCalls();
    expect(syncCalls.map((call) => call.args[0])).toEqual([
      'api:sync:v1:services:list',
      'api:sync:v1:services:create',
      'api:sync:v1:services:list',
    ]);
    for (const call of syncCalls) expect(call.args.slice(-4)).toEqual(['--profile', 'staging', '-o', 'json']);
  });

  it('reports a failed deploy with its exit code', async () => {
    setUp({ fail: { 'serverless:deploy': 3 } });
    const result = await run();
    expect(result.code).toBe(1);
    expect(result.err).toContain('twilio serverless:deploy failed (exit 3)');
    expect(result.out).not.toContain('Backend deployed');
    expect(fs.existsSync(fake.deployEnvs()[0].path)).toBe(false);
  });

  it('after making the history service, a failed deploy says the service stays for the next one', async () => {
    setUp({ fail: { 'serverless:deploy': 3 }, syncServices: [] });
    const result = await run();
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      `twilio serverless:deploy failed (exit 3); its output is above. Nothing else was changed. The history's Sync Service ${fakeMadeSid(1)} stays: the next deploy finds it.`,
    );
  });

  it('still gives the next step when the domain is not in the output', async () => {
    setUp({ output: { 'serverless:deploy': 'Deployed.\n' } });
    const result = await run();
    expect(result.code).toBe(0);
    expect(result.out).toContain('Backend deployed; its domain is in the output above.');
    expect(result.out).toContain('FLEX_APP_MESSAGING_SETUP_BACKEND_URL=https://<the domain printed above>');
  });
});

describe('npm run deploy:backend — the history’s Sync Service', () => {
  const acl = (sid: string, enabled: boolean) => `${sid} ${enabled}`;

  it('configured and ACLs on: checks that service, makes nothing, and deploys with it', async () => {
    const configured: FakeSyncService = { sid: sidOf(7), friendlyName: 'Our history', aclEnabled: true };
    setUp({ syncServices: [BACKEND_SERVICE, configured] });
    fake.write(
      'serverless/.env',
      `MESSAGING_SETUP_READ_ROLES=admin\nMESSAGING_SETUP_SYNC_SERVICE_SID=${configured.sid}\n`,
    );
    const result = await run();
    expect(result.code).toBe(0);
    expect(fake.syncCalls().map((call) => call.args)).toEqual([
      ['api:sync:v1:services:fetch', '--sid', configured.sid, '-o', 'json'],
    ]);
    expect(result.out).toContain(
      `History: the Sync Service ${configured.sid} (MESSAGING_SETUP_SYNC_SERVICE_SID from serverless/.env), ACLs on.`,
    );
    expect(parsedDeployEnv().MESSAGING_SETUP_SYNC_SERVICE_SID).toBe(configured.sid);
    expect(fake.syncServices()).toHaveLength(2);
  });

  it('configured with ACLs off: stops with one line saying how to fix it, and deploys nothing', async () => {
    const open: FakeSyncService = { sid: sidOf(8), friendlyName: 'Default Service', aclEnabled: false };
    setUp({ syncServices: [BACKEND_SERVICE, open] });
    fake.write('serverless/.env', `MESSAGING_SETUP_SYNC_SERVICE_SID=${open.sid}\n`);
    const result = await run();
    expect(result.code).toBe(1);
    expect(result.err.split('\n')).toHaveLength(1);
    expect(result.err).toContain(`twilio api:sync:v1:services:update --sid ${open.sid} --acl-enabled`);
    expect(result.err).toContain('remove the line');
    expect(fake.steps().map((call) => call.args[0])).toEqual(['api:sync:v1:services:fetch']);
    expect(fake.deployEnvs()).toEqual([]);
    expect(fake.syncServices().map((service) => acl(service.sid, service.aclEnabled))).toEqual([
      acl(BACKEND_SERVICE.sid, true),
      acl(open.sid, false),
    ]);
  });

  it('configured but no such service (404): stops with one line, and deploys nothing', async () => {
    setUp();
    fake.write('serverless/.env.prod', `MESSAGING_SETUP_SYNC_SERVICE_SID=${sidOf(9)}\n`);
    const result = await run(['--env', '.env.prod']);
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      `MESSAGING_SETUP_SYNC_SERVICE_SID (from ${path.join('serverless', '.env.prod')}) names ${sidOf(9)}, which is not a Sync Service of this account: correct it, or remove the line and the deploy finds or makes the backend's own.`,
    );
    expect(fake.steps().map((call) => call.args[0])).toEqual(['api:sync:v1:services:fetch']);
  });

  it('a Sync Service command that fails otherwise: shows its output, names the command, deploys nothing', async () => {
    const denied = JSON.stringify([{ code: 20003, message: 'Authenticate', status: 401 }]);
    setUp({ fail: { 'api:sync:v1:services:list': 20 }, output: { 'api:sync:v1:services:list': denied } });
    const result = await run();
    expect(result.code).toBe(1);
    expect(result.out).toContain('Authenticate');
    expect(result.err).toBe(
      'Looking for the history’s Sync Service: `twilio api:sync:v1:services:list --page-size 100 --limit 1000 -o json` failed (exit 20); its output is above. Nothing was deployed.',
    );
    expect(fake.steps().map((call) => call.args[0])).toEqual(['api:sync:v1:services:list']);
  });

  it('not configured: takes the oldest service with the backend’s name and ACLs on, and makes none', async () => {
    const services: FakeSyncService[] = [
      {
        sid: sidOf(2),
        friendlyName: BACKEND_SYNC_SERVICE_NAME,
        aclEnabled: true,
        dateCreated: '2025-06-01T00:00:00.000Z',
      },
      {
        sid: sidOf(3),
        friendlyName: BACKEND_SYNC_SERVICE_NAME,
        aclEnabled: false,
        dateCreated: '2023-01-01T00:00:00.000Z',
      },
      { sid: sidOf(4), friendlyName: 'Default Service', aclEnabled: true, dateCreated: '2022-01-01T00:00:00.000Z' },
      {
        sid: sidOf(5),
        friendlyName: BACKEND_SYNC_SERVICE_NAME,
        aclEnabled: true,
        dateCreated: '2024-02-01T00:00:00.000Z',
      },
    ];
    setUp({ syncServices: services });
    fake.write('serverless/.env', 'MESSAGING_SETUP_SYNC_SERVICE_SID=\n');
    const result = await run();
    expect(result.code).toBe(0);
    expect(fake.syncCalls().map((call) => call.args[0])).toEqual(['api:sync:v1:services:list']);
    expect(result.out).toContain(`History: the Sync Service ${sidOf(5)} ("Messaging Setup backend", ACLs on).`);
    expect(parsedDeployEnv().MESSAGING_SETUP_SYNC_SERVICE_SID).toBe(sidOf(5));
    expect(fake.syncServices()).toHaveLength(4);
  });

  it('none with the name and ACLs on: makes one with ACLs on, says so, and deploys with it', async () => {
    setUp({
      syncServices: [
        { sid: sidOf(3), friendlyName: BACKEND_SYNC_SERVICE_NAME, aclEnabled: false },
        { sid: sidOf(4), friendlyName: 'Default Service', aclEnabled: false },
      ],
    });
    const result = await run();
    expect(result.code).toBe(0);
    expect(fake.syncCalls().map((call) => call.args)).toEqual([
      ['api:sync:v1:services:list', '--page-size', '100', '--limit', '1000', '-o', 'json'],
      ['api:sync:v1:services:create', '--friendly-name', 'Messaging Setup backend', '--acl-enabled', '-o', 'json'],
      ['api:sync:v1:services:list', '--page-size', '100', '--limit', '1000', '-o', 'json'],
    ]);
    expect(fake.syncServices()).toContainEqual(
      expect.objectContaining({ sid: fakeMadeSid(1), friendlyName: BACKEND_SYNC_SERVICE_NAME, aclEnabled: true }),
    );
    expect(result.out).toContain(
      `History: made the Sync Service ${fakeMadeSid(1)} ("Messaging Setup backend", ACLs on)`,
    );
    expect(parsedDeployEnv().MESSAGING_SETUP_SYNC_SERVICE_SID).toBe(fakeMadeSid(1));
    // Made before the build: the build and the deploy come after it.
    expect(
      fake
        .steps()
        .map((call) => call.args[0])
        .slice(-3),
    ).toEqual(['run', 'run', 'serverless:deploy']);
  });

  it('on an account with no Sync Service at all (the list prints nothing), makes one', async () => {
    setUp({ syncServices: [] });
    const result = await run();
    expect(result.code).toBe(0);
    expect(parsedDeployEnv().MESSAGING_SETUP_SYNC_SERVICE_SID).toBe(fakeMadeSid(1));
  });

  it('another deploy made one at the same time: both take the oldest, and the unused one is named', async () => {
    setUp({
      syncServices: [],
      madeMeanwhile: { sid: sidOf(6), friendlyName: BACKEND_SYNC_SERVICE_NAME, aclEnabled: true },
    });
    const result = await run();
    expect(result.code).toBe(0);
    expect(parsedDeployEnv().MESSAGING_SETUP_SYNC_SERVICE_SID).toBe(sidOf(6));
    expect(result.out).toContain(`twilio api:sync:v1:services:remove --sid ${fakeMadeSid(1)}`);
  });

  it('with --load-system-env, an empty entry takes the system’s SID, as the upload would', async () => {
    const configured: FakeSyncService = { sid: sidOf(7), friendlyName: 'Ours', aclEnabled: true };
    setUp({ syncServices: [BACKEND_SERVICE, configured] });
    fake.write('serverless/.env', 'MESSAGING_SETUP_SYNC_SERVICE_SID=\n');
    const result = await run(['--load-system-env'], { MESSAGING_SETUP_SYNC_SERVICE_SID: configured.sid });
    expect(result.code).toBe(0);
    expect(fake.syncCalls()[0].args.slice(0, 3)).toEqual(['api:sync:v1:services:fetch', '--sid', configured.sid]);
    expect(parsedDeployEnv().MESSAGING_SETUP_SYNC_SERVICE_SID).toBe(configured.sid);
  });

  it('refuses --username / --password: the Sync Service commands would use other credentials', async () => {
    setUp();
    const result = await run(['--username', 'SK123', '--password', 'secret']);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^--username gives twilio serverless:deploy other credentials/);
    expect(result.err).not.toContain('secret');
    expect(fake.steps()).toEqual([]);
  });
});

describe('npm run deploy:backend — the env file it deploys', () => {
  it('is a temporary copy of the user’s file plus the SID, given with --env, removed afterwards; the user’s file is unchanged', async () => {
    setUp();
    const userFile =
      'MESSAGING_SETUP_READ_ROLES="admin,supervisor"\n# a comment\nMESSAGING_SETUP_HISTORY_KEY=k3y-v4lue-never-shown';
    fake.write('serverless/.env.prod', userFile);
    const result = await run(['--env=.env.prod', '--environment', 'prod']);
    expect(result.code).toBe(0);
    const [deployed] = fake.deployEnvs();
    expect(deployCalls()[0].args).toEqual(['serverless:deploy', '--environment', 'prod', '--env', deployed.path]);
    expect(path.isAbsolute(deployed.path)).toBe(true);
    expect(deployed.path.startsWith(fake.root)).toBe(false);
    expect(deployed.content).toBe(
      `${userFile}\n# Added by npm run deploy:backend: the change history's Sync Service.\nMESSAGING_SETUP_SYNC_SERVICE_SID=${BACKEND_SERVICE.sid}\n`,
    );
    expect(parsedDeployEnv()).toEqual({
      MESSAGING_SETUP_READ_ROLES: 'admin,supervisor',
      MESSAGING_SETUP_HISTORY_KEY: 'k3y-v4lue-never-shown',
      MESSAGING_SETUP_SYNC_SERVICE_SID: BACKEND_SERVICE.sid,
    });
    expect(fs.existsSync(deployed.path)).toBe(false);
    expect(fs.existsSync(path.dirname(deployed.path))).toBe(false);
    expect(fs.readFileSync(path.join(fake.root, 'serverless', '.env.prod'), 'utf8')).toBe(userFile);
    // Names only, never values.
    expect(result.out).toContain('MESSAGING_SETUP_HISTORY_KEY');
    expect(`${result.out}\n${result.err}`).not.toContain('k3y-v4lue-never-shown');
    expect(result.out).toContain(
      `Deploying ${path.join('serverless', '.env.prod')} with MESSAGING_SETUP_SYNC_SERVICE_SID added, through a temporary copy removed afterwards`,
    );
  });

  it('overrides an empty SID line of the user’s file (the later line wins)', async () => {
    setUp();
    fake.write('serverless/.env', 'MESSAGING_SETUP_SYNC_SERVICE_SID=\nMESSAGING_SETUP_READ_ROLES=admin\n');
    const result = await run();
    expect(result.code).toBe(0);
    expect(parsedDeployEnv().MESSAGING_SETUP_SYNC_SERVICE_SID).toBe(BACKEND_SERVICE.sid);
  });

  it('is removed when the function run throws, and is readable by the user only', async () => {
    let seen = '';
    const listeners = process.listenerCount('SIGINT');
    await expect(
      withTempEnvFile('A=1\n', async (file) => {
        seen = file;
        expect(fs.readFileSync(file, 'utf8')).toBe('A=1\n');
        if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(seen).not.toBe('');
    expect(fs.existsSync(seen)).toBe(false);
    expect(process.listenerCount('SIGINT')).toBe(listeners);
  });

  it('replaces the user’s --env in either form', () => {
    expect(withoutEnvFlag(['--env', '.env.prod', '--production'])).toEqual(['--production']);
    expect(withoutEnvFlag(['--env=.env.prod', '-p', 'x'])).toEqual(['-p', 'x']);
    expect(deployEnvContent(undefined, sidOf(1))).toMatch(/^# Added by .*\nMESSAGING_SETUP_SYNC_SERVICE_SID=IS0+1\n$/);
    expect(deployEnvContent('A=1', sidOf(1))).toMatch(/^A=1\n# Added/);
  });
});

describe('reading the Sync Service commands’ JSON', () => {
  const row = (sid: string, friendlyName: string, aclEnabled: boolean, dateCreated: string) => ({
    sid,
    uniqueName: null,
    friendlyName,
    aclEnabled,
    dateCreated,
    links: {},
  });

  it('reads the CLI’s -o json array; nothing printed is an empty list; anything else is not JSON', () => {
    const out = JSON.stringify([row(sidOf(1), 'x', true, '2024-01-01T00:00:00.000Z')], null, 2);
    expect(parseSyncServices(out)).toEqual([
      { sid: sidOf(1), friendlyName: 'x', aclEnabled: true, dateCreated: '2024-01-01T00:00:00.000Z' },
    ]);
    expect(parseCliJson('')).toEqual([]);
    expect(parseCliJson('SID  Friendly Name\nIS1  x\n')).toBeUndefined();
  });

  it('picks the oldest with the name and ACLs on, the SID breaking a tie, as the backend does', () => {
    const services = parseSyncServices(
      JSON.stringify([
        row(sidOf(3), BACKEND_SYNC_SERVICE_NAME, true, '2024-01-01T00:00:00.000Z'),
        row(sidOf(2), BACKEND_SYNC_SERVICE_NAME, true, '2024-01-01T00:00:00.000Z'),
        row(sidOf(1), BACKEND_SYNC_SERVICE_NAME, false, '2020-01-01T00:00:00.000Z'),
        row(sidOf(4), 'messaging setup backend', true, '2019-01-01T00:00:00.000Z'),
      ]),
    )!;
    expect(pickBackendSyncService(services)?.sid).toBe(sidOf(2));
    expect(pickBackendSyncService(services.filter((s) => s.sid !== sidOf(2) && s.sid !== sidOf(3)))).toBeUndefined();
  });
});

describe('npm run deploy:backend as a process', () => {
  it('exits 1 with the one-line message when the CLI is missing', () => {
    const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'messaging-setup-nopath-'));
    try {
      const result = spawnSync(
        process.execPath,
        [require.resolve('tsx/cli'), path.join(__dirname, 'deployBackend.ts')],
        { env: { PATH: emptyDir, HOME: emptyDir }, encoding: 'utf8' },
      );
      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toBe(CLI_MISSING);
    } finally {
      fs.rmSync(emptyDir, { recursive: true, force: true });
    }
  });
});

describe('deploy output and environment checks', () => {
  it('reads the domain from pretty, plain and JSON deploy output', () => {
    expect(parseDeployedDomain('\u001b[1m\u001b[36mDomain:\u001b[39m\u001b[22m a-1-dev.twil.io\n')).toBe(
      'a-1-dev.twil.io',
    );
    expect(parseDeployedDomain('deploymentInfo\ndomain                a-2.twil.io\nserviceName  x\n')).toBe(
      'a-2.twil.io',
    );
    expect(parseDeployedDomain('{\n\t"domain": "a-3-prod.twil.io",\n\t"serviceName": "x"\n}')).toBe('a-3-prod.twil.io');
    expect(parseDeployedDomain('configInfo\nserviceName  messaging-setup\n')).toBeUndefined();
  });

  it('allows an empty TWILIO_SANDBOX_URL (never uploaded) unless --load-system-env would fill it', () => {
    expect(sandboxUrlProblem({ TWILIO_SANDBOX_URL: '' }, 'serverless/.env', undefined)).toBeUndefined();
    expect(
      sandboxUrlProblem({ TWILIO_SANDBOX_URL: '' }, 'serverless/.env', { TWILIO_SANDBOX_URL: 'http://127.0.0.1:3002' }),
    ).toContain('--load-system-env');
    expect(sandboxUrlProblem({}, 'serverless/.env', { TWILIO_SANDBOX_URL: 'http://127.0.0.1:3002' })).toBeUndefined();
  });
});
