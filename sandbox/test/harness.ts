/**
 * Test harness for the sandbox integration tests: one running sandbox per test file, a real
 * twilio-node client pointed at it, and a recorder that checks every response the tests see
 * against the OpenAPI contract (2xx/3xx) or Twilio's error body shape (4xx/5xx).
 */
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import type TwilioResponse from 'twilio/lib/http/response';

import { SandboxRequestClient } from '../../serverless/src/twilio/sandboxRequestClient';
import { startSandbox, type RunningSandbox, type Sandbox } from '../server/app';
import type { FaultSettings } from '../server/faults';
import { DEFAULT_RESET, type ResetOptions } from '../server/generateAccount';
import type { LoggedRequest, Violation } from '../server/requestLog';
import { responseProblems } from '../server/responseContract';

/** One request a test made and the response it got. */
export interface Exchange {
  method: string;
  /** The URL that went over the wire (the sandbox's). */
  url: string;
  /** Host label of the Twilio product: `conversations`, `api`, … */
  product: string;
  /** Path inside the product, without the query: `/v1/Configuration/Addresses`. */
  path: string;
  status: number;
  /** Parsed JSON, or `''` for an empty body, or the raw text if it is not JSON. */
  body: unknown;
  headers: Record<string, string>;
}

/** Where a sandbox URL points: `http://127.0.0.1:1234/conversations/v1/X?y` → conversations, /v1/X. */
export function productAndPath(sandboxUrl: string, url: string): { product: string; path: string } {
  if (!url.startsWith(`${sandboxUrl}/`)) throw new Error(`${url} is not a sandbox URL (${sandboxUrl})`);
  const [pathPart] = url.slice(sandboxUrl.length).split('?');
  const [, product, ...rest] = pathPart.split('/');
  return { product, path: `/${rest.join('/')}` };
}

function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return body ?? '';
  if (body === '') return '';
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

/** fetch's Headers or axios' headers object → lower-case keys. */
function plainHeaders(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers || typeof headers !== 'object') return out;
  if (headers instanceof Headers) headers.forEach((value, key) => (out[key.toLowerCase()] = value));
  else for (const [key, value] of Object.entries(headers)) out[key.toLowerCase()] = String(value);
  return out;
}

/** Form/query encoding as twilio-node does it: arrays repeat the key. */
function encode(values: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    for (const v of Array.isArray(value) ? value : [value]) if (v !== undefined) params.append(key, String(v));
  }
  return params.toString();
}

/** Collects exchanges from both the twilio-node client and raw `fetch` calls. */
export class ExchangeRecorder {
  private items: Exchange[] = [];

  constructor(readonly sandboxUrl: string) {}

  add(method: string, url: string, status: number, body: unknown, headers: unknown): Exchange {
    const exchange: Exchange = {
      method: method.toUpperCase(),
      url,
      ...productAndPath(this.sandboxUrl, url),
      status,
      // A copy, so nothing twilio-node does with the parsed body can change what is checked.
      body: structuredClone(parseBody(body)),
      headers: plainHeaders(headers),
    };
    this.items.push(exchange);
    return exchange;
  }

  all(): Exchange[] {
    return [...this.items];
  }

  last(): Exchange {
    const last = this.items[this.items.length - 1];
    if (!last) throw new Error('no request was recorded');
    return last;
  }

  clear(): void {
    this.items = [];
  }
}

/** A SandboxRequestClient that records what each request got back. */
export class RecordingRequestClient extends SandboxRequestClient {
  constructor(
    private readonly sandboxUrl: string,
    private readonly recorder: ExchangeRecorder,
  ) {
    super(sandboxUrl);
  }

  async request<TData>(opts: RequestClient.RequestOptions<TData>): Promise<TwilioResponse<TData>> {
    const response = await super.request<TData>(opts);
    // twilio-node passes a list's query as `params`, not in the URI; keep it in the recorded URL.
    const wire = SandboxRequestClient.rewrite(this.sandboxUrl, opts.uri);
    const query = encode((opts.params ?? {}) as Record<string, unknown>);
    const url = query ? `${wire}${wire.includes('?') ? '&' : '?'}${query}` : wire;
    this.recorder.add(opts.method, url, response.statusCode, response.body, response.headers);
    return response;
  }
}

