/**
 * `npm run deploy:backend [-- <twilio serverless:deploy flags>]`: deploys serverless/ to Twilio
 * Functions on the account the Twilio CLI is logged in to.
 *
 * Checks first, each failing with one line saying what to do: the CLI is on PATH, its Serverless
 * plugin is installed, it is logged in, the deploy would use the CLI's credentials (no
 * `--username`/`--password`), and the environment file the deploy uploads does not set
 * TWILIO_SANDBOX_URL. Then provisions the change history's Sync Service (the backend's own,
 * ACLs on, see serverless/src/history/historyLocation.ts): the one MESSAGING_SETUP_SYNC_SERVICE_SID
 * names, checked; else the oldest named BACKEND_SYNC_SERVICE_NAME with ACLs on; else a new one.
 * Then builds the plugin (`npm run build`: the backend serves the view's code it writes into
 * serverless/assets/) and the functions (`npm run build -w serverless`), and runs `twilio serverless:deploy` in
 * serverless/ with the extra arguments (`--environment prod`, `--production`, `--profile`…) and
 * `--env` pointing at a temporary copy of the env file plus MESSAGING_SETUP_SYNC_SERVICE_SID
 * (removed afterwards; the user's file is never edited), and prints the service's domain and the
 * next step.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { BACKEND_SYNC_SERVICE_NAME } from '../../src/contract/types';
import {
  checkCliLogin,
  findCliWithPlugin,
  findOnPath,
  optionValue,
  plainText,
  processIo,
  PROFILE_FLAGS,
  readEnvFile,
  runStep,
  SERVERLESS_PLUGIN,
  shellQuote,
  type DeployIo,
} from './twilioCli';

/**
 * Why the environment the deploy would upload is wrong, or undefined. `twilio serverless:deploy`
 * uploads the non-empty variables of its env file (serverless/.env, or `--env <file>`); with
 * `--load-system-env` an empty entry there takes the system's value instead.
 */
export function sandboxUrlProblem(
  fileVars: Record<string, string>,
  fileLabel: string,
  systemEnv: NodeJS.ProcessEnv | undefined,
): string | undefined {
  const fromFile = fileVars.TWILIO_SANDBOX_URL;
  const fromSystem = 'TWILIO_SANDBOX_URL' in fileVars && !fromFile ? systemEnv?.TWILIO_SANDBOX_URL : undefined;
  if (fromFile) {
    return `${fileLabel} sets TWILIO_SANDBOX_URL, which points the backend at the local sandbox: remove that line (a deployed service must call the real Twilio).`;
  }
  if (fromSystem) {
    return `TWILIO_SANDBOX_URL is set in the environment and --load-system-env would deploy it: unset it (a deployed service must call the real Twilio).`;
  }
  return undefined;
}

/** The service's domain from the deploy's output (pretty `Domain: …`, plain `domain  …`, or `-o json`). */
export function parseDeployedDomain(output: string): string | undefined {
  return /^\s*"?domain"?:?\s+"?([a-z0-9-]+(?:\.[a-z0-9-]+)+)/im.exec(plainText(output))?.[1];
}

// ---------------------------------------------------------------------------------------------
// The history's Sync Service
//
// The CLI facts this rests on (twilio/twilio-cli, twilio/twilio-cli-core):
// - The `api:*` commands are generated from Twilio's OpenAPI specs: topic `api:` + domain + path
//   in kebab case (`/v1/Services` of sync → `api:sync:v1:services`), GET/POST on the list path
//   `list`/`create`, GET on the instance path `fetch` (twilio-cli src/hooks/init/twilio-api.js,
//   src/services/twilio-api/get-topic-name.js). Each parameter is a flag, its name in kebab case
//   (`Sid` → `--sid`, `FriendlyName` → `--friendly-name`, `AclEnabled` → `--acl-enabled`, a
//   boolean flag with `--no-…`; `PageSize` → `--page-size`), list commands add `--limit` (default
//   50) (twilio-cli src/services/twilio-api/get-flag-config.js, src/base-commands/twilio-api-command.js;
//   cli-core src/base-commands/twilio-client-command.js; the parameters: cli-core
//   src/services/twilio-api/twilio_sync_v1.json, CreateService / FetchService / ListService).
// - `-o json` prints a JSON array, for fetch and create too (cli-core base-command.js `output`
//   wraps one object in an array), of the response's objects with their keys camel-cased
//   (`acl_enabled` → `aclEnabled`, `friendly_name` → `friendlyName`, `date_created` →
//   `dateCreated`, an ISO date: cli-core src/services/api-schema/twilio-converter.js). An empty
//   list prints nothing on stdout ("No results" is a log line on stderr).
// - A refused request exits non-zero (the error code's first two digits: 20404 → 20) and, with
//   `-o json`, prints Twilio's error body as is, `[{"code": 20404, "status": 404, …}]`
//   (cli-core base-command.js `catch`, cli-http-client.js).
// The service's fields: twilio.com/docs/sync/api/service (`acl_enabled`, off by default).

