/**
 * The local stack for benchmarks: `npm start` on its own ports, and the sandbox's control API.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

import { credentialsFromEnv } from '../../sandbox/server/config';

export interface Stack {
  hostUrl: string;
  backendUrl: string;
  sandboxUrl: string;
  stop(): Promise<void>;
}

/**
 * The checkout whose `npm start` is measured: this one, or BENCH_ROOT (another checkout, e.g. a
 * worktree of the commit before a change, with its plugin built, measured by this checkout's
 * scripts so that before and after are measured alike).
 */
const root = process.env.BENCH_ROOT ? path.resolve(process.env.BENCH_ROOT) : path.resolve(__dirname, '..', '..');

async function waitFor(url: string, timeoutMs: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode} before ${url} answered`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** Starts `npm start` (plugin already built) on `basePort`, +1 and +2, and waits until it answers. */
export async function startStack(basePort: number): Promise<Stack> {
  const ports = { host: basePort, backend: basePort + 1, sandbox: basePort + 2 };
  const child = spawn('npm', ['start'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT: String(ports.host),
      BACKEND_PORT: String(ports.backend),
      TWILIO_SANDBOX_PORT: String(ports.sandbox),
      SKIP_PLUGIN_BUILD: '1',
      FLEX_HOST_REACT: 'production',
    },
  });
  const stack: Stack = {
    hostUrl: `http://localhost:${ports.host}`,
    backendUrl: `http://localhost:${ports.backend}`,
    sandboxUrl: `http://127.0.0.1:${ports.sandbox}`,
    async stop() {
      if (child.exitCode !== null || child.pid === undefined) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // To npm alone, which passes it on: a SIGTERM to the whole group would reach npm start twice
      // (from the group and from npm), and a second one means "exit without waiting".
      process.kill(child.pid, 'SIGTERM');
      const stopped = await Promise.race([
        exited.then(() => true),
        new Promise((resolve) => setTimeout(() => resolve(false), 15_000)),
      ]);
      if (!stopped) process.kill(-child.pid, 'SIGKILL');
    },
  };
  try {
    await waitFor(`http://127.0.0.1:${ports.host}/healthz`, 240_000, child);
  } catch (error) {
    await stack.stop();
    throw error;
  }
  return stack;
}

/** JSON to the sandbox's control API; throws on anything but 2xx. */
export async function control<T = unknown>(stack: Stack, method: string, route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${stack.sandboxUrl}/_sandbox/${route}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} /_sandbox/${route}: ${response.status} ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export interface LoggedRequest {
  method: string;
  product: string;
  path: string;
  status: number;
}

export const twilioRequests = async (stack: Stack) =>
  (await control<{ requests: LoggedRequest[] }>(stack, 'GET', 'requests')).requests;

export const sandboxCredentials = credentialsFromEnv();
