import type { AddressInfo } from 'node:net';
import http, { type Server } from 'node:http';

import express, { type NextFunction, type Request, type Response } from 'express';

import { credentialsFromEnv, type SandboxCredentials } from './config';
import { controlApi } from './controlApi';
import { FaultInjector, type FaultTarget } from './faults';
import { DEFAULT_RESET, generateAccount, type ResetCounts, type ResetOptions } from './generateAccount';
import { playInboundMessage } from './inbound/playInbound';
import type { OperationResult } from './operation';
import { RequestLog, ViolationLog, type Violation } from './requestLog';
import { completeTaskAsAgent, findTask } from './resources/taskrouter';
import { responseProblems } from './responseContract';
import {
  canonicaliseEnumCase,
  declaredParameters,
  describeValidationErrors,
  pageLimitsOf,
  SpecRegistry,
  undeclaredNames,
} from './specRegistry';
import type { SandboxAccount } from './state';
import { checkSyncTokenAccess, SYNC_TOKEN_HEADER, syncTokenGrantOf } from './syncTokenAccess';
import { TokenAuthority } from './tokens';
import { invalidParameter, notFound, TwilioApiError } from './twilioError';
import { parseRepeatedParams } from './wireFormat';

const IAM_VALIDATE = /^\/v1\/Accounts\/([^/]+)\/Tokens\/validate$/;

export interface Sandbox {
  readonly credentials: SandboxCredentials;
  readonly registry: SpecRegistry;
  readonly faults: FaultInjector;
  readonly log: RequestLog;
  /**
   * Responses that broke the spec (checked only when `strict`) and undeclared request parameters
   * (always dropped, always recorded); the test harnesses fail on any.
   */
  readonly violations: ViolationLog;
  /** Whether each answer is checked against the spec before it is sent (SANDBOX_STRICT_RESPONSES=1). */
  readonly strict: boolean;
  readonly tokens: TokenAuthority;
  account: SandboxAccount;
  reset(options?: ResetOptions): ResetCounts;
}

/** Opt-in, since checking each answer costs time a benchmark should not pay; every harness and CI set it. */
export const strictFromEnv = (): boolean => process.env.SANDBOX_STRICT_RESPONSES === '1';

export async function createSandbox(
  credentials = credentialsFromEnv(),
  options: ResetOptions = DEFAULT_RESET,
  strict = strictFromEnv(),
): Promise<Sandbox> {
  const registry = await SpecRegistry.load();
  const sandbox: Sandbox = {
    credentials,
    registry,
    faults: new FaultInjector(),
    log: new RequestLog(),
    violations: new ViolationLog(),
    strict,
    tokens: new TokenAuthority(credentials.accountSid, credentials.authToken),
    account: generateAccount(credentials.accountSid, options),
    reset(next = DEFAULT_RESET) {
      sandbox.account = generateAccount(credentials.accountSid, next);
      const a = sandbox.account;
      return {
        accountSid: a.accountSid,
        numbers: a.incomingPhoneNumbers.size,
        whatsappSenders: a.channelSenders.size,
        addresses: a.addresses.size,
        flexFlows: a.flexFlows.size,
        studioFlows: a.studioFlows.size,
        emailAddresses: a.addresses.all().filter((address) => address.type === 'email').length,
        emailDomains: [...a.emailDomains],
      };
    },
  };
  return sandbox;
}

type NoteViolation = (kind: Violation['kind'], detail: string) => void;

function sendError(res: Response, error: unknown, note?: NoteViolation): void {
  const apiError = error instanceof TwilioApiError ? error : new TwilioApiError(500, 20500, 'Internal Server Error');
  if (!(error instanceof TwilioApiError)) {
    console.error('[sandbox] handler failed:', error);
    // A handler that throws is a sandbox bug, whatever the test expected.
    note?.('response', `the handler threw: ${String(error)}`);
  }
  res.status(apiError.status).set(apiError.headers).json(apiError.toBody());
}

/** Checks an answer against the spec as it will go over the wire (JSON, undefined fields gone). */
function checkResponse(
  sandbox: Sandbox,
  product: string,
  method: string,
  pathname: string,
  result: OperationResult,
  note: NoteViolation,
): void {
  const wire =
    result.status === 204 || result.body === undefined ? '' : (JSON.parse(JSON.stringify(result.body)) as unknown);
  for (const problem of responseProblems(sandbox.registry, {
    product,
    method,
    path: pathname,
    status: result.status,
    body: wire,
  })) {
    note('response', problem);
  }
}

