/**
 * Test harness for the backend's integration tests: one Twilio sandbox per test file, the
 * functions built as they are deployed (esbuild, one file each), served by twilio-run in this
 * process with its Twilio client pointed at the sandbox, and called over real HTTP the way the
 * plugin calls them (a form POST with `Token` and `Payload` = JSON).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import jwt from 'jsonwebtoken';
import twilio from 'twilio';

import { startLocalBackend, type RunningBackend } from '../../sandbox/backend/localBackend';
import { startSandbox, type RunningSandbox, type Sandbox } from '../../sandbox/server/app';
import { NO_FAULTS, type FaultSettings } from '../../sandbox/server/faults';
import { DEFAULT_RESET, type ResetOptions } from '../../sandbox/server/generateAccount';
import type { LoggedRequest } from '../../sandbox/server/requestLog';
import { ENDPOINT_ACCESS, INBOUND_WEBHOOK_FUNCTION, type BackendEndpoint } from '../../src/contract/types';
import { buildFunctions } from '../build';

/** Every function the backend has (by ENDPOINT_ACCESS); `setUpBackend` fails if the build makes a different set. */
export const READ_FUNCTIONS = endpointsWith('read');
export const WRITE_FUNCTIONS = endpointsWith('write');
export const ALL_FUNCTIONS: readonly BackendEndpoint[] = [...READ_FUNCTIONS, ...WRITE_FUNCTIONS];

function endpointsWith(access: 'read' | 'write'): BackendEndpoint[] {
  return (Object.keys(ENDPOINT_ACCESS) as BackendEndpoint[]).filter((name) => ENDPOINT_ACCESS[name] === access);
}

/** An origin the tests' backend allows besides https://flex.twilio.com (as `npm start` allows the host page). */
export const TEST_ORIGIN = 'http://localhost:4999';

/** A fixed, moderate account most tests start from. */
export const TEST_RESET: ResetOptions = { ...DEFAULT_RESET, seed: 11 };

export interface CallOptions {
  /** The `Token` form field; omitted when undefined. */
  token?: string;
  /** JSON-encoded into the `Payload` form field; omitted when undefined. */
  payload?: unknown;
  /** Sent as the `Payload` field unchanged (not JSON-encoded), for malformed-payload tests. */
  rawPayload?: string;
  /** More form fields, sent after Token and Payload. */
  extraFields?: Record<string, string>;
  /** The browser's `Origin` header. */
  origin?: string;
  /** Fields sent in the URL's query string (where the backend must never take a token from). */
  queryFields?: Record<string, string>;
  /** The HTTP method; POST when undefined. GET and HEAD carry no body. */
  method?: string;
  /** The `Content-Type` header; the form's when undefined, none when null (fetch then calls a text body text/plain). */
  contentType?: string | null;
  /** Sends the fields as a JSON object instead of a form. */
  jsonBody?: boolean;
}

/** How a call to the built-in webhook handler is made, the way Twilio makes it unless told otherwise. */
export interface WebhookCallOptions {
  /** X-Twilio-Signature: computed with the account's auth token when undefined; null sends none. */
  signature?: string | null;
  /** POST (a form body) or GET (a query string); POST when undefined. */
  method?: 'POST' | 'GET';
  /** An `Origin` header (Twilio sends none). */
  origin?: string;
}

export interface FunctionResponse {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** Parsed JSON, or the raw text when the body is not JSON. */
  body: unknown;
}

export interface TokenFactory {
  supervisor(): string;
  admin(): string;
  agent(): string;
  /** Signed by the sandbox, but expired a minute ago. */
  expired(): string;
  /** Not a token IAM ever issued, nor shaped like one (the backend refuses it without asking IAM). */
  garbage(): string;
  /** Shaped like a Flex token but IAM never issued it: a JWS signed with another key, fresh each call. */
  forged(): string;
  /** Shaped like the JWE tokens Flex hands out (`alg: dir`, five segments), IAM never issued it; fresh each call. */
  forgedJwe(): string;
  /** Any roles; a fresh identity each call, so no earlier validation is cached for it. */
  withRoles(roles: string[], ttlSeconds?: number): string;
}