export { errorBodyProblems } from '../server/responseContract';

/**
 * Everything wrong with the recorded exchanges; empty when all match the contract. The sandbox
 * checks its own answers the same way when strict (responseContract.ts); this also covers what a
 * test received, so a response changed on the way (or an answer from elsewhere) is caught too.
 */
export function contractProblems(sandbox: Sandbox, exchanges: Exchange[]): string[] {
  const problems: string[] = [];
  for (const x of exchanges) {
    const where = `${x.method} ${x.product}${x.path} → ${x.status}`;
    for (const p of responseProblems(sandbox.registry, x)) problems.push(`${where}: ${p}`);
  }
  return problems;
}

/** What the strict sandbox recorded (bad answers, undeclared parameters), one line each. */
export function violationLines(violations: Violation[]): string[] {
  return violations.map((v) => `${v.method} ${v.product}${v.path} → ${v.status}: ${v.kind}: ${v.detail}`);
}

export interface RawRequest {
  method?: string;
  /** Query string values; arrays repeat the key. */
  query?: Record<string, string | string[]>;
  /** Form fields (x-www-form-urlencoded); arrays repeat the key. */
  form?: Record<string, string | string[]>;
  json?: unknown;
  /** Basic auth; `null` sends none. Defaults to the sandbox account's credentials. */
  auth?: { username: string; password: string } | null;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface ControlApi {
  reset(options?: Partial<ResetOptions>): Promise<Record<string, unknown>>;
  faults(settings: Partial<FaultSettings> & { seed?: number }): Promise<FaultSettings>;
  clearFaults(): Promise<void>;
  issueToken(identity: string, roles: string[], ttlSeconds?: number): Promise<string>;
  requests(): Promise<{ count: number; requests: LoggedRequest[] }>;
  clearRequests(): Promise<void>;
  /** Any control call, for tests of bad bodies: answers status and parsed body. */
  call(method: string, path: string, body?: unknown): Promise<RawResponse>;
}

export interface SandboxTestContext {
  readonly running: RunningSandbox;
  readonly sandbox: Sandbox;
  readonly url: string;
  readonly accountSid: string;
  readonly authToken: string;
  /** twilio-node, talking to the sandbox through the recorder. */
  readonly client: twilio.Twilio;
  readonly recorder: ExchangeRecorder;
  readonly control: ControlApi;
  /** A twilio-node client with other credentials; its exchanges go to `recorder` unless told otherwise. */
  clientWith(accountSid: string, authToken: string, recorder?: ExchangeRecorder): twilio.Twilio;
  /** A plain `fetch` to `/<product><path>`, recorded and contract-checked like the client's. */
  raw(product: string, path: string, request?: RawRequest): Promise<RawResponse>;
}

async function readBody(response: Response): Promise<unknown> {
  return parseBody(await response.text());
}

/** A fixed, moderate account most tests start from. */
export const TEST_RESET: Partial<ResetOptions> = { seed: 7 };

/**
 * Starts one sandbox for the calling test file (beforeAll) and stops it (afterAll). After each
 * test it clears injected faults and fails the test if any response broke the contract, or the
 * (strict) sandbox recorded a violation: an answer against its spec, or an undeclared parameter.
 */
export function setUpSandbox(initialReset: Partial<ResetOptions> = TEST_RESET): SandboxTestContext {
  let running: RunningSandbox | undefined;
  let recorder: ExchangeRecorder | undefined;
  let client: twilio.Twilio | undefined;
  const need = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the sandbox is not running (use the context inside tests)');
    return value;
  };

