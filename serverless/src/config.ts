import { DEFAULT_MESSAGING_SETUP_ROLES } from '../../src/contract/roles';
import type { ContractProblem } from '../../src/contract/messages';
import { hostOfDomain, parseHostList, type UrlPolicy } from '../../src/contract/webhookUrlRule';
import { DEFAULT_ATTEMPT_TIMEOUT_MS, DEFAULT_CALL_BUDGET_MS } from './twilio/timeBudget';

/**
 * The backend's settings, from the Functions environment (`.env` locally, the service's
 * environment variables when deployed). Account credentials come from the Functions context.
 */
export interface BackendEnv {
  ACCOUNT_SID?: string;
  AUTH_TOKEN?: string;
  /** Comma-separated Flex roles that may read (list) and write (create/update/delete). */
  MESSAGING_SETUP_READ_ROLES?: string;
  MESSAGING_SETUP_WRITE_ROLES?: string;
  /** Comma-separated extra origins allowed by CORS, besides https://flex.twilio.com. */
  MESSAGING_SETUP_ALLOWED_ORIGINS?: string;
  /** Local development only: the Twilio sandbox's base URL. Unset in production. */
  TWILIO_SANDBOX_URL?: string;
  /** Twilio region, e.g. `stage-us1`; its first part picks the IAM realm, as Flex's validator does. */
  TWILIO_REGION?: string;
  /**
   * Where the built-in inbound webhook handler routes new conversations. Unset: the Flex
   * configuration's workspace and workflow, and the task channel `sms` (SMS) or `chat` (WhatsApp).
   */
  MESSAGING_SETUP_WORKSPACE_SID?: string;
  MESSAGING_SETUP_WORKFLOW_SID?: string;
  MESSAGING_SETUP_TASK_CHANNEL?: string;
  /**
   * Advanced: how long one Twilio request attempt may take, and one whole function call (retries
   * and waits included), in ms. The defaults end well inside Twilio Functions' 10 s limit; a
   * budget above 9000 is refused as the default (the runtime would cut the call off first).
   */
  MESSAGING_SETUP_TWILIO_TIMEOUT_MS?: string;
  MESSAGING_SETUP_CALL_BUDGET_MS?: string;
  /**
   * Comma-separated hosts the URLs a supervisor sets may use (address webhooks, a number's "A
   * message comes in" URL): `hooks.example.com`, or `*.example.com` for any host below
   * example.com. Unset: any public host. The backend's own host is always allowed.
   */
  MESSAGING_SETUP_WEBHOOK_HOSTS?: string;
  /**
   * The change history (history/): the backend's own Sync Service, ACLs on, that no Flex token is
   * granted (`npm run deploy:backend` makes it and sets this; unset: the service named
   * BACKEND_SYNC_SERVICE_NAME, looked up, never made — none is a 503), and how many days an entry
   * is kept (its Sync TTL).
   */
  MESSAGING_SETUP_SYNC_SERVICE_SID?: string;
  MESSAGING_SETUP_HISTORY_RETENTION_DAYS?: string;
  /**
   * The secret the history's chain digests are keyed with (history/chain.ts). Unset: derived from
   * the account's auth token — nothing more to keep, but rotating the auth token makes the entries
   * before the rotation unverifiable (the History tab then says so).
   */
  MESSAGING_SETUP_HISTORY_KEY?: string;
}

/** What the Functions runtime adds to the environment: the service's domain, `host[:port]`. */
interface RuntimeContext {
  DOMAIN_NAME?: string;
}

export const FLEX_ORIGIN = 'https://flex.twilio.com';
const DEFAULT_ROLES = [...DEFAULT_MESSAGING_SETUP_ROLES];

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