export const SYNC_SERVICE_VAR = 'MESSAGING_SETUP_SYNC_SERVICE_SID';
/** Sync's page size maximum and the backend's own look-up limit (historyLocation.ts), so both see the same services. */
const LIST_ARGS = ['--page-size', '100', '--limit', '1000'];

export interface CliSyncService {
  sid: string;
  friendlyName: string | null;
  aclEnabled: boolean;
  /** ISO 8601, as the CLI prints it; null when absent. */
  dateCreated: string | null;
}

/** The rows of a `-o json` answer (an array; nothing at all for an empty list), or undefined when it is not JSON. */
export function parseCliJson(stdout: string): Record<string, unknown>[] | undefined {
  const text = plainText(stdout).trim();
  if (text === '') return [];
  try {
    const parsed = JSON.parse(text) as unknown;
    const rows = Array.isArray(parsed) ? parsed : [parsed];
    return rows.filter((row): row is Record<string, unknown> => typeof row === 'object' && row !== null);
  } catch {
    return undefined;
  }
}

/** The Sync Services of a `-o json` answer; rows without a SID are dropped. */
export function parseSyncServices(stdout: string): CliSyncService[] | undefined {
  return parseCliJson(stdout)
    ?.filter((row) => typeof row.sid === 'string')
    .map((row) => ({
      sid: row.sid as string,
      friendlyName: typeof row.friendlyName === 'string' ? row.friendlyName : null,
      aclEnabled: row.aclEnabled === true,
      dateCreated: typeof row.dateCreated === 'string' ? row.dateCreated : null,
    }));
}

/** Whether a refused `-o json` answer is Twilio's 404 (the resource does not exist). */
export function isNotFound(stdout: string): boolean {
  return (parseCliJson(stdout) ?? []).some((row) => row.status === 404 || row.code === 20404);
}

/** The backend's rule (historyLocation.ts): the oldest service named BACKEND_SYNC_SERVICE_NAME with ACLs on. */
export function pickBackendSyncService(services: readonly CliSyncService[]): CliSyncService | undefined {
  const created = (s: CliSyncService) => {
    const time = s.dateCreated === null ? NaN : Date.parse(s.dateCreated);
    return Number.isNaN(time) ? Infinity : time;
  };
  return services
    .filter((s) => s.friendlyName === BACKEND_SYNC_SERVICE_NAME && s.aclEnabled)
    .sort((a, b) => created(a) - created(b) || (a.sid < b.sid ? -1 : a.sid > b.sid ? 1 : 0))[0];
}

