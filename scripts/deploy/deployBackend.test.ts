import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { deployBackend, parseDeployedDomain, sandboxUrlProblem } from './deployBackend';
import { createFakeCli, FAKE_DOMAIN, type FakeCli, type FakeCliOptions } from './fakeCli';
import { CLI_MISSING, NOT_LOGGED_IN, pluginMissing, SERVERLESS_PLUGIN } from './twilioCli';

let fake: FakeCli;
const setUp = (options?: FakeCliOptions) => (fake = createFakeCli(options));
afterEach(() => fake?.cleanup());

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

  it('stops when the functions do not build, without deploying', async () => {
    setUp({ fail: { 'npm:run': 2 } });
    const result = await run();
    expect(result.code).toBe(1);
    expect(result.err).toContain('Building the functions failed (exit 2)');
    expect(fake.steps().map((call) => call.command)).toEqual(['npm']);
  });
});

describe('npm run deploy:backend — deploying', () => {
  it('builds the functions, then deploys serverless/ with the extra arguments, and prints the domain and the next step', async () => {
    setUp();
    fake.write('serverless/.env', 'MESSAGING_SETUP_WRITE_ROLES=admin\n# TWILIO_SANDBOX_URL=http://127.0.0.1:3002\n');
    const result = await run(['--environment', 'prod']);
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    expect(fake.steps()).toEqual([
      { command: 'npm', args: ['run', 'build', '-w', 'serverless'], cwd: fake.root },
      {
        command: 'twilio',
        args: ['serverless:deploy', '--environment', 'prod'],
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
    expect(fake.steps().map((call) => call.args[0])).toEqual(['run', 'serverless:deploy']);
  });

  it('uses credentials from the environment without asking for profiles', async () => {
    setUp({ profiles: [] });
    const env = { TWILIO_ACCOUNT_SID: 'AC123', TWILIO_API_KEY: 'SK123', TWILIO_API_SECRET: 'secret' };
    const result = await run(['--production'], env);
    expect(result.code).toBe(0);
    expect(result.out).toContain('Using the credentials in the environment (TWILIO_ACCOUNT_SID with TWILIO_API_KEY');
    expect(fake.calls().some((call) => call.args[0] === 'profiles:list')).toBe(false);
    expect(fake.steps()[1].args).toEqual(['serverless:deploy', '--production']);
  });

  it('passes --profile on when the profile exists', async () => {
    setUp({
      profiles: [
        { id: 'default', active: true },
        { id: 'staging', active: false },
      ],
    });
    const result = await run(['-p', 'staging']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('Using the Twilio CLI profile "staging" (--profile).');
    expect(fake.steps()[1].args).toEqual(['serverless:deploy', '-p', 'staging']);
  });

  it('reports a failed deploy with its exit code', async () => {
    setUp({ fail: { 'serverless:deploy': 3 } });
    const result = await run();
    expect(result.code).toBe(1);
    expect(result.err).toContain('twilio serverless:deploy failed (exit 3)');
    expect(result.out).not.toContain('Backend deployed');
  });

  it('still gives the next step when the domain is not in the output', async () => {
    setUp({ output: { 'serverless:deploy': 'Deployed.\n' } });
    const result = await run();
    expect(result.code).toBe(0);
    expect(result.out).toContain('Backend deployed; its domain is in the output above.');
    expect(result.out).toContain('FLEX_APP_MESSAGING_SETUP_BACKEND_URL=https://<the domain printed above>');
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