  const controlCall = async (method: string, path: string, body?: unknown): Promise<RawResponse> => {
    const response = await fetch(`${need(running).url}/_sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, headers: plainHeaders(response.headers), body: await readBody(response) };
  };
  const expectOk = (what: string, response: RawResponse, status = 200) => {
    if (response.status !== status)
      throw new Error(`${what} answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body as Record<string, unknown>;
  };

  const control: ControlApi = {
    // The sandbox's own tests count exactly what they ask for: the other channels only when asked.
    reset: async (options = {}) =>
      expectOk('reset', await controlCall('POST', '/reset', { otherChannels: false, ...options })),
    faults: async (settings) =>
      expectOk('faults', await controlCall('POST', '/faults', settings)) as unknown as FaultSettings,
    clearFaults: async () => {
      expectOk('faults', await controlCall('POST', '/faults', {}));
    },
    issueToken: async (identity, roles, ttlSeconds) => {
      const body = expectOk('tokens', await controlCall('POST', '/tokens', { identity, roles, ttlSeconds }));
      return String(body.token);
    },
    requests: async () =>
      expectOk('requests', await controlCall('GET', '/requests')) as unknown as {
        count: number;
        requests: LoggedRequest[];
      },
    clearRequests: async () => {
      expectOk('clear requests', await controlCall('DELETE', '/requests'), 204);
    },
    call: controlCall,
  };

  const context: SandboxTestContext = {
    get running() {
      return need(running);
    },
    get sandbox() {
      return need(running).sandbox;
    },
    get url() {
      return need(running).url;
    },
    get accountSid() {
      return need(running).sandbox.credentials.accountSid;
    },
    get authToken() {
      return need(running).sandbox.credentials.authToken;
    },
    get client() {
      return need(client);
    },
    get recorder() {
      return need(recorder);
    },
    control,
    clientWith(accountSid, authToken, into = need(recorder)) {
      return twilio(accountSid, authToken, { httpClient: new RecordingRequestClient(need(running).url, into) });
    },
    async raw(product, path, request = {}) {
      const { accountSid, authToken } = need(running).sandbox.credentials;
      const auth = request.auth === undefined ? { username: accountSid, password: authToken } : request.auth;
      const headers: Record<string, string> = {};
      if (auth) headers.authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
      let body: string | undefined;
      if (request.form) {
        headers['content-type'] = 'application/x-www-form-urlencoded';
        body = encode(request.form);
      } else if (request.json !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(request.json);
      }
      const search = request.query ? `?${encode(request.query)}` : '';
      const url = `${need(running).url}/${product}${path}${search}`;
      const method = request.method ?? (body === undefined ? 'GET' : 'POST');
      const response = await fetch(url, { method, headers, body });
      const exchange = need(recorder).add(method, url, response.status, await response.text(), response.headers);
      return { status: exchange.status, headers: exchange.headers, body: exchange.body };
    },
  };

  beforeAll(async () => {
    running = await startSandbox({
      port: 0,
      reset: { ...DEFAULT_RESET, otherChannels: false, ...initialReset },
      strict: true,
    });
    recorder = new ExchangeRecorder(running.url);
    client = context.clientWith(
      running.sandbox.credentials.accountSid,
      running.sandbox.credentials.authToken,
      recorder,
    );
  });

  afterAll(async () => {
    await running?.close();
  });

  afterEach(async () => {
    if (!running || !recorder) return;
    await control.clearFaults();
    const problems = [
      ...contractProblems(running.sandbox, recorder.all()),
      ...violationLines(running.sandbox.violations.list()),
    ];
    recorder.clear();
    running.sandbox.violations.clear();
    if (problems.length > 0) throw new Error(`responses that break the contract:\n  ${problems.join('\n  ')}`);
  });

  return context;
}

/** The RestException twilio-node throws, or a failure if the call succeeded. */
export async function restError(
  promise: Promise<unknown>,
): Promise<{ status: number; code?: number; message: string; moreInfo?: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof twilio.RestException) return error;
    throw error;
  }
  throw new Error('expected the call to fail with a RestException, but it succeeded');
}

export const sids = (items: { sid: string }[]): string[] => items.map((i) => i.sid);
