/**
 * `npm run deploy:backend [-- <twilio serverless:deploy flags>]`: deploys serverless/ to Twilio
 * Functions on the account the Twilio CLI is logged in to.
 *
 * Checks first, each failing with one line saying what to do: the CLI is on PATH, its Serverless
 * plugin is installed, it is logged in, and the environment file the deploy uploads does not set
 * TWILIO_SANDBOX_URL. Then builds the functions (`npm run build -w serverless`) and runs
 * `twilio serverless:deploy` in serverless/ with the extra arguments (`--environment prod`,
 * `--production`, `--profile`…), and prints the service's domain and the next step.
 */
import path from 'node:path';

import {
  checkCliLogin,
  findCliWithPlugin,
  findOnPath,
  optionValue,
  plainText,
  processIo,
  readEnvFile,
  runStep,
  SERVERLESS_PLUGIN,
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

  const serverlessDir = path.join(io.root, 'serverless');
  const envFlag = optionValue(args, ['--env']);
  const envFile = path.resolve(serverlessDir, envFlag ?? '.env');
  const envLabel = path.relative(io.root, envFile);
  const fileVars = readEnvFile(envFile);
  if (!fileVars) {
    if (envFlag) return stop(`${envLabel} (from --env) does not exist: create it or drop --env.`);
    io.info(
      'No serverless/.env: deploying with the defaults (serverless/.env.example lists the variables and their defaults).',
    );
  } else {
    const problem = sandboxUrlProblem(fileVars, envLabel, args.includes('--load-system-env') ? io.env : undefined);
    if (problem) return stop(problem);
    io.info(`Environment from ${envLabel}: ${Object.keys(fileVars).join(', ') || 'no variables'}.`);
  }

  const npm = findOnPath('npm', io.env);
  if (!npm) return stop('npm is not on PATH: the functions cannot be built (npm run build -w serverless).');
  const build = await runStep(io, npm, ['run', 'build', '-w', 'serverless'], io.root);
  if (build.status !== 0) return stop(`Building the functions failed (exit ${build.status}); its output is above.`);

  const deploy = await runStep(io, found.cli, ['serverless:deploy', ...args], serverlessDir);
  if (deploy.status !== 0) {
    return stop(
      `twilio serverless:deploy failed (exit ${deploy.status}); its output is above. Nothing else was changed.`,
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
