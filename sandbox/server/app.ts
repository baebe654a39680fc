import type { AddressInfo } from 'node:net';
import http, { type Server } from 'node:http';

import express, { type NextFunction, type Request, type Response } from 'express';

import { credentialsFromEnv, type SandboxCredentials } from './config';
import { controlApi } from './controlApi';
import { FaultInjector, type FaultTarget } from './faults';
import { DEFAULT_RESET, generateAccount, type ResetCounts, type ResetOptions } from './generateAccount';
import { playInboundMessage } from './inbound/playInbound';
import type { OperationResult } from './operation';
import { RequestLog } from './requestLog';
import { canonicaliseEnumCase, describeValidationErrors, pageLimitsOf, SpecRegistry } from './specRegistry';
import type { SandboxAccount } from './state';
import { TokenAuthority } from './tokens';
import { invalidParameter, notFound, TwilioApiError } from './twilioError';
import { parseRepeatedParams } from './wireFormat';

const IAM_VALIDATE = /^\/v1\/Accounts\/([^/]+)\/Tokens\/validate$/;

export interface Sandbox {
  readonly credentials: SandboxCredentials;
  readonly registry: SpecRegistry;
  readonly faults: FaultInjector;
  readonly log: RequestLog;
  readonly tokens: TokenAuthority;
  account: SandboxAccount;
  reset(options?: ResetOptions): ResetCounts;
}

export async function createSandbox(
  credentials = credentialsFromEnv(),
  options: ResetOptions = DEFAULT_RESET,
): Promise<Sandbox> {
  const registry = await SpecRegistry.load();
  const sandbox: Sandbox = {
    credentials,
    registry,
    faults: new FaultInjector(),
    log: new RequestLog(),
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

function sendError(res: Response, error: unknown): void {
  const apiError = error instanceof TwilioApiError ? error : new TwilioApiError(500, 20500, 'Internal Server Error');
  if (!(error instanceof TwilioApiError)) console.error('[sandbox] handler failed:', error);
  res.status(apiError.status).set(apiError.headers).json(apiError.toBody());
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
    res.on('finish', () => {
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
      checkBasicAuth(req, sandbox.credentials);
      const target = { product, method: req.method, path: pathname };
      await sandbox.faults.apply(target);
      if (product === 'iam')
        return await answerAfterFaults(sandbox, target, req, res, () => tokenValidation(sandbox, req, pathname, body));
      const result = dispatch(sandbox, product, req.method, pathname, query, body);
      await answerAfterFaults(sandbox, target, req, res, () => result);
    } catch (error) {
      sendError(res, error);
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
  if (result.status === 204) res.status(204).end();
  else res.status(result.status).json(result.body);
}

function dispatch(
  sandbox: Sandbox,
  product: string,
  method: string,
  pathname: string,
  query: Record<string, string | string[]>,
  body: Record<string, unknown>,
): OperationResult {
  const matched = sandbox.registry.match(product, method, pathname);
  if (!matched) throw notFound(pathname);
  const { backend, operation, handlers } = matched;
  const paging = pageLimitsOf(operation);
  const validationQuery = { ...query };
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
    account: sandbox.account,
    paging,
  });
}

export function createSandboxApp(sandbox: Sandbox): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', false);
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
  options: { port?: number; host?: string; credentials?: SandboxCredentials; reset?: ResetOptions } = {},
): Promise<RunningSandbox> {
  const sandbox = await createSandbox(options.credentials, options.reset);
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