export interface BackendTestContext {
  readonly sandbox: Sandbox;
  readonly sandboxUrl: string;
  readonly backendUrl: string;
  /**
   * The Functions environment twilio-run hands each call (read per request, so a test may change
   * it); restored after each test.
   */
  readonly env: Record<string, string>;
  readonly tokens: TokenFactory;
  callFunction(name: BackendEndpoint, options?: CallOptions): Promise<FunctionResponse>;
  /** The built-in webhook handler's URL, as Twilio would call it (and sign it). */
  readonly webhookUrl: string;
  /** Delivers `params` to the webhook handler the way Twilio does: signed, unless `options` say otherwise. */
  callWebhook(params: Record<string, string>, options?: WebhookCallOptions): Promise<FunctionResponse>;
  /** The sandbox's request log: every request that reached "Twilio", with its query and form body. */
  log(): LoggedRequest[];
  clearLog(): void;
  /** A fresh generated account (TEST_RESET plus `options`); also clears the request log. */
  reset(options?: Partial<ResetOptions>): void;
  /** Injects faults into the sandbox's Twilio answers until the end of the test. */
  faults(settings: Partial<FaultSettings>, seed: number): void;
  /**
   * Stops the backend and starts it again (a new process state, a new port: `backendUrl` changes)
   * on the same sandbox, as a redeploy or a cold Functions container would.
   */
  restartBackend(): Promise<void>;
}

/** `{error: {code, message}}` with non-empty strings, and nothing that looks like a stack. */
export function errorBodyProblems(body: unknown): string[] {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return [`not a JSON object: ${JSON.stringify(body)}`];
  const error = (body as { error?: unknown }).error;
  if (!error || typeof error !== 'object') return [`no error object: ${JSON.stringify(body)}`];
  const { code, message } = error as { code?: unknown; message?: unknown };
  const problems: string[] = [];
  if (typeof code !== 'string' || code === '')
    problems.push(`error.code is not a non-empty string: ${JSON.stringify(code)}`);
  if (typeof message !== 'string' || message === '')
    problems.push(`error.message is not a non-empty string: ${JSON.stringify(message)}`);
  if (/\n\s+at |stack/i.test(JSON.stringify(body))) problems.push(`looks like a stack trace: ${JSON.stringify(body)}`);
  return problems;
}

function parseBody(text: string): unknown {
  if (text === '') return '';
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

async function readResponse(response: Response): Promise<FunctionResponse> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => (headers[key.toLowerCase()] = value));
  return { status: response.status, headers, body: parseBody(await response.text()) };
}

let identities = 0;

const SERVERLESS_DIR = path.join(__dirname, '..');
const BUILD_PREFIX = '.test-build-';

/** Build folders of test runs that were killed before their afterAll (their process is gone). */
function removeStaleBuilds(): void {
  for (const name of fs.readdirSync(SERVERLESS_DIR)) {
    const pid = Number(/^\.test-build-.+-(\d+)$/.exec(name)?.[1]);
    if (!pid || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') {
        fs.rmSync(path.join(SERVERLESS_DIR, name), { recursive: true, force: true });
      }
    }
  }
}

/**
 * Starts the sandbox and the backend for the calling test file (beforeAll) and stops both
 * (afterAll). After each test it clears injected faults and restores the environment.
 */