function checkBasicAuth(req: Request, credentials: SandboxCredentials): void {
  const header = req.headers.authorization ?? '';
  const [scheme, encoded] = header.split(' ');
  const [user, ...rest] =
    scheme === 'Basic' && encoded ? Buffer.from(encoded, 'base64').toString('utf8').split(':') : [];
  if (user !== credentials.accountSid || rest.join(':') !== credentials.authToken) {
    throw new TwilioApiError(401, 20003, 'Authenticate');
  }
}

function parseBody(req: Request): Record<string, unknown> {
  const raw = typeof req.body === 'string' ? req.body : '';
  if (raw === '') return {};
  if (req.is('application/json')) {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch {
      // answered below
    }
    throw invalidParameter('The request body is not a JSON object');
  }
  return parseRepeatedParams(raw);
}

/** Everything under `/<product>/…`: auth, faults, spec routing and validation, then the handler. */
function twilioApi(sandbox: Sandbox) {
  const known = new Set([...sandbox.registry.products, 'iam']);
  return async (req: Request, res: Response, next: NextFunction) => {
    const [, product, ...rest] = req.path.split('/');
    if (!known.has(product)) return next();
    const pathname = `/${rest.join('/')}`;
    const started = Date.now();
    const query = parseRepeatedParams(req.url.split('?')[1] ?? '');
    let body: Record<string, unknown> = {};
    // Violations found while answering, recorded with the status that was finally sent.
    const found: Pick<Violation, 'kind' | 'detail'>[] = [];
    const note: NoteViolation = (kind, detail) => found.push({ kind, detail });
    // On 'finish' (as the log, before the client can read the answer), or on 'close' when a
    // lost-answer fault dropped the connection and there was no finish.
    const recordViolations = () => {
      for (const { kind, detail } of found.splice(0)) {
        sandbox.violations.add({
          kind,
          detail,
          method: req.method,
          product,
          path: pathname,
          status: res.statusCode,
          at: new Date(started).toISOString(),
        });
      }
    };
    res.on('close', recordViolations);
    res.on('finish', () => {
      recordViolations();
      sandbox.log.add({
        method: req.method,
        product,
        path: pathname,
        status: res.statusCode,
        query,
        params: body,
        durationMs: Date.now() - started,
        at: new Date(started).toISOString(),
      });
    });
    try {
      body = parseBody(req);
      // A Sync request with a Flex token instead of Basic auth reaches what the token's grant does (syncTokenAccess.ts).
      const syncGrant = syncTokenGrantOf(sandbox.tokens, product, req.headers[SYNC_TOKEN_HEADER]);
      if (syncGrant) checkSyncTokenAccess(sandbox.account, syncGrant, pathname);
      else checkBasicAuth(req, sandbox.credentials);
      const target = { product, method: req.method, path: pathname };
      await sandbox.faults.apply(target);
      const checked = (result: OperationResult): OperationResult => {
        if (sandbox.strict) checkResponse(sandbox, product, req.method, pathname, result, note);
        return result;
      };
      if (product === 'iam')
        return await answerAfterFaults(sandbox, target, req, res, () =>
          checked(tokenValidation(sandbox, req, pathname, body)),
        );
      const result = dispatch(sandbox, product, req.method, pathname, query, body, requestHeaders(req), note);
      await answerAfterFaults(sandbox, target, req, res, () => checked(result));
    } catch (error) {
      sendError(res, error, sandbox.strict ? note : undefined);
    }
  };
}

function tokenValidation(sandbox: Sandbox, req: Request, pathname: string, body: Record<string, unknown>) {
  const match = IAM_VALIDATE.exec(pathname);
  if (req.method !== 'POST' || !match) throw notFound(pathname);
  if (match[1] !== sandbox.credentials.accountSid) throw new TwilioApiError(401, 20003, 'Authenticate');
  return { status: 200, body: sandbox.tokens.validate(body.token) } satisfies OperationResult;
}

/** Sends what was done, unless a lost-answer fault holds the answer or drops the connection. */
async function answerAfterFaults(
  sandbox: Sandbox,
  target: FaultTarget,
  req: Request,
  res: Response,
  outcome: () => OperationResult,
): Promise<void> {
  const result = outcome();
  if ((await sandbox.faults.afterApplied(target)) === 'reset') {
    req.socket.destroy();
    return;
  }
  if (res.destroyed || res.headersSent) return;
  if (result.headers) res.set(result.headers);
  if (result.status === 204) res.status(204).end();
  else res.status(result.status).json(result.body);
}

/** Node's headers, single-valued (a repeated header's first value), names lower-case as Node gives them. */
function requestHeaders(req: Request): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    const single = Array.isArray(value) ? value[0] : value;
    if (single !== undefined) headers[name] = single;
  }
  return headers;
}