interface CliAnswer {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs one `twilio api:…` question: stdout kept apart (it is the JSON), nothing shown unless it fails. */
function askCli(io: DeployIo, cli: string, args: string[]): Promise<CliAnswer> {
  return new Promise((resolve) => {
    const child = spawn(cli, args, { cwd: io.root, env: io.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', (error) => resolve({ status: 1, stdout, stderr: `${stderr}${error.message}` }));
    child.once('close', (code) => resolve({ status: code ?? 1, stdout, stderr }));
  });
}

/** `made`: the service was made by this deploy. */
type Provisioned = { ok: true; sid: string; made: boolean } | { ok: false; problem: string };

/**
 * The history's Sync Service, as the backend will find it: `configured` (MESSAGING_SETUP_SYNC_SERVICE_SID)
 * when it exists with ACLs on; else the oldest service named BACKEND_SYNC_SERVICE_NAME with ACLs on;
 * else one made here. `profileArgs` (`--profile <id>` or nothing) keeps it on the deploy's account.
 */
export async function provisionHistoryService(
  io: DeployIo,
  cli: string,
  profileArgs: string[],
  configured: { sid: string; source: string } | undefined,
): Promise<Provisioned> {
  const ask = async (args: string[]) => {
    const command = [...args, ...profileArgs, '-o', 'json'];
    const answer = await askCli(io, cli, command);
    return { ...answer, shown: `twilio ${command.map(shellQuote).join(' ')}` };
  };
  const failed = (answer: CliAnswer & { shown: string }, what: string): Provisioned => {
    if (answer.stdout) io.echo(answer.stdout, 'stdout');
    if (answer.stderr) io.echo(answer.stderr, 'stderr');
    return {
      ok: false,
      problem: `${what}: \`${answer.shown}\` ${answer.status === 0 ? 'printed no Sync Service' : `failed (exit ${answer.status})`}; its output is above. Nothing was deployed.`,
    };
  };

  if (configured) {
    const fixSid = `twilio api:sync:v1:services:update --sid ${configured.sid} --acl-enabled`;
    const fetched = await ask(['api:sync:v1:services:fetch', '--sid', configured.sid]);
    if (fetched.status !== 0) {
      if (isNotFound(fetched.stdout)) {
        return {
          ok: false,
          problem: `${SYNC_SERVICE_VAR} (from ${configured.source}) names ${configured.sid}, which is not a Sync Service of this account: correct it, or remove the line and the deploy finds or makes the backend's own.`,
        };
      }
      return failed(fetched, `Checking the Sync Service ${SYNC_SERVICE_VAR} names`);
    }
    const service = parseSyncServices(fetched.stdout)?.[0];
    if (!service) return failed(fetched, `Checking the Sync Service ${SYNC_SERVICE_VAR} names`);
    if (!service.aclEnabled) {
      return {
        ok: false,
        problem: `${SYNC_SERVICE_VAR} (from ${configured.source}) names ${service.sid}, whose ACLs are off, so any Flex user's token could rewrite the history there: run \`${fixSid}\`, or remove the line and the deploy finds or makes the backend's own.`,
      };
    }
    io.info(`History: the Sync Service ${service.sid} (${SYNC_SERVICE_VAR} from ${configured.source}), ACLs on.`);
    return { ok: true, sid: service.sid, made: false };
  }

  const listAll = async () => {
    const listed = await ask(['api:sync:v1:services:list', ...LIST_ARGS]);
    return { listed, services: listed.status === 0 ? parseSyncServices(listed.stdout) : undefined };
  };
  const first = await listAll();
  if (!first.services) return failed(first.listed, 'Looking for the history’s Sync Service');
  const found = pickBackendSyncService(first.services);
  if (found) {
    io.info(`History: the Sync Service ${found.sid} ("${BACKEND_SYNC_SERVICE_NAME}", ACLs on).`);
    return { ok: true, sid: found.sid, made: false };
  }

  const created = await ask([
    'api:sync:v1:services:create',
    '--friendly-name',
    BACKEND_SYNC_SERVICE_NAME,
    '--acl-enabled',
  ]);
  const made = created.status === 0 ? parseSyncServices(created.stdout)?.[0] : undefined;
  if (!made) return failed(created, 'Making the history’s Sync Service');
  if (!made.aclEnabled) {
    return {
      ok: false,
      problem: `The Sync Service ${made.sid} was made with its ACLs off: run \`twilio api:sync:v1:services:update --sid ${made.sid} --acl-enabled\` and deploy again.`,
    };
  }
  // Services have no unique name: a deploy running at the same time may have made one too. Both
  // take the oldest, as the backend does, so the history is never split between them.
  const oldest = pickBackendSyncService([...((await listAll()).services ?? []), made]) ?? made;
  if (oldest.sid !== made.sid) {
    io.info(
      `History: the Sync Service ${oldest.sid} ("${BACKEND_SYNC_SERVICE_NAME}", ACLs on), older than the one made now (another deploy made it meanwhile); ${made.sid}, made now, is unused: remove it with \`twilio api:sync:v1:services:remove --sid ${made.sid}\`.`,
    );
    return { ok: true, sid: oldest.sid, made: false };
  }
  io.info(
    `History: made the Sync Service ${made.sid} ("${BACKEND_SYNC_SERVICE_NAME}", ACLs on), the backend's own: no Flex user's token can read or write it.`,
  );
  return { ok: true, sid: made.sid, made: true };
}

/** The SID the env file (or, with `--load-system-env`, the system for an empty entry) gives the deploy. */
export function configuredSyncService(
  fileVars: Record<string, string> | undefined,
  fileLabel: string,
  systemEnv: NodeJS.ProcessEnv | undefined,
): { sid: string; source: string } | undefined {
  const fromFile = fileVars?.[SYNC_SERVICE_VAR]?.trim();
  if (fromFile) return { sid: fromFile, source: fileLabel };
  const fromSystem = fileVars && SYNC_SERVICE_VAR in fileVars ? systemEnv?.[SYNC_SERVICE_VAR]?.trim() : undefined;
  return fromSystem ? { sid: fromSystem, source: 'the environment (--load-system-env)' } : undefined;
}

/**
 * The env file the deploy uploads: the user's, as it is, with MESSAGING_SETUP_SYNC_SERVICE_SID
 * appended. twilio-run reads it with dotenv, where a later line wins over an earlier one.
 */
export function deployEnvContent(userContent: string | undefined, sid: string): string {
  const base = userContent ?? '';
  const separator = base === '' || base.endsWith('\n') ? '' : '\n';
  return `${base}${separator}# Added by npm run deploy:backend: the change history's Sync Service.\n${SYNC_SERVICE_VAR}=${sid}\n`;
}

/**
 * Runs `run` with a temporary env file (readable by the user only) holding `content`, removed
 * afterwards: when `run` fails or throws, and on Ctrl-C or a kill (the signal is then passed on).
 */
export async function withTempEnvFile<T>(content: string, run: (file: string) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'messaging-setup-deploy-env-'));
  const file = path.join(dir, '.env');
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const onSignal = (signal: NodeJS.Signals) => {
    remove();
    for (const s of signals) process.removeListener(s, onSignal);
    process.kill(process.pid, signal);
  };
  try {
    fs.writeFileSync(file, content, { mode: 0o600 });
    for (const s of signals) process.once(s, onSignal);
    return await run(file);
  } finally {
    for (const s of signals) process.removeListener(s, onSignal);
    remove();
  }
}

/** The arguments without `--env <file>` / `--env=<file>`, which the deploy replaces with its own. */
export function withoutEnvFlag(args: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] === '--env') i += 1;
    else if (!args[i].startsWith('--env=')) kept.push(args[i]);
  }
  return kept;
}

