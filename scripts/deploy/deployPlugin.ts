/**
 * `npm run deploy:plugin -- --changelog "…" [--no-release] [--backend-from-flex-config]
 * [<twilio flex:plugins:deploy flags>]`: builds, deploys and releases the plugin on the account the
 * Twilio CLI is logged in to.
 *
 * Checks first, each failing with one line saying what to do: a changelog is given, the CLI is on
 * PATH, its Flex plugin is installed, it is logged in, and the plugin will know its backend — an
 * https:// FLEX_APP_MESSAGING_SETUP_BACKEND_URL at build time, or (`--backend-from-flex-config`)
 * the account's Flex configuration `ui_attributes.messagingSetup.backendUrl`. Then runs
 * `twilio flex:plugins:deploy --changelog …` (which builds the bundle itself) with the other
 * arguments (`--minor`, `--version 1.2.0`, `--profile`…) and, unless `--no-release`,
 * `twilio flex:plugins:release --plugin <name>@<deployed version>`.
 */
import fs from 'node:fs';
import path from 'node:path';

import {
  checkCliLogin,
  findCliWithPlugin,
  FLEX_PLUGIN,
  optionValue,
  plainText,
  processIo,
  PROFILE_FLAGS,
  readEnvFile,
  runStep,
  shellQuote,
  type DeployIo,
} from './twilioCli';

export const BACKEND_URL_VAR = 'FLEX_APP_MESSAGING_SETUP_BACKEND_URL';

export interface PluginArgs {
  changelog: string | undefined;
  release: boolean;
  backendFromFlexConfig: boolean;
  /** Everything else, for `twilio flex:plugins:deploy`. */
  deployArgs: string[];
}

export function parsePluginArgs(args: readonly string[]): PluginArgs {
  const parsed: PluginArgs = { changelog: undefined, release: true, backendFromFlexConfig: false, deployArgs: [] };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--no-release') parsed.release = false;
    else if (arg === '--backend-from-flex-config') parsed.backendFromFlexConfig = true;
    else if (arg === '--changelog') {
      parsed.changelog = args[i + 1];
      i += 1;
    } else if (arg.startsWith('--changelog=')) parsed.changelog = arg.slice('--changelog='.length);
    else parsed.deployArgs.push(arg);
  }
  if (parsed.changelog !== undefined && parsed.changelog.trim() === '') parsed.changelog = undefined;
  return parsed;
}

export interface FoundBackendUrl {
  value: string;
  /** Where it came from, for messages: `the environment`, `.env`, `.<profile>.env`. */
  source: string;
}

/**
 * FLEX_APP_MESSAGING_SETUP_BACKEND_URL as `flex:plugins:deploy` will build it in. flex-plugin-scripts
 * (clientVariables.ts) takes the environment, overridden by the project's `.env`, overridden by
 * `.<profile>.env` for the CLI profile in use.
 */
export function buildTimeBackendUrl(
  root: string,
  env: NodeJS.ProcessEnv,
  profileId: string | undefined,
): FoundBackendUrl | undefined {
  const files = ['.env', ...(profileId ? [`.${profileId}.env`] : [])];
  const layers = [
    { source: 'the environment', vars: env as Record<string, string | undefined> },
    ...files.map((file) => ({ source: file, vars: readEnvFile(path.join(root, file)) })),
  ];
  let found: FoundBackendUrl | undefined;
  for (const { source, vars } of layers) {
    const value = vars?.[BACKEND_URL_VAR];
    if (value !== undefined) found = { value, source };
  }
  return found?.value.trim() ? found : undefined;
}

export function backendUrlProblem(
  found: FoundBackendUrl | undefined,
  backendFromFlexConfig: boolean,
): string | undefined {
  if (!found) {
    if (backendFromFlexConfig) return undefined;
    return `No backend URL for the plugin: set ${BACKEND_URL_VAR}=https://<your-service-domain> in .env (see .env.example; npm run deploy:backend prints the domain), or pass --backend-from-flex-config if the account's Flex configuration sets ui_attributes.messagingSetup.backendUrl.`;
  }
  let url: URL | undefined;
  try {
    url = new URL(found.value.trim());
  } catch {
    url = undefined;
  }
  // Flex runs on https://flex.twilio.com: the browser blocks calls from it to a plain-http backend.
  if (url?.protocol !== 'https:') {
    return `${BACKEND_URL_VAR} (from ${found.source}) is "${found.value}", not an https:// URL: set it to the deployed backend, https://<your-service-domain>.`;
  }
  return undefined;
}

