import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import {
  BACKEND_URL_VAR,
  backendUrlProblem,
  deployPlugin,
  parseDeployedVersion,
  parsePluginArgs,
} from './deployPlugin';
import { createFakeCli, FAKE_VERSION, type FakeCli, type FakeCliOptions } from './fakeCli';
import { CLI_MISSING, FLEX_PLUGIN, NOT_LOGGED_IN, pluginMissing } from './twilioCli';

const BACKEND = 'https://messaging-setup-4321-dev.twil.io';

let fake: FakeCli;
const setUp = (options?: FakeCliOptions) => (fake = createFakeCli(options));
afterEach(() => fake?.cleanup());

async function run(args: string[], extraEnv: NodeJS.ProcessEnv = { [BACKEND_URL_VAR]: BACKEND }) {
  const { io, out, err } = fake.io(extraEnv);
  const code = await deployPlugin(io, args);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const CHANGELOG = ['--changelog', 'Bulk create addresses'];

describe('npm run deploy:plugin — preflight failures stop before any deploy command', () => {
  it('without --changelog, says to give one', async () => {
    setUp();
    for (const args of [[], ['--changelog'], ['--changelog', '  '], ['--changelog=']]) {
      const result = await run(args);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/^No changelog: say what changed, e\.g\. npm run deploy:plugin -- --changelog "/);
    }
    expect(fake.calls()).toEqual([]);
  });

  it('without the Twilio CLI on PATH, says how to install it', async () => {
    setUp({ twilio: false });
    const result = await run(CHANGELOG);
    expect(result.code).toBe(1);
    expect(result.err).toBe(CLI_MISSING);
    expect(fake.calls()).toEqual([]);
  });

  it('without the Flex plugin, says which plugin to install', async () => {
    setUp({ plugins: ['@twilio-labs/plugin-serverless'] });
    const result = await run(CHANGELOG);
    expect(result.code).toBe(1);
    expect(result.err).toBe(pluginMissing(FLEX_PLUGIN));
    expect(result.err).toContain('twilio plugins:install @twilio-labs/plugin-flex');
    expect(fake.steps()).toEqual([]);
  });

  it('when not logged in, says to log in', async () => {
    setUp({ profiles: [] });
    const result = await run(CHANGELOG);
    expect(result.code).toBe(1);
    expect(result.err).toBe(NOT_LOGGED_IN);
    expect(fake.steps()).toEqual([]);
  });

  it('without a backend URL, names both ways to give one', async () => {
    setUp();
    const result = await run(CHANGELOG, {});
    expect(result.code).toBe(1);
    expect(result.err).toContain(`set ${BACKEND_URL_VAR}=https://<your-service-domain> in .env`);
    expect(result.err).toContain('--backend-from-flex-config');
    expect(result.err).toContain('ui_attributes.messagingSetup.backendUrl');
    expect(fake.steps()).toEqual([]);
  });

  it('refuses a backend URL that is not https', async () => {
    setUp();
    const result = await run(CHANGELOG, { [BACKEND_URL_VAR]: 'http://localhost:3001' });
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      `${BACKEND_URL_VAR} (from the environment) is "http://localhost:3001", not an https:// URL: set it to the deployed backend, https://<your-service-domain>.`,
    );
    expect(fake.steps()).toEqual([]);
  });

  it('reads .env over the environment, as flex-plugin-scripts does', async () => {
    setUp();
    fake.write('.env', `${BACKEND_URL_VAR}=http://localhost:3001\n`);
    const result = await run(CHANGELOG, { [BACKEND_URL_VAR]: BACKEND });
    expect(result.code).toBe(1);
    expect(result.err).toContain('(from .env) is "http://localhost:3001"');
    expect(fake.steps()).toEqual([]);
  });

  it('reads .<profile>.env over .env for the profile in use', async () => {
    setUp({ profiles: [{ id: 'staging', active: true }] });
    fake.write('.env', `${BACKEND_URL_VAR}=${BACKEND}\n`);
    fake.write('.staging.env', `${BACKEND_URL_VAR}=http://127.0.0.1:3001\n`);
    const result = await run(CHANGELOG, {});
    expect(result.code).toBe(1);
    expect(result.err).toContain('(from .staging.env) is "http://127.0.0.1:3001"');
    expect(fake.steps()).toEqual([]);
  });
});