/** Credentials given to serverless:deploy itself, which the Sync Service commands would not use. */
const CREDENTIAL_FLAGS = ['--username', '-u', '--password'];

export async function deployBackend(io: DeployIo, args: string[]): Promise<number> {
  const stop = (message: string) => {
    io.error(message);
    return 1;
  };

  const found = findCliWithPlugin(io, SERVERLESS_PLUGIN);
  if ('problem' in found) return stop(found.problem);
  const login = checkCliLogin(io, found.cli, args);
  if (!login.ok) return stop(login.problem);
  io.info(login.description);

  const credentialFlag = args.find((arg) => CREDENTIAL_FLAGS.some((f) => arg === f || arg.startsWith(`${f}=`)));
  if (credentialFlag) {
    return stop(
      `${credentialFlag.split('=')[0]} gives twilio serverless:deploy other credentials than the CLI's, but the deploy also makes the history's Sync Service with the CLI's: use --profile <id> (or TWILIO_ACCOUNT_SID with TWILIO_API_KEY and TWILIO_API_SECRET in the environment) instead.`,
    );
  }

  const serverlessDir = path.join(io.root, 'serverless');
  const envFlag = optionValue(args, ['--env']);
  const envFile = path.resolve(serverlessDir, envFlag ?? '.env');
  const envLabel = path.relative(io.root, envFile);
  const fileVars = readEnvFile(envFile);
  const systemEnv = args.includes('--load-system-env') ? io.env : undefined;
  if (!fileVars) {
    if (envFlag) return stop(`${envLabel} (from --env) does not exist: create it or drop --env.`);
    io.info(
      'No serverless/.env: deploying with the defaults (serverless/.env.example lists the variables and their defaults).',
    );
  } else {
    const problem = sandboxUrlProblem(fileVars, envLabel, systemEnv);
    if (problem) return stop(problem);
    io.info(`Environment from ${envLabel}: ${Object.keys(fileVars).join(', ') || 'no variables'}.`);
  }

  const profile = optionValue(args, PROFILE_FLAGS);
  const history = await provisionHistoryService(
    io,
    found.cli,
    profile ? ['--profile', profile] : [],
    configuredSyncService(fileVars, envLabel, systemEnv),
  );
  if (!history.ok) return stop(history.problem);

  const npm = findOnPath('npm', io.env);
  if (!npm) return stop('npm is not on PATH: the functions cannot be built (npm run build -w serverless).');
  // The backend serves the view's code as public assets (serverless/assets/messaging-setup-view/),
  // which the plugin build writes: built here from the same sources as `deploy:plugin` builds the
  // bundle, so the bundle finds the view code it names (its file names carry their content hash).
  const pluginBuild = await runStep(io, npm, ['run', 'build'], io.root);
  if (pluginBuild.status !== 0) {
    const kept = history.made ? ` The history's Sync Service ${history.sid} stays: the next deploy finds it.` : '';
    return stop(
      `Building the plugin (whose view code the backend serves) failed (exit ${pluginBuild.status}); its output is above.${kept}`,
    );
  }
  const build = await runStep(io, npm, ['run', 'build', '-w', 'serverless'], io.root);
  if (build.status !== 0) {
    const kept = history.made ? ` The history's Sync Service ${history.sid} stays: the next deploy finds it.` : '';
    return stop(`Building the functions failed (exit ${build.status}); its output is above.${kept}`);
  }

  const content = deployEnvContent(fileVars ? fs.readFileSync(envFile, 'utf8') : undefined, history.sid);
  io.info(
    fileVars
      ? `Deploying ${envLabel} with ${SYNC_SERVICE_VAR} added, through a temporary copy removed afterwards (${envLabel} itself is not changed).`
      : `Deploying with ${SYNC_SERVICE_VAR} only, through a temporary env file removed afterwards.`,
  );
  const deploy = await withTempEnvFile(content, (tempFile) =>
    runStep(io, found.cli, ['serverless:deploy', ...withoutEnvFlag(args), '--env', tempFile], serverlessDir),
  );
  if (deploy.status !== 0) {
    const kept = history.made ? ` The history's Sync Service ${history.sid} stays: the next deploy finds it.` : '';
    return stop(
      `twilio serverless:deploy failed (exit ${deploy.status}); its output is above. Nothing else was changed.${kept}`,
    );
  }

  const domain = parseDeployedDomain(deploy.output);
  const url = domain ? `https://${domain}` : 'https://<the domain printed above>';
  io.info('');
  io.info(domain ? `Backend deployed: ${url}` : 'Backend deployed; its domain is in the output above.');
  io.info(
    `Next: point the plugin at it. Put FLEX_APP_MESSAGING_SETUP_BACKEND_URL=${url} in .env (see .env.example) and run npm run deploy:plugin -- --changelog "…", or set ui_attributes.messagingSetup.backendUrl in the account's Flex configuration (docs/DEPLOY.md).`,
  );
  return 0;
}

if (require.main === module) {
  void deployBackend(processIo(path.resolve(__dirname, '..', '..')), process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