export function setUpBackend(initialReset: Partial<ResetOptions> = {}): BackendTestContext {
  let running: RunningSandbox | undefined;
  let backend: RunningBackend | undefined;
  let backendUrl: string | undefined;
  let buildRoot: string | undefined;
  const env: Record<string, string> = {};
  let baseEnv: Record<string, string> = {};

  const need = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the backend is not running (use the context inside tests)');
    return value;
  };
  const sandbox = () => need(running).sandbox;

  const tokens: TokenFactory = {
    withRoles: (roles, ttlSeconds = 3600) => {
      identities += 1;
      return sandbox().tokens.issue(`test-user-${identities}@example.com`, roles, ttlSeconds).token;
    },
    supervisor: () => tokens.withRoles(['supervisor']),
    admin: () => tokens.withRoles(['admin']),
    agent: () => tokens.withRoles(['agent']),
    expired: () => tokens.withRoles(['supervisor', 'admin'], -60),
    garbage: () => `garbage.${Buffer.from(`not a token ${identities}`).toString('base64url')}.x`,
    forged: () => {
      identities += 1;
      return jwt.sign({ sub: `forger-${identities}@example.com`, roles: ['admin'] }, crypto.randomBytes(32), {
        algorithm: 'HS256',
        expiresIn: 3600,
      });
    },
    forgedJwe: () => {
      const header = { alg: 'dir', enc: 'A256GCM', cty: 'twilio-fpa;v=1', zip: 'DEF' };
      const part = (bytes: number) => crypto.randomBytes(bytes).toString('base64url');
      return [Buffer.from(JSON.stringify(header)).toString('base64url'), '', part(12), part(600), part(16)].join('.');
    },
  };

  const context: BackendTestContext = {
    get sandbox() {
      return sandbox();
    },
    get sandboxUrl() {
      return need(running).url;
    },
    get backendUrl() {
      return need(backendUrl);
    },
    env,
    tokens,
    async callFunction(name, options = {}) {
      const form = new URLSearchParams();
      if (options.token !== undefined) form.append('Token', options.token);
      if (options.rawPayload !== undefined) form.append('Payload', options.rawPayload);
      else if (options.payload !== undefined) form.append('Payload', JSON.stringify(options.payload));
      for (const [key, value] of Object.entries(options.extraFields ?? {})) form.append(key, value);
      const { method = 'POST', jsonBody = false } = options;
      const contentType =
        options.contentType === undefined
          ? jsonBody
            ? 'application/json'
            : 'application/x-www-form-urlencoded'
          : options.contentType;
      const headers: Record<string, string> = contentType === null ? {} : { 'content-type': contentType };
      if (options.origin !== undefined) headers.origin = options.origin;
      const query = new URLSearchParams(options.queryFields ?? {}).toString();
      const body = jsonBody ? JSON.stringify(Object.fromEntries(form)) : form.toString();
      const response = await fetch(`${need(backendUrl)}/${name}${query ? `?${query}` : ''}`, {
        method,
        headers,
        body: method === 'GET' || method === 'HEAD' ? undefined : body,
      });
      return readResponse(response);
    },
    get webhookUrl() {
      return `${need(backendUrl)}/${INBOUND_WEBHOOK_FUNCTION}`;
    },
    async callWebhook(params, { signature, method = 'POST', origin } = {}) {
      const query = new URLSearchParams(params).toString();
      const url = method === 'GET' ? `${context.webhookUrl}?${query}` : context.webhookUrl;
      const { authToken } = sandbox().credentials;
      const signed =
        signature === undefined
          ? twilio.getExpectedTwilioSignature(authToken, url, method === 'GET' ? {} : params)
          : signature;
      const headers: Record<string, string> = {};
      if (signed !== null) headers['X-Twilio-Signature'] = signed;
      if (method === 'POST') headers['Content-Type'] = 'application/x-www-form-urlencoded';
      if (origin !== undefined) headers.Origin = origin;
      return readResponse(await fetch(url, { method, headers, body: method === 'POST' ? query : undefined }));
    },
    log: () => sandbox().log.list(),
    clearLog: () => sandbox().log.clear(),
    reset(options = {}) {
      sandbox().reset({ ...TEST_RESET, ...options });
      sandbox().log.clear();
    },
    faults(settings, seed) {
      sandbox().faults.configure({ ...NO_FAULTS, ...settings }, seed);
    },
    async restartBackend() {
      await need(backend).close();
      backend = await startBackend();
      backendUrl = backend.url;
    },
  };

  /** The backend as npm start runs it (loopback only), without its request log. */
  const startBackend = () => startLocalBackend({ baseDir: need(buildRoot), port: 0, env, url: 'http://127.0.0.1' });

  async function start(): Promise<void> {
    // Built into a folder inside serverless/ (gitignored), so the bundles' `require('twilio')`
    // resolves as it does for the real functions/ folder.
    removeStaleBuilds();
    const testFile = path.basename(expect.getState().testPath ?? 'test', '.test.ts');
    buildRoot = path.join(SERVERLESS_DIR, `${BUILD_PREFIX}${testFile}-${process.pid}`);
    const [sandboxStarted, built] = await Promise.all([
      // Strict: the sandbox checks each answer against Twilio's spec and records undeclared
      // parameters the backend sent; afterEach fails the test on any (violationsOf below).
      startSandbox({ port: 0, reset: { ...TEST_RESET, ...initialReset }, strict: true }),
      buildFunctions(path.join(buildRoot, 'functions')),
    ]);
    running = sandboxStarted;
    const { accountSid, authToken } = running.sandbox.credentials;
    // The Flex functions, and the webhook handler Twilio calls (callWebhook; inboundWebhook.test.ts).
    const expected = [...ALL_FUNCTIONS, INBOUND_WEBHOOK_FUNCTION].sort();
    if (JSON.stringify([...built].sort()) !== JSON.stringify(expected)) {
      throw new Error(`the build made ${built.join(', ')}; the tests cover ${expected.join(', ')}`);
    }

    baseEnv = {
      ACCOUNT_SID: accountSid,
      AUTH_TOKEN: authToken,
      TWILIO_SANDBOX_URL: running.url,
      MESSAGING_SETUP_ALLOWED_ORIGINS: TEST_ORIGIN,
      // `twilio-run --load-local-env` (npm start) passes the shell's environment, whose PATH then
      // overwrites the Functions context's PATH: the tests' functions must live with that too.
      PATH: process.env.PATH ?? '/usr/bin:/bin',
    };
    Object.assign(env, baseEnv);

    backend = await startBackend();
    backendUrl = backend.url;
  }

  async function stop(): Promise<void> {
    await backend?.close();
    await running?.close();
    if (buildRoot) fs.rmSync(buildRoot, { recursive: true, force: true });
  }

  // Start-up is mostly the sandbox loading its OpenAPI specs (a few seconds).
  let starting: Promise<void> | undefined;
  beforeAll(() => (starting = start()), 60_000);

  afterEach(() => {
    running?.sandbox.faults.configure({ ...NO_FAULTS });
    for (const key of Object.keys(env)) delete env[key];
    Object.assign(env, baseEnv);
    const problems = running ? violationsOf(running.sandbox) : [];
    if (problems.length > 0) {
      throw new Error(`the sandbox recorded requests or answers outside Twilio's spec:\n  ${problems.join('\n  ')}`);
    }
  });

  // Waits for a start-up that timed out to finish, so nothing it made is left behind.
  afterAll(async () => {
    await starting?.catch(() => undefined);
    await stop();
  }, 60_000);

  return context;
}

