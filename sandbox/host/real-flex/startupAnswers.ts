/**
 * What the real Flex UI asks Twilio for while it starts, and the answers the real-Flex host gives —
 * generated from the local sandbox, not hard-coded: the Flex configuration is the sandbox
 * account's (with the plugin's backend URL in `ui_attributes`), the user comes from the sandbox's
 * own token check, and the plugin list points at the built bundle.
 *
 * Several of these (`Tokens/Info`, `/plugins`, `Features`, the version-compatibility flag) are not
 * public APIs. When a new `@twilio/flex-ui` changes one, the request log ({@link StartupLog}) and
 * the boot check (e2e/real-flex/realFlex.ts) name the endpoint that broke.
 */

import { BoundedLog } from '../../server/requestLog';
import { answerTaskRouterRequest, taskRouterRequestToken } from './sockets/taskRouterAnswers';
import type { FlexSocketUser } from './sockets/types';

export interface StartupContext {
  /** The Twilio sandbox's REST base, e.g. `http://127.0.0.1:3002`. */
  sandboxUrl: string;
  accountSid: string;
  authToken: string;
  /** The plugin's backend as the browser reaches it. */
  backendUrl: string;
  /** The host page's origin, e.g. `http://localhost:3000`: the plugin bundle is served from there. */
  hostOrigin: string;
  /** Path of the plugin bundle on the host, e.g. `/plugins/plugin-messaging-setup.js`. */
  pluginPath: string;
  pluginName: string;
  pluginVersion: string;
  /** The installed `@twilio/flex-ui` version (Flex sends it as `UiVersion`). */
  flexVersion: string;
}

/** A request Flex made to a Twilio host, as the service worker forwarded it. */
export interface TwilioRequest {
  method: string;
  url: URL;
  body: string;
}

export interface StartupAnswer {
  status: number;
  /** JSON unless `contentType` says otherwise (then a string or bytes). */
  body: unknown;
  contentType?: string;
}

export interface StartupEndpoint {
  /** How the endpoint is named in logs and failures, e.g. `GET https://flex-api.twilio.com/v1/Configuration`. */
  name: string;
  method: string;
  host: RegExp;
  path: RegExp;
  /** Flex 2.17.1 asks for it on every start; a start that does not is a sign Flex changed. */
  required: boolean;
  answer(request: TwilioRequest, context: StartupContext): Promise<StartupAnswer> | StartupAnswer;
}

// ---------------------------------------------------------------------------------------------
// The sandbox, over its REST API (the host is a client of it like any other)