export interface BackendConfig {
  accountSid: string;
  authToken: string;
  readRoles: string[];
  writeRoles: string[];
  allowedOrigins: string[];
  sandboxUrl: string | undefined;
  realm: string | undefined;
  /** The built-in webhook handler's routing overrides (undefined: from the Flex configuration). */
  routing: { workspaceSid?: string; workflowSid?: string; taskChannel?: string };
  /** Per-attempt timeout and whole-call budget for Twilio requests (see twilio/timeBudget.ts). */
  timing: { attemptTimeoutMs: number; callBudgetMs: number };
  /**
   * Which hosts the URLs a supervisor sets may use (src/contract/webhookUrlRule.ts):
   * this computer's only against the local sandbox; MESSAGING_SETUP_WEBHOOK_HOSTS's, when set.
   */
  urlPolicy: UrlPolicy;
  /** What is wrong with MESSAGING_SETUP_WEBHOOK_HOSTS, when it is malformed: then no URL may be set. */
  webhookHostsProblem: ContractProblem | undefined;
  /** Where the change history lives and how long its entries are kept (history/historyStore.ts). */
  history: { syncServiceSid: string | undefined; retentionDays: number; key: string | undefined };
}

/**
 * Sync keeps an item at most 31 536 000 s (365 days: Twilio error 54011, "Invalid TTL"), so that
 * is both the default retention and the longest one; a longer or malformed setting keeps 365.
 */
export const MAX_HISTORY_RETENTION_DAYS = 365;

function retentionDays(value: string | undefined): number {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 && n <= MAX_HISTORY_RETENTION_DAYS ? n : MAX_HISTORY_RETENTION_DAYS;
}

const MAX_CALL_BUDGET_MS = 9000;

/** A positive whole number of ms up to `max`, or the default. */
function millis(value: string | undefined, fallback: number, max: number): number {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 && n <= max ? n : fallback;
}

export function readConfig(env: BackendEnv & RuntimeContext): BackendConfig {
  const readRoles = list(env.MESSAGING_SETUP_READ_ROLES);
  const writeRoles = list(env.MESSAGING_SETUP_WRITE_ROLES);
  const sandboxUrl = env.TWILIO_SANDBOX_URL || undefined;
  const extraOrigins = list(env.MESSAGING_SETUP_ALLOWED_ORIGINS);
  const webhookHosts = parseHostList(env.MESSAGING_SETUP_WEBHOOK_HOSTS);
  const ownHost = hostOfDomain(env.DOMAIN_NAME);
  return {
    accountSid: env.ACCOUNT_SID ?? '',
    authToken: env.AUTH_TOKEN ?? '',
    readRoles: readRoles.length > 0 ? readRoles : DEFAULT_ROLES,
    writeRoles: writeRoles.length > 0 ? writeRoles : DEFAULT_ROLES,
    allowedOrigins: [FLEX_ORIGIN, ...extraOrigins],
    sandboxUrl,
    realm: env.TWILIO_REGION ? env.TWILIO_REGION.split('-')[0] : undefined,
    routing: {
      workspaceSid: env.MESSAGING_SETUP_WORKSPACE_SID || undefined,
      workflowSid: env.MESSAGING_SETUP_WORKFLOW_SID || undefined,
      taskChannel: env.MESSAGING_SETUP_TASK_CHANNEL || undefined,
    },
    timing: {
      attemptTimeoutMs: millis(env.MESSAGING_SETUP_TWILIO_TIMEOUT_MS, DEFAULT_ATTEMPT_TIMEOUT_MS, MAX_CALL_BUDGET_MS),
      callBudgetMs: millis(env.MESSAGING_SETUP_CALL_BUDGET_MS, DEFAULT_CALL_BUDGET_MS, MAX_CALL_BUDGET_MS),
    },
    urlPolicy: {
      localHosts: sandboxUrl !== undefined,
      ...(webhookHosts.hosts ? { allowedHosts: webhookHosts.hosts } : {}),
      ...(ownHost ? { ownHost } : {}),
    },
    webhookHostsProblem: webhookHosts.problem,
    history: {
      syncServiceSid: env.MESSAGING_SETUP_SYNC_SERVICE_SID || undefined,
      retentionDays: retentionDays(env.MESSAGING_SETUP_HISTORY_RETENTION_DAYS),
      key: env.MESSAGING_SETUP_HISTORY_KEY || undefined,
    },
  };
}