/** The strict sandbox's violations since the last call, one line each; clears them. */
function violationsOf(sandbox: Sandbox): string[] {
  const lines = sandbox.violations
    .list()
    .map((v) => `${v.method} ${v.product}${v.path} → ${v.status}: ${v.kind}: ${v.detail}`);
  sandbox.violations.clear();
  return lines;
}

/** Pages through a list function with its cursors until `nextCursor` is null. */
export async function listAll<T>(
  t: BackendTestContext,
  name: BackendEndpoint,
  token: string,
  payload: Record<string, unknown> = {},
): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const response = await t.callFunction(name, { token, payload: cursor ? { ...payload, cursor } : payload });
    if (response.status !== 200)
      throw new Error(`${name} answered ${response.status}: ${JSON.stringify(response.body)}`);
    const page = response.body as { items: T[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor);
  return { items, pages };
}

/** Requests to Twilio products other than IAM's token check (which every call may make). */
export const beyondTokenCheck = (log: LoggedRequest[]): LoggedRequest[] =>
  log.filter(
    (entry) => !(entry.product === 'iam' && entry.method === 'POST' && /\/Tokens\/validate$/.test(entry.path)),
  );

export const ADDRESS_WRITE_PATH = /^\/v1\/Configuration\/Addresses(\/[^/]+)?$/;

/** Requests that could change an address configuration. */
export const addressWrites = (log: LoggedRequest[]): LoggedRequest[] =>
  log.filter(
    (entry) => entry.product === 'conversations' && entry.method !== 'GET' && ADDRESS_WRITE_PATH.test(entry.path),
  );
