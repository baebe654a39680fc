/**
 * The backend as `npm start` and the backend tests run it: the built functions served by
 * twilio-run's local Functions runtime (`@twilio/runtime-handler`'s dev server, the one
 * `twilio-run start` uses), in this process, with two differences from `twilio-run start`:
 *
 * - it listens on loopback only (127.0.0.1 by default), like the sandbox and the host page;
 *   `twilio-run start` has no host option and listens on every interface;
 * - it logs each request as method, function path and status, never the query string: twilio-run's
 *   request log prints the whole URL, so a token a client put in a URL would land in the console.
 */
import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import type { StartCliConfig } from 'twilio-run/dist/config/start';
import { createLocalDevelopmentServer } from 'twilio-run/dist/runtime/server';

export interface LocalBackendOptions {
  /** The Serverless project folder; its functions are in `<baseDir>/functions`. */
  baseDir: string;
  /** 0 picks a free port. */
  port: number;
  /** The interface to listen on; 127.0.0.1 unless told otherwise. */
  host?: string;
  /** The Functions environment: read on each request, so a caller may change it in place. */
  env: Record<string, string>;
  /** The service's URL as the functions see it (`context.DOMAIN_NAME`); `http://localhost:<port>` by default. */
  url?: string;
  /** Gets one line per request (method, path, status, time); no request log when undefined. */
  log?: (line: string) => void;
}

export interface RunningBackend {
  /** e.g. `http://127.0.0.1:3001` */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Function paths are one short segment (`/list-addresses`); anything else is not logged as sent. */
const FUNCTION_PATH = /^\/[A-Za-z0-9_-]{1,64}$/;

/**
 * What the log shows of a request's URL: its path when it names a function, else only that it was
 * some other path. Never the query string, nor an arbitrary path a client could put a token in.
 */
export function loggedPath(url: string | undefined): string {
  const pathname = (url ?? '/').split(/[?#]/, 1)[0] ?? '/';
  return FUNCTION_PATH.test(pathname) || pathname === '/' ? pathname : '/(other path)';
}

function requestLogger(log: (line: string) => void) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const started = Date.now();
    res.once('finish', () => {
      log(`${req.method ?? '?'} ${loggedPath(req.url)} → ${res.statusCode} (${Date.now() - started} ms)`);
    });
  };
}

interface Watcher {
  close(): Promise<void>;
}

/**
 * Builds twilio-run's app, keeping the file watchers it starts (it only closes them on process
 * exit) so `close()` can stop them: a test file's backend then leaves nothing running.
 */
async function createApp(
  port: number,
  config: StartCliConfig,
): Promise<{ app: http.RequestListener; watchers: Watcher[] }> {
  const runDir = path.dirname(require.resolve('twilio-run/package.json'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- twilio-run's own copy, by path
  const chokidar = require(require.resolve('chokidar', { paths: [runDir] })) as {
    watch: (...args: unknown[]) => Watcher;
  };
  const watch = chokidar.watch;
  const watchers: Watcher[] = [];
  chokidar.watch = (...args: unknown[]) => {
    const watcher = watch.apply(chokidar, args);
    watchers.push(watcher);
    return watcher;
  };
  try {
    const app = (await createLocalDevelopmentServer(port, config)) as unknown as http.RequestListener;
    return { app, watchers };
  } finally {
    chokidar.watch = watch;
  }
}

export async function startLocalBackend(options: LocalBackendOptions): Promise<RunningBackend> {
  const host = options.host ?? '127.0.0.1';
  const config: StartCliConfig = {
    baseDir: options.baseDir,
    env: options.env as StartCliConfig['env'],
    port: options.port,
    url: options.url ?? `http://localhost:${options.port}`,
    detailedLogs: false,
    live: false,
    // twilio-run's own request log prints the full URL, query string included: ours replaces it.
    logs: false,
    legacyMode: false,
    appName: 'twilio-run',
    functionsFolderName: 'functions',
    // One warm process, as a deployed Functions container is: module state (the Twilio client,
    // the token cache) lives across calls instead of dying with a fork per request.
    forkProcess: false,
    pkgJson: {},
  };
  const { app, watchers } = await createApp(options.port, config);
  const logRequest = options.log ? requestLogger(options.log) : undefined;
  const server: Server = http.createServer((req, res) => {
    logRequest?.(req, res);
    app(req, res);
  });
  const closeWatchers = () => Promise.all(watchers.map((watcher) => watcher.close()));
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await closeWatchers();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await closeWatchers();
    },
  };
}
