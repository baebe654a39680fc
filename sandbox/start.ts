/**
 * `npm start`: the whole local stack — the Twilio sandbox, the backend (twilio-run) and the Flex host page
 * that loads the built plugin bundle. Ports: PORT (3000), BACKEND_PORT (3001), TWILIO_SANDBOX_PORT
 * (3002). SKIP_PLUGIN_BUILD=1 reuses an existing build/. Ctrl-C or SIGTERM stops everything.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

import { VIEW_CODE_DIR, viewCodeFiles } from '../scripts/bundleBudget';
import { readEnvFile } from '../scripts/deploy/twilioCli';
import { buildFunctions } from '../serverless/build';
import { localBackendCommand } from './backend/command';
import { FLEX_HOSTS, PLUGIN_BUNDLE, startHost, type FlexHostKind } from './host/hostServer';
import { startSandbox } from './server/app';
import { DEFAULT_RESET } from './server/generateAccount';
import { credentialsFromEnv, DEFAULT_PORTS } from './server/config';

const root = path.resolve(__dirname, '..');
const buildDir = path.join(root, 'build');

// ---------------------------------------------------------------------------------------------
// Ports

interface PortSetting {
  envVar: string;
  port: number;
}

/** Prints one line and exits 1: the shape of every start-up failure the user can fix. */
function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function portFromEnv(envVar: string, fallback: number): PortSetting {
  const raw = process.env[envVar];
  if (raw === undefined || raw === '') return { envVar, port: fallback };
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`${envVar}=${raw} is not a port number (1-65535).`);
  return { envVar, port };
}

/** Why the port cannot be listened on (an error code), or undefined when it is free. */
function portProblem(port: number, host: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      // No IPv6 on this machine: nothing can be listening there either.
      resolve(error.code === 'EADDRNOTAVAIL' || error.code === 'EAFNOSUPPORT' ? undefined : (error.code ?? 'EUNKNOWN'));
    });
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(undefined)));
  });
}

async function checkPorts(settings: PortSetting[]): Promise<void> {
  const seen = new Map<number, string>();
  for (const { envVar, port } of settings) {
    const other = seen.get(port);
    if (other) fail(`${envVar} and ${other} are both ${port}: give each service its own port.`);
    seen.set(port, envVar);
  }
  for (const { envVar, port } of settings) {
    // Both loopbacks: a browser may resolve `localhost` to ::1 and reach another server there.
    const problem = (await portProblem(port, '127.0.0.1')) ?? (await portProblem(port, '::1'));
    if (problem === 'EADDRINUSE') {
      fail(`Port ${port} is in use: set ${envVar} to a free port (for example ${envVar}=${port + 100} npm start).`);
    }
    if (problem) fail(`Port ${port} cannot be used (${problem}): set ${envVar} to another port.`);
  }
}

// ---------------------------------------------------------------------------------------------
// Child processes: each runs in its own process group, so stopping it also stops what it spawned
// (flex-plugin build forks webpack and a type checker; twilio-run forks too).

const children = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

function spawnChild(command: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', detached: true, env: { ...process.env, ...env } });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** SIGTERM, then SIGKILL if the process group has not exited after `graceMs`. */
function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    killGroup(child, 'SIGTERM');
  });
}

// Whatever happens, leave no child behind.
process.on('exit', () => children.forEach((child) => killGroup(child, 'SIGKILL')));

function waitForExit(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolve(code));
  });
}