/**
 * The version `flex:plugins:deploy` registered: the CLI picks it (the account's latest version,
 * bumped; or `--version`), not package.json. It prints
 * `Plugin (private) <name>@<version> was successfully deployed` and a release command with
 * `--plugin <name>@<version>`.
 */
export function parseDeployedVersion(output: string, pluginName: string): string | undefined {
  const name = pluginName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const text = plainText(output);
  const deployed = new RegExp(`${name}@(\\d+\\.\\d+\\.\\d+[\\w.+-]*) was successfully deployed`).exec(text);
  return deployed?.[1] ?? new RegExp(`--plugin ${name}@(\\d+\\.\\d+\\.\\d+[\\w.+-]*)`).exec(text)?.[1];
}

/** `twilio flex:plugins:release` for one plugin version, added to the account's active configuration. */
export function releaseArgs(pluginRef: string, changelog: string, profile: string | undefined): string[] {
  const version = pluginRef.slice(pluginRef.lastIndexOf('@') + 1);
  return [
    'flex:plugins:release',
    '--plugin',
    pluginRef,
    '--name',
    `Messaging Setup ${version}`,
    '--description',
    changelog,
    ...(profile ? ['--profile', profile] : []),
  ];
}

export async function deployPlugin(io: DeployIo, args: string[]): Promise<number> {
  const stop = (message: string) => {
    io.error(message);
    return 1;
  };
  const options = parsePluginArgs(args);
  if (!options.changelog) {
    return stop('No changelog: say what changed, e.g. npm run deploy:plugin -- --changelog "Bulk create addresses".');
  }

  const found = findCliWithPlugin(io, FLEX_PLUGIN);
  if ('problem' in found) return stop(found.problem);
  const login = checkCliLogin(io, found.cli, options.deployArgs);
  if (!login.ok) return stop(login.problem);
  io.info(login.description);

  const backendUrl = buildTimeBackendUrl(io.root, io.env, login.profileId);
  const urlProblem = backendUrlProblem(backendUrl, options.backendFromFlexConfig);
  if (urlProblem) return stop(urlProblem);
  io.info(
    backendUrl
      ? `Backend URL built into the plugin: ${backendUrl.value} (from ${backendUrl.source}); the Flex configuration's ui_attributes.messagingSetup.backendUrl, if set, wins.`
      : 'No build-time backend URL (--backend-from-flex-config): the plugin uses the Flex configuration’s ui_attributes.messagingSetup.backendUrl.',
  );

  const pluginName = (JSON.parse(fs.readFileSync(path.join(io.root, 'package.json'), 'utf8')) as { name: string }).name;
  const deploy = await runStep(
    io,
    found.cli,
    ['flex:plugins:deploy', '--changelog', options.changelog, ...options.deployArgs],
    io.root,
  );
  if (deploy.status !== 0) {
    return stop(
      `twilio flex:plugins:deploy failed (exit ${deploy.status}); its output is above. Nothing was released.`,
    );
  }

  const version = parseDeployedVersion(deploy.output, pluginName) ?? optionValue(options.deployArgs, ['--version']);
  // `<name>@latest` is the CLI's own shortcut for the newest version, which is the one just deployed.
  const pluginRef = `${pluginName}@${version ?? 'latest'}`;
  const release = releaseArgs(pluginRef, options.changelog, optionValue(options.deployArgs, PROFILE_FLAGS));
  if (!options.release) {
    io.info('');
    io.info(`Deployed ${pluginRef}, not released (--no-release). To release it:`);
    io.info(`  twilio ${release.map(shellQuote).join(' ')}`);
    return 0;
  }
  if (!version) io.info(`The deployed version is not in the CLI's output: releasing ${pluginRef}.`);

  const released = await runStep(io, found.cli, release, io.root);
  if (released.status !== 0) {
    return stop(
      `twilio flex:plugins:release failed (exit ${released.status}); its output is above. ${pluginRef} is deployed but not released.`,
    );
  }
  io.info('');
  io.info(
    `Released ${pluginRef}: Flex loads it on the next page load. Check it as a supervisor (docs/DEPLOY.md, "Check that it works").`,
  );
  return 0;
}

if (require.main === module) {
  void deployPlugin(processIo(path.resolve(__dirname, '..', '..')), process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