function dispatch(
  sandbox: Sandbox,
  product: string,
  method: string,
  pathname: string,
  query: Record<string, string | string[]>,
  received: Record<string, unknown>,
  headers: Record<string, string>,
  note: NoteViolation,
): OperationResult {
  const matched = sandbox.registry.match(product, method, pathname);
  if (!matched) throw notFound(pathname);
  const { backend, operation, handlers } = matched;
  const paging = pageLimitsOf(operation);
  // Twilio ignores a parameter the operation does not declare: drop it, so no handler can store
  // it, and record it, so the harness fails the test whose client sent it.
  const declared = declaredParameters(operation);
  const undeclaredQuery = undeclaredNames(query, declared.query);
  const undeclaredBody = undeclaredNames(received, declared.body);
  for (const name of undeclaredQuery)
    note('undeclared-parameter', `query parameter ${name} is not declared by ${operation.operationId}`);
  for (const name of undeclaredBody)
    note('undeclared-parameter', `body parameter ${name} is not declared by ${operation.operationId}`);
  const body = Object.fromEntries(Object.entries(received).filter(([name]) => !undeclaredBody.includes(name)));
  const validationQuery = Object.fromEntries(Object.entries(query).filter(([name]) => !undeclaredQuery.includes(name)));
  // Clamp PageSize before validation: see pagination.ts for why the sandbox clamps, not rejects.
  if (typeof validationQuery.PageSize === 'string' && Number(validationQuery.PageSize) > paging.maxSize) {
    validationQuery.PageSize = String(paging.maxSize);
  }
  canonicaliseEnumCase(operation, validationQuery, body);
  const contentType = Object.keys(
    operation.requestBody && 'content' in operation.requestBody ? operation.requestBody.content : {},
  )[0];
  const validation = backend.validateRequest(
    {
      method,
      path: pathname,
      query: validationQuery,
      body,
      headers: contentType ? { 'content-type': contentType } : {},
    },
    operation,
  );
  if (!validation.valid) throw invalidParameter(describeValidationErrors(validation.errors ?? []));
  const params = Object.fromEntries(
    Object.entries(backend.router.parseRequest({ method, path: pathname, headers: {} }, operation).params).map(
      ([k, v]) => [k, decodeURIComponent(String(v))],
    ),
  );
  const handler = handlers[operation.operationId ?? ''];
  return handler({
    method,
    product,
    path: pathname,
    params,
    query: validationQuery,
    body,
    headers,
    account: sandbox.account,
    paging,
  });
}

export function createSandboxApp(sandbox: Sandbox): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', false);
  // What a strict sandbox caught (sandbox/server/requestLog.ts' Violation): the browser tests'
  // harness reads it, as the in-process harnesses read `sandbox.violations`.
  app.get('/_sandbox/violations', (_req: Request, res: Response) => {
    const violations = sandbox.violations.list();
    res.json({ strict: sandbox.strict, count: violations.length, violations });
  });
  app.delete('/_sandbox/violations', (_req: Request, res: Response) => {
    sandbox.violations.clear();
    res.status(204).end();
  });
  app.use(
    '/_sandbox',
    controlApi({
      reset: (o) => sandbox.reset(o),
      faults: sandbox.faults,
      tokens: sandbox.tokens,
      log: sandbox.log,
      inbound: {
        play: (request) => playInboundMessage(sandbox.account, sandbox.credentials.authToken, request),
        played: () => sandbox.account.inbound.played(),
      },
      tasks: {
        complete: (sid, reason) => {
          const task = findTask(sandbox.account, sid);
          return task && completeTaskAsAgent(sandbox.account, task, reason);
        },
      },
    }),
  );
  app.use(express.text({ type: () => true, limit: '1mb' }));
  app.use(twilioApi(sandbox));
  app.use((req: Request, res: Response) => sendError(res, notFound(req.path)));
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = (error as { status?: number }).status;
    if (status === 413) return sendError(res, new TwilioApiError(413, 20413, 'Request body too large'));
    sendError(res, status === 400 ? invalidParameter('Malformed request body') : error);
  });
  return app;
}

export interface RunningSandbox {
  sandbox: Sandbox;
  /** e.g. `http://127.0.0.1:3002` */
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startSandbox(
  options: {
    port?: number;
    host?: string;
    credentials?: SandboxCredentials;
    reset?: ResetOptions;
    strict?: boolean;
  } = {},
): Promise<RunningSandbox> {
  const sandbox = await createSandbox(options.credentials, options.reset, options.strict);
  const app = createSandboxApp(sandbox);
  const host = options.host ?? '127.0.0.1';
  // http.createServer rather than app.listen: Express 5 passes listen errors (EADDRINUSE) to the
  // callback instead of emitting them, which would resolve with an unbound server.
  const server: Server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.keepAliveTimeout = 30_000;
  const port = (server.address() as AddressInfo).port;
  return {
    sandbox,
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