/** Resolves once something accepts TCP connections on the port; rejects if `child` exits first. */
async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`exited (${child.exitCode ?? child.signalCode}) before listening on port ${port}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ port, host: '127.0.0.1' });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`did not listen on port ${port} within ${Math.round(timeoutMs / 1000)} s`);
}

/**
 * A long-running command as a service: started in its own process group, ready when it listens
 * on `port`, stopped with SIGTERM (SIGKILL after 5 s). For the backend, e.g.
 * `startChildService('Backend', command, args, port)` with `localBackendCommand(port)`.
 */
async function startChildService(
  name: string,
  command: string,
  args: string[],
  port: number,
  options: { env?: NodeJS.ProcessEnv; readyTimeoutMs?: number } = {},
): Promise<RunningService> {
  const child = spawnChild(command, args, options.env);
  try {
    await waitForPort(port, child, options.readyTimeoutMs ?? 60_000);
  } catch (error) {
    await stopChild(child);
    throw new Error(`${name} ${error instanceof Error ? error.message : String(error)}`);
  }
  return { name, stop: () => stopChild(child) };
}

const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

/**
 * The backend's environment (its functions' context). The backend lays it over the process
 * environment, as `twilio-run --load-local-env` does; it is serverless/.env (the deployed service's
 * settings, which may hold a real ACCOUNT_SID, say) with npm start's own settings laid over it, so
 * the local backend always uses the sandbox.
 */
function backendEnv(owned: Record<string, string>): Record<string, string> {
  const developer = readEnvFile(path.join(root, 'serverless', '.env')) ?? {};
  const overridden = Object.keys(owned).filter((key) => developer[key] !== undefined && developer[key] !== owned[key]);
  if (overridden.length > 0) {
    console.log(`npm start ignores ${overridden.join(', ')} of serverless/.env: the local backend uses the sandbox.`);
  }
  return { ...developer, ...owned };
}

// ---------------------------------------------------------------------------------------------
// The plugin bundle

/** The view code files of build/ that the backend's assets do not hold (webpack.config.js copies them). */
function viewCodeMissingFromBackend(): string[] {
  const assets = path.join(root, 'serverless', 'assets', path.basename(VIEW_CODE_DIR));
  return viewCodeFiles(VIEW_CODE_DIR)
    .map((file) => path.basename(file))
    .filter((name) => !fs.existsSync(path.join(assets, name)));
}

async function buildPlugin(): Promise<void> {
  const bundle = path.join(buildDir, PLUGIN_BUNDLE);
  if (process.env.SKIP_PLUGIN_BUILD === '1') {
    const missing = fs.existsSync(bundle) ? viewCodeMissingFromBackend() : [];
    if (fs.existsSync(bundle) && missing.length === 0) {
      console.log(`Using the existing build/${PLUGIN_BUNDLE} (SKIP_PLUGIN_BUILD=1).`);
      return;
    }
    console.log(
      fs.existsSync(bundle)
        ? `SKIP_PLUGIN_BUILD=1 but the backend's assets lack the view code of build/ (${missing.join(', ')}): building it.`
        : `SKIP_PLUGIN_BUILD=1 but build/${PLUGIN_BUNDLE} does not exist: building it.`,
    );
  }
  console.log('Building the plugin (flex-plugin build)…');
  const started = Date.now();
  const code = await waitForExit(spawnChild(bin('flex-plugin'), ['build']));
  if (stopping) return;
  if (code !== 0) throw new Error(`flex-plugin build failed (exit ${code}); its output is above.`);
  console.log(`Plugin built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

// ---------------------------------------------------------------------------------------------
// The stack

/** A started part of the stack. */
export interface RunningService {
  name: string;
  stop(): Promise<void>;
}

const running: RunningService[] = [];
let stopping = false;

async function stopAll(): Promise<void> {
  for (const child of children) await stopChild(child);
  for (const service of running.reverse()) {
    await service.stop().catch((error: unknown) => console.error(`Stopping ${service.name} failed:`, error));
  }
  running.length = 0;
}

async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) {
    console.error(`${signal} again: exiting without waiting.`);
    process.exit(1);
  }
  stopping = true;
  console.log(`\n${signal}: stopping the local stack…`);
  setTimeout(() => {
    console.error('Stopping took more than 15 s: exiting anyway.');
    process.exit(1);
  }, 15_000).unref();
  await stopAll();
  console.log('Stopped.');
  process.exit(0);
}

/** FLEX_HOST: which Flex the host page boots by default — our stand-in, or the real Flex UI runtime. */
function flexHostFromEnv(): FlexHostKind {
  const raw = process.env.FLEX_HOST;
  if (raw === undefined || raw === '') return 'standin';
  if ((FLEX_HOSTS as readonly string[]).includes(raw)) return raw as FlexHostKind;
  fail(`FLEX_HOST=${raw} is not a Flex host: use FLEX_HOST=${FLEX_HOSTS.join(' or FLEX_HOST=')}.`);
}

async function main(): Promise<void> {
  const started = Date.now();
  const hostPort = portFromEnv('PORT', DEFAULT_PORTS.host);
  const backendPort = portFromEnv('BACKEND_PORT', DEFAULT_PORTS.backend);
  const sandboxPort = portFromEnv('TWILIO_SANDBOX_PORT', DEFAULT_PORTS.sandbox);
  await checkPorts([hostPort, backendPort, sandboxPort]);
  const flexHost = flexHostFromEnv();

  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await buildPlugin();

  const credentials = credentialsFromEnv();
  const sandboxUrl = `http://127.0.0.1:${sandboxPort.port}`;
  const backendUrl = `http://localhost:${backendPort.port}`;
  let hostUrl = `http://localhost:${hostPort.port}`;

  /**
   * The services, in start order (stopped in reverse). The Flex host page comes last: once it
   * answers, the whole stack is up (Playwright's webServer waits for its /healthz).
   */
  const services: { name: string; start(): Promise<RunningService> }[] = [
    {
      name: 'Twilio sandbox',
      async start() {
        // The demo account shows the evidence of #26 (stuck conversations, alerts: evidenceSeed.ts),
        // dated as a live account's would be (its history starts three days ago).
        const sandbox = await startSandbox({
          port: sandboxPort.port,
          credentials,
          reset: { ...DEFAULT_RESET, evidence: true, clock: 'wall' },
        });
        return { name: this.name, stop: () => sandbox.close() };
      },
    },

    {
      name: 'Backend (twilio-run)',
      async start() {
        const names = await buildFunctions();
        console.log(`Built ${names.length} backend functions; starting the local Functions runtime (twilio-run’s)…`);
        // The same function code as in production; only the Twilio transport points at the sandbox.
        // twilio-run's runtime in a process of its own (sandbox/backend/main.ts), on 127.0.0.1 only
        // and with a request log that never shows a query string (`twilio-run start` can do neither).
        const { command, args } = localBackendCommand(backendPort.port);
        return startChildService(this.name, command, args, backendPort.port, {
          env: backendEnv({
            ACCOUNT_SID: credentials.accountSid,
            AUTH_TOKEN: credentials.authToken,
            TWILIO_SANDBOX_URL: sandboxUrl,
            // The sandbox account's own backend Sync Service is found by name: a real account's
            // SID in serverless/.env names nothing here.
            MESSAGING_SETUP_SYNC_SERVICE_SID: '',
            MESSAGING_SETUP_ALLOWED_ORIGINS: [
              `http://localhost:${hostPort.port}`,
              `http://127.0.0.1:${hostPort.port}`,
            ].join(','),
          }),
        });
      },
    },

    {
      name: 'Flex host page',
      async start() {
        const host = await startHost({
          port: hostPort.port,
          sandboxUrl,
          backendUrl,
          buildDir,
          accountSid: credentials.accountSid,
          authToken: credentials.authToken,
          defaultFlexHost: flexHost,
          prepareRealFlex: true,
          // Development React by default: its warnings reach the browser tests. Real Flex runs
          // production React, so the benchmarks set FLEX_HOST_REACT=production.
          reactBuild: process.env.FLEX_HOST_REACT === 'production' ? 'production' : 'development',
        });
        hostUrl = host.url;
        return { name: this.name, stop: () => host.close() };
      },
    },
  ];

  for (const service of services) {
    if (stopping) return;
    try {
      running.push(await service.start());
    } catch (error) {
      const err = error as NodeJS.ErrnoException;
      throw new Error(
        err.code === 'EADDRINUSE'
          ? `${service.name}: its port was taken while starting (${err.message}).`
          : `${service.name} did not start: ${err.message}`,
      );
    }
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const lines = [
    '',
    `Messaging Setup local stack is up (${seconds} s).`,
    '',
    `  Flex host page    ${hostUrl}/?role=supervisor   (${flexHost === 'real' ? 'the real Flex UI' : 'the Flex stand-in'}; also ?role=admin, ?role=agent; &user=<name> signs in as another user of the role)`,
    `                    ${hostUrl}/?role=supervisor&flex=${flexHost === 'real' ? 'standin' : 'real'}   (${flexHost === 'real' ? 'the Flex stand-in' : 'the real Flex UI runtime'})`,
    `  Backend           ${backendUrl}/<function>  (twilio-run; functions in serverless/)`,
    `  Twilio sandbox    ${sandboxUrl}/<product>/<path>  (Basic auth with the account below)`,
    // Every route of sandbox/server/controlApi.ts, and app.ts' violations: keep in step with them.
    `  Sandbox control   ${sandboxUrl}/_sandbox/  (JSON, no auth; docs/SANDBOX.md, "Control API")`,
    `                    POST inbound (play a customer's message), tasks/<sid>/complete, reset, faults, tokens`,
    `                    GET inbound, faults, requests, violations; DELETE requests, violations`,
    `  Sandbox account   ${credentials.accountSid}`,
    `  Auth token        ${credentials.authToken}  (opens only this local sandbox)`,
    '',
    'Ctrl-C stops everything.',
  ];
  console.log(lines.join('\n'));
}

main().catch(async (error: unknown) => {
  if (stopping) return; // a signal arrived during start-up; shutdown() exits
  console.error(error instanceof Error ? error.message : String(error));
  stopping = true;
  await stopAll();
  process.exit(1);
});