async function sandboxJson(
  context: StartupContext,
  method: 'GET' | 'POST',
  path: string,
  body?: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const auth = Buffer.from(`${context.accountSid}:${context.authToken}`).toString('base64');
  const response = await fetch(new URL(path, context.sandboxUrl), {
    method,
    headers: {
      authorization: `Basic ${auth}`,
      accept: 'application/json',
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(5000),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The sandbox's own token check: who the token is, or why it is not valid. */
async function validateToken(context: StartupContext, token: string) {
  const { body } = await sandboxJson(context, 'POST', `/iam/v1/Accounts/${context.accountSid}/Tokens/validate`, {
    token,
  });
  return body as
    | { valid: true; identity: string; roles: string[]; expiration: string; worker_sid: string }
    | { valid: false; code: number; message: string };
}

/** The Flex user of a token as the fake Twilio sockets need it, or undefined when the sandbox refuses the token. */
export async function flexUserOf(context: StartupContext, token: string): Promise<FlexSocketUser | undefined> {
  const checked = await validateToken(context, token);
  if (!checked.valid) return undefined;
  const { body: config } = await sandboxJson(context, 'GET', '/flex-api/v1/Configuration');
  return {
    accountSid: context.accountSid,
    identity: checked.identity,
    workerSid: checked.worker_sid,
    workspaceSid: String(config.taskrouter_workspace_sid),
  };
}

const twilioError = (status: number, code: number, message: string): StartupAnswer => ({
  status,
  body: { status, code, message, more_info: `https://www.twilio.com/docs/errors/${code}` },
});

// ---------------------------------------------------------------------------------------------
// The answers

/** Flex's service configuration: the sandbox account's, plus what Flex and the plugin need from it. */
async function configuration(_request: TwilioRequest, context: StartupContext): Promise<StartupAnswer> {
  const { status, body } = await sandboxJson(context, 'GET', '/flex-api/v1/Configuration');
  if (status !== 200) return { status, body };
  const uiAttributes = (body.ui_attributes ?? {}) as Record<string, unknown>;
  return {
    status: 200,
    body: {
      ...body,
      ui_version: context.flexVersion,
      ui_attributes: {
        ...uiAttributes,
        // Without it Flex stops with "Service version is not compatible".
        version_compatibility: 'yes',
        messagingSetup: { backendUrl: context.backendUrl },
      },
    },
  };
}

/** Who the signed-in user is: Flex takes the user's roles from this answer. */
async function tokenInfo(request: TwilioRequest, context: StartupContext): Promise<StartupAnswer> {
  const token = new URLSearchParams(request.body).get('Token') ?? '';
  const checked = await validateToken(context, token);
  if (!checked.valid) return twilioError(401, checked.code, checked.message);
  const { body: config } = await sandboxJson(context, 'GET', '/flex-api/v1/Configuration');
  return {
    status: 200,
    body: {
      account_sid: context.accountSid,
      identity: checked.identity,
      roles: checked.roles,
      expiration: checked.expiration,
      flex_user_sid: `FU${checked.worker_sid.slice(2)}`,
      worker_sid: checked.worker_sid,
      workspace_sid: config.taskrouter_workspace_sid,
      valid: true,
    },
  };
}

/** The plugins Flex loads: the built bundle, from the host. */
function plugins(_request: TwilioRequest, context: StartupContext): StartupAnswer {
  return {
    status: 200,
    body: [
      {
        name: context.pluginName,
        version: context.pluginVersion,
        src: `${context.hostOrigin}${context.pluginPath}`,
        phase: 3,
      },
    ],
  };
}

const json = (body: unknown): StartupAnswer => ({ status: 200, body });
const notFound = (): StartupAnswer => twilioError(404, 20404, 'The requested resource was not found');

/** TaskRouter's REST as twilio-taskrouter sends it (through the event bridge's HTTP endpoint), for the token's worker. */
async function taskRouter(request: TwilioRequest, context: StartupContext): Promise<StartupAnswer> {
  const user = await flexUserOf(context, taskRouterRequestToken(request.body) ?? '');
  if (!user) return twilioError(401, 20101, 'Invalid Access Token');
  return answerTaskRouterRequest(request.method, request.url, request.body, user) ?? notFound();
}

/** A statuspage.io summary with every component operational. */
const statusSummary = (): StartupAnswer =>
  json({
    page: {
      id: 'sandbox',
      name: 'Twilio (local sandbox)',
      url: 'https://status.twilio.com',
      updated_at: new Date().toISOString(),
    },
    status: { indicator: 'none', description: 'All Systems Operational' },
    components: [],
    incidents: [],
    scheduled_maintenances: [],
  });

/** A tenth of a second of silence: a valid 8 kHz, 8-bit mono WAV file. */
function silentWav(): Buffer {
  const samples = 800;
  const wav = Buffer.alloc(44 + samples, 0x80);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + samples, 4);
  wav.write('WAVEfmt ', 8, 'ascii');
  wav.writeUInt32LE(16, 16); // fmt chunk size
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(8000, 24); // sample rate
  wav.writeUInt32LE(8000, 28); // byte rate
  wav.writeUInt16LE(1, 32); // block align
  wav.writeUInt16LE(8, 34); // bits per sample
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(samples, 40);
  return wav;
}

const endpoint = (
  method: string,
  host: string,
  path: string,
  pattern: RegExp,
  required: boolean,
  answer: StartupEndpoint['answer'],
): StartupEndpoint => ({
  name: `${method} https://${host}${path}`,
  method,
  host: new RegExp(`^${host.replace(/\./g, '\\.')}$`),
  path: pattern,
  required,
  answer,
});

/** Every Twilio request of Flex 2.17.1's start-up that the host answers (anything else is logged as unanswered). */
export const STARTUP_ENDPOINTS: readonly StartupEndpoint[] = [
  endpoint('GET', 'flex-api.twilio.com', '/v1/Configuration', /^\/v1\/Configuration$/, true, configuration),
  endpoint(
    'POST',
    'flex-api.twilio.com',
    '/v1/Accounts/{AccountSid}/Tokens/Info',
    /^\/v1\/Accounts\/AC\w{32}\/Tokens\/Info$/,
    true,
    tokenInfo,
  ),
  endpoint('GET', 'flex.twilio.com', '/plugins', /^\/plugins$/, true, plugins),
  {
    name: 'POST https://event-bridge.twilio.com/v1/wschannels',
    method: 'POST',
    host: /^event-bridge(\.[a-z0-9-]+)*\.twilio\.com$/,
    path: /^\/v1\/wschannels\/?$/,
    required: false,
    answer: taskRouter,
  },
  endpoint('GET', 'flex.twilio.com', '/api/v1/Features/{Name}', /^\/api\/v1\/Features\/[\w.-]+$/, false, () =>
    json({ enabled: false }),
  ),
  endpoint('GET', 'assets.flex.twilio.com', '/assets/countries.json', /^\/assets\/countries\.json$/, false, () =>
    json([]),
  ),
  endpoint(
    'GET',
    'assets.flex.twilio.com',
    '/assets/flagPositions.json',
    /^\/assets\/flagPositions\.json$/,
    false,
    () => json({}),
  ),
  endpoint('GET', 'status.twilio.com', '/api/v2/summary.json', /^\/api\/v2\/summary\.json$/, false, statusSummary),
  // Paste's web fonts: the page falls back to system fonts.
  endpoint(
    'GET',
    'assets.twilio.com',
    '/public_assets/paste-fonts/{version}/fonts.css',
    /^\/public_assets\/paste-fonts\/.+\.css$/,
    false,
    () => ({
      status: 200,
      body: '',
      contentType: 'text/css',
    }),
  ),
  // The ringtones Flex preloads: a silent sound.
  endpoint(
    'GET',
    'media.twiliocdn.com',
    '/sdk/js/client/sounds/{release}/{name}',
    /^\/sdk\/js\/client\/sounds\/.+$/,
    false,
    () => ({
      status: 200,
      body: silentWav(),
      contentType: 'audio/wav',
    }),
  ),
  // Services of Flex the sandbox does not stand in for; Flex carries on without them.
  // Flex's feature flags (@twilio/flex-sdk's FeaturesConfig): none in pilot or beta, no Flex Insights.
  endpoint('GET', 'flex.twilio.com', '/api/v1/Session', /^\/api\/v1\/Session$/, true, () =>
    json({ insightsActive: false, features: [] }),
  ),
  endpoint(
    'GET',
    'flex-api.twilio.com',
    '/v1/account/provision/status',
    /^\/v1\/account\/provision\/status$/,
    false,
    notFound,
  ),
  endpoint(
    'GET',
    'flex-api.twilio.com',
    '/v1/Instances/{InstanceSid}/Teams/Context',
    /^\/v1\/Instances\/GO\w{32}\/Teams\/Context$/,
    false,
    notFound,
  ),
];

/** The endpoints Flex asks for on every start: a start that does not ask for one is a sign Flex changed. */
export const REQUIRED_STARTUP_ENDPOINTS: readonly string[] = STARTUP_ENDPOINTS.filter((e) => e.required).map(
  (e) => e.name,
);

export function findStartupEndpoint(method: string, url: URL): StartupEndpoint | undefined {
  return STARTUP_ENDPOINTS.find(
    (candidate) =>
      candidate.method === method && candidate.host.test(url.hostname) && candidate.path.test(url.pathname),
  );
}

// ---------------------------------------------------------------------------------------------
// The log

export interface StartupLogEntry {
  at: string;
  method: string;
  /** Twilio URL without its query (it may carry a token). */
  url: string;
  /** The endpoint that answered, or null when the host has no answer for it. */
  endpoint: string | null;
  status: number;
}

/** Every Twilio request of the page, answered or not, newest last (bounded). */
export class StartupLog extends BoundedLog<StartupLogEntry> {
  constructor(limit = 2000) {
    super(limit);
  }
}
