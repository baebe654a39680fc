/**
 * What both deploy scripts (`npm run deploy:backend`, `npm run deploy:plugin`) need: finding the
 * Twilio CLI and its plugins, knowing whether it is logged in, reading `.env` files, running a
 * command while keeping its output. The checks are pure functions of what the CLI printed, so the
 * tests can feed them real CLI output; the scripts only glue them to processes.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';

/** Everything a deploy script touches, so the tests can run it against a temp project and a fake CLI. */
export interface DeployIo {
  /** The project root (where package.json, .env and serverless/ are). */
  root: string;
  /** The environment: PATH to find the CLI, credentials, FLEX_APP_ variables. */
  env: NodeJS.ProcessEnv;
  /** Progress and results (stdout). */
  info(line: string): void;
  /** Why the deploy stopped (stderr). */
  error(line: string): void;
  /** A running command's own output, passed on as it arrives. */
  echo(chunk: string, stream: 'stdout' | 'stderr'): void;
}

export function processIo(root: string): DeployIo {
  return {
    root,
    env: process.env,
    info: (line) => console.log(line),
    error: (line) => console.error(line),
    echo: (chunk, stream) => void (stream === 'stdout' ? process.stdout : process.stderr).write(chunk),
  };
}

export const SERVERLESS_PLUGIN = '@twilio-labs/plugin-serverless';
export const FLEX_PLUGIN = '@twilio-labs/plugin-flex';

export const CLI_MISSING =
  'The Twilio CLI (twilio) is not on PATH: install it with `npm install -g twilio-cli`, then run `twilio login`.';

export const pluginMissing = (plugin: string) =>
  `The Twilio CLI plugin ${plugin} is not installed: run \`twilio plugins:install ${plugin}\`.`;

export const NOT_LOGGED_IN =
  'The Twilio CLI is not logged in to an account: run `twilio login` (or set TWILIO_ACCOUNT_SID with TWILIO_API_KEY and TWILIO_API_SECRET).';

// ---------------------------------------------------------------------------------------------
// Finding executables

/** The first executable file called `name` in the PATH directories, or undefined. */
export function findOnPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// What the CLI printed

/** Terminal colours and the CLI's `**bold**` markers, which sit inside the text we look for. */
export function plainText(output: string): string {
  // eslint-disable-next-line no-control-regex
  return output.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\*\*/g, '');
}

/** Whether `twilio plugins` lists the plugin (one `<name> <version>` line per installed plugin). */
export function hasCliPlugin(pluginsOutput: string, plugin: string): boolean {
  return plainText(pluginsOutput)
    .split('\n')
    .some((line) => line.trim().split(/\s+/)[0] === plugin);
}

export interface CliProfile {
  id: string;
  active: boolean;
}

/**
 * The profiles of `twilio profiles:list -o json` (an array of `{id, accountSid, active}`), or of
 * its default column output (`ID  Account SID  Active`) should `-o json` be ignored.
 */
export function parseProfiles(output: string): CliProfile[] {
  const text = plainText(output).trim();
  if (text.startsWith('[')) {
    try {
      const rows = JSON.parse(text) as unknown;
      if (Array.isArray(rows)) {
        return rows
          .filter((row): row is { id: string; active?: unknown } => typeof row?.id === 'string')
          .map((row) => ({ id: row.id, active: row.active === true }));
      }
    } catch {
      // not JSON after all: read it as columns
    }
  }
  return text
    .split('\n')
    .map((line) => line.trim().split(/\s{2,}/))
    .filter((cells) => cells[0] && cells[0] !== 'ID' && cells.length >= 2)
    .map((cells) => ({ id: cells[0], active: cells[cells.length - 1] === 'true' }));
}

/**
 * Which credentials the environment gives the CLI. It takes TWILIO_ACCOUNT_SID with either
 * TWILIO_API_KEY + TWILIO_API_SECRET or TWILIO_AUTH_TOKEN (twilio-cli-core's
 * getProfileFromEnvironment); anything less it ignores.
 */
export function envCredentials(env: NodeJS.ProcessEnv): 'api-key' | 'auth-token' | 'partial' | undefined {
  if (env.TWILIO_ACCOUNT_SID && env.TWILIO_API_KEY && env.TWILIO_API_SECRET) return 'api-key';
  if (env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN) return 'auth-token';
  if (env.TWILIO_ACCOUNT_SID || env.TWILIO_API_KEY || env.TWILIO_API_SECRET || env.TWILIO_AUTH_TOKEN) return 'partial';
  return undefined;
}

export type LoginCheck =
  | {
      ok: true;
      /** The CLI profile the commands will use; undefined when the credentials come from the environment. */
      profileId: string | undefined;
      /** One line saying which credentials the deploy uses. */
      description: string;
    }
  | { ok: false; problem: string };