describe('npm run deploy:plugin — deploying and releasing', () => {
  it('deploys with the changelog and the extra arguments, then releases the deployed version', async () => {
    setUp();
    const result = await run([...CHANGELOG, '--minor']);
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    expect(fake.steps()).toEqual([
      {
        command: 'twilio',
        args: ['flex:plugins:deploy', '--changelog', 'Bulk create addresses', '--minor'],
        cwd: fake.root,
      },
      {
        command: 'twilio',
        args: [
          'flex:plugins:release',
          '--plugin',
          `plugin-messaging-setup@${FAKE_VERSION}`,
          '--name',
          `Messaging Setup ${FAKE_VERSION}`,
          '--description',
          'Bulk create addresses',
        ],
        cwd: fake.root,
      },
    ]);
    expect(result.out).toContain(`Backend URL built into the plugin: ${BACKEND} (from the environment)`);
    expect(result.out).toContain(`Released plugin-messaging-setup@${FAKE_VERSION}`);
  });

  it('takes the backend URL from .env', async () => {
    setUp();
    fake.write('.env', `# the deployed backend\n${BACKEND_URL_VAR}="${BACKEND}"\n`);
    const result = await run(['--changelog=First release'], {});
    expect(result.code).toBe(0);
    expect(result.out).toContain(`Backend URL built into the plugin: ${BACKEND} (from .env)`);
    expect(fake.steps().map((call) => call.args[0])).toEqual(['flex:plugins:deploy', 'flex:plugins:release']);
  });

  it('with --backend-from-flex-config, deploys without a build-time URL', async () => {
    setUp();
    const result = await run([...CHANGELOG, '--backend-from-flex-config'], {});
    expect(result.code).toBe(0);
    expect(result.out).toContain('ui_attributes.messagingSetup.backendUrl');
    expect(fake.steps()[0].args).toEqual(['flex:plugins:deploy', ...CHANGELOG]);
  });

  it('with --no-release, deploys only and prints the release command', async () => {
    setUp();
    const result = await run([...CHANGELOG, '--no-release']);
    expect(result.code).toBe(0);
    expect(fake.steps().map((call) => call.args[0])).toEqual(['flex:plugins:deploy']);
    expect(result.out).toContain(
      `twilio flex:plugins:release --plugin plugin-messaging-setup@${FAKE_VERSION} --name 'Messaging Setup ${FAKE_VERSION}' --description 'Bulk create addresses'`,
    );
  });

  it('passes --profile to both commands and checks that profile', async () => {
    setUp({
      profiles: [
        { id: 'default', active: true },
        { id: 'prod', active: false },
      ],
    });
    const result = await run([...CHANGELOG, '--profile', 'prod']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('Using the Twilio CLI profile "prod" (--profile).');
    const [deploy, release] = fake.steps();
    expect(deploy.args).toEqual(['flex:plugins:deploy', ...CHANGELOG, '--profile', 'prod']);
    expect(release.args.slice(-2)).toEqual(['--profile', 'prod']);
  });

  it('without a version in the output, releases --version, else <name>@latest', async () => {
    setUp({ output: { 'flex:plugins:deploy': 'Deployed.\n' } });
    expect((await run([...CHANGELOG, '--version', '2.0.0'])).code).toBe(0);
    expect(fake.steps()[1].args.slice(0, 3)).toEqual([
      'flex:plugins:release',
      '--plugin',
      'plugin-messaging-setup@2.0.0',
    ]);

    const latest = await run(CHANGELOG);
    expect(latest.code).toBe(0);
    expect(latest.out).toContain('releasing plugin-messaging-setup@latest');
    expect(fake.steps()[3].args.slice(0, 3)).toEqual([
      'flex:plugins:release',
      '--plugin',
      'plugin-messaging-setup@latest',
    ]);
  });

  it('does not release when the deploy fails', async () => {
    setUp({ fail: { 'flex:plugins:deploy': 1 } });
    const result = await run(CHANGELOG);
    expect(result.code).toBe(1);
    expect(result.err).toBe('twilio flex:plugins:deploy failed (exit 1); its output is above. Nothing was released.');
    expect(fake.steps().map((call) => call.args[0])).toEqual(['flex:plugins:deploy']);
  });

  it('says what is left when the release fails', async () => {
    setUp({ fail: { 'flex:plugins:release': 1 } });
    const result = await run(CHANGELOG);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`plugin-messaging-setup@${FAKE_VERSION} is deployed but not released`);
  });
});

describe('npm run deploy:plugin as a process', () => {
  it('exits 1 with the one-line message when no changelog is given', () => {
    const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'messaging-setup-nopath-'));
    try {
      const result = spawnSync(
        process.execPath,
        [require.resolve('tsx/cli'), path.join(__dirname, 'deployPlugin.ts')],
        {
          env: { PATH: emptyDir, HOME: emptyDir },
          encoding: 'utf8',
        },
      );
      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toMatch(/^No changelog: /);
    } finally {
      fs.rmSync(emptyDir, { recursive: true, force: true });
    }
  });
});

describe('plugin deploy arguments and output', () => {
  it('separates its own flags from the ones for flex:plugins:deploy', () => {
    expect(parsePluginArgs(['--changelog', 'x', '--no-release', '--public', '--backend-from-flex-config'])).toEqual({
      changelog: 'x',
      release: false,
      backendFromFlexConfig: true,
      deployArgs: ['--public'],
    });
  });

  it('reads the deployed version from the success line or the suggested release command', () => {
    const bold = (text: string) => `\u001b[1m${text}\u001b[22m`;
    expect(
      parseDeployedVersion(
        `🚀 Plugin (public) ${bold('plugin-messaging-setup')}@${bold('1.4.0')} was successfully deployed using Plugins API`,
        'plugin-messaging-setup',
      ),
    ).toBe('1.4.0');
    expect(
      parseDeployedVersion(
        'Run $ twilio flex:plugins:release --plugin plugin-messaging-setup@0.0.9 --name "x"',
        'plugin-messaging-setup',
      ),
    ).toBe('0.0.9');
    expect(
      parseDeployedVersion('other-plugin@1.0.0 was successfully deployed', 'plugin-messaging-setup'),
    ).toBeUndefined();
  });

  it('accepts only https backend URLs', () => {
    expect(backendUrlProblem({ value: `${BACKEND}/`, source: '.env' }, false)).toBeUndefined();
    expect(backendUrlProblem({ value: 'not a url', source: '.env' }, false)).toContain('not an https:// URL');
    expect(backendUrlProblem({ value: 'http://x.twil.io', source: '.env' }, true)).toContain('not an https:// URL');
    expect(backendUrlProblem(undefined, true)).toBeUndefined();
  });
});