/**
 * Whether the CLI has credentials, in its own order: the `-p` profile, then the environment, then
 * the active profile. `listProfiles` (running `twilio profiles:list`) is only called when needed.
 */
export function checkLogin(
  env: NodeJS.ProcessEnv,
  profileFlag: string | undefined,
  listProfiles: () => string,
): LoginCheck {
  if (profileFlag) {
    const found = parseProfiles(listProfiles()).some((profile) => profile.id === profileFlag);
    return found
      ? { ok: true, profileId: profileFlag, description: `Using the Twilio CLI profile "${profileFlag}" (--profile).` }
      : {
          ok: false,
          problem: `The Twilio CLI has no profile "${profileFlag}" (from --profile): add it with \`twilio login\` or pick one from \`twilio profiles:list\`.`,
        };
  }
  const fromEnv = envCredentials(env);
  if (fromEnv === 'api-key' || fromEnv === 'auth-token') {
    const what = fromEnv === 'api-key' ? 'TWILIO_API_KEY and TWILIO_API_SECRET' : 'TWILIO_AUTH_TOKEN';
    return {
      ok: true,
      profileId: undefined,
      description: `Using the credentials in the environment (TWILIO_ACCOUNT_SID with ${what}).`,
    };
  }
  const active = parseProfiles(listProfiles()).find((profile) => profile.active);
  if (!active) return { ok: false, problem: NOT_LOGGED_IN };
  const ignored =
    fromEnv === 'partial'
      ? ' (the TWILIO_* variables set in the environment are incomplete, so the CLI ignores them)'
      : '';
  return {
    ok: true,
    profileId: active.id,
    description: `Using the active Twilio CLI profile "${active.id}"${ignored}.`,
  };
}

// ---------------------------------------------------------------------------------------------
// Arguments and .env files

/** The value of `--name value`, `--name=value` (or a short alias like `-p value`), last one wins. */
export function optionValue(args: readonly string[], names: readonly string[]): string | undefined {
  let value: string | undefined;
  args.forEach((arg, index) => {
    for (const name of names) {
      if (arg === name && index + 1 < args.length) value = args[index + 1];
      else if (arg.startsWith(`${name}=`)) value = arg.slice(name.length + 1);
    }
  });
  return value;
}

export const PROFILE_FLAGS = ['--profile', '-p'] as const;

/** A `.env` file's variables (dotenv syntax), or undefined when there is no such file. */
export function readEnvFile(file: string): Record<string, string> | undefined {
  if (!fs.existsSync(file)) return undefined;
  // util.parseEnv (Node 20.12+) reads what dotenv reads: quotes, comments, `export`.
  const parsed = util.parseEnv(fs.readFileSync(file, 'utf8'));
  return Object.fromEntries(
    Object.entries(parsed).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

// ---------------------------------------------------------------------------------------------
// Running commands

export interface CommandResult {
  status: number;
  /** stdout and stderr as they came, for reading what the command printed. */
  output: string;
}

/** A quick question to the CLI (`twilio plugins`): its output, not shown to the user. */
export function probe(io: DeployIo, command: string, args: string[]): CommandResult {
  const result = spawnSync(command, args, { cwd: io.root, env: io.env, encoding: 'utf8', stdio: 'pipe' });
  return { status: result.status ?? 1, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

/**
 * Runs a deploy step: its output is shown as it arrives and kept for reading afterwards. stdin
 * stays the user's, so a prompt of the CLI can still be answered.
 */
export function runStep(io: DeployIo, command: string, args: string[], cwd: string): Promise<CommandResult> {
  io.info(`\n$ ${[path.basename(command), ...args].map(shellQuote).join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: io.env, stdio: ['inherit', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      io.echo(chunk, 'stdout');
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      io.echo(chunk, 'stderr');
    });
    child.once('error', (error) => resolve({ status: 1, output: `${output}${error.message}` }));
    child.once('close', (code) => resolve({ status: code ?? 1, output }));
  });
}

/** How a command line is shown: arguments with spaces or quotes quoted, as a shell would need them. */
export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** The common preflight: the CLI on PATH and the plugin installed. The CLI's path, or the problem. */
export function findCliWithPlugin(io: DeployIo, plugin: string): { cli: string } | { problem: string } {
  const cli = findOnPath('twilio', io.env);
  if (!cli) return { problem: CLI_MISSING };
  const plugins = probe(io, cli, ['plugins']);
  if (!hasCliPlugin(plugins.output, plugin)) return { problem: pluginMissing(plugin) };
  return { cli };
}

/** The login preflight for a found CLI. */
export function checkCliLogin(io: DeployIo, cli: string, args: readonly string[]): LoginCheck {
  return checkLogin(
    io.env,
    optionValue(args, PROFILE_FLAGS),
    () => probe(io, cli, ['profiles:list', '-o', 'json']).output,
  );
}
