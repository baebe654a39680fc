import { canWord, readProblem, wordMessage, type SomeContractTexts } from '../../../contract/wording';
import { retryAfterMs } from '../../../contract/retryAfter';
import { fill, messagingSetupStrings, type MessagingSetupStrings } from '../strings';
import { withLocalTimes } from '../state/historyTime';
import {
  ENDPOINT_ACCESS,
  type ApiErrorBody,
  type BackendEndpoint,
  type BackendEndpoints,
} from '../../../contract/types';

/** An error from the backend (or from reaching it), with a message fit to show the user. */
export class BackendApiError extends Error {
  constructor(
    message: string,
    /** HTTP status; 0 when the backend could not be reached. */
    readonly status: number,
    readonly code: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'BackendApiError';
  }
}

/** True for a call the backend refused because Twilio is rate-limiting (HTTP 429): try again later. */
export const isRateLimited = (error: unknown): boolean => error instanceof BackendApiError && error.status === 429;

export interface BackendClientOptions {
  /** The deployed Serverless service's base URL, e.g. `https://messaging-setup-1234-dev.twil.io`. */
  baseUrl: string;
  /** Read on every call: Flex refreshes the user's token while the page is open. */
  getToken: () => string;
  timeoutMs?: number;
  /** Retries after the first attempt, for the failures that are safe to retry. */
  maxRetries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** The view's strings (with an account's overrides): the client's own errors are worded there. */
  strings?: MessagingSetupStrings;
}

/** A problem the backend sent, when the view's strings can word it (it and every part of it). */
function problemIn(raw: unknown, strings: SomeContractTexts) {
  const problem = readProblem(raw, (key) => typeof (strings as Record<string, unknown>)[key] === 'string');
  return problem && canWord(problem, strings) ? problem : undefined;
}

/**
 * A text the backend sent in English and as a key of the contract's messages with its values:
 * worded with the view's strings when they have its words (the rules', and the backend's that an
 * account reworded), else the English as sent (an older backend sends no key, a newer one may send
 * a key this plugin does not have).
 */
export function wordedByView(english: string, key: unknown, values: unknown, strings: SomeContractTexts): string {
  const problem = key === undefined ? undefined : problemIn({ key, values }, strings);
  // The backend says instants in UTC; the view says them in the supervisor's time zone.
  return withLocalTimes(problem ? wordMessage(problem, strings) : english);
}

/** The field messages of an error body: each field's problem in the view's words, else its English. */
function wordedFields(error: ApiErrorBody['error'], strings: SomeContractTexts): Record<string, string> | undefined {
  const problems: Record<string, unknown> =
    typeof error.fieldProblems === 'object' && error.fieldProblems !== null ? error.fieldProblems : {};
  const english: Record<string, unknown> =
    typeof error.fields === 'object' && error.fields !== null ? error.fields : {};
  const names = [...new Set([...Object.keys(english), ...Object.keys(problems)])];
  if (names.length === 0) return error.fields;
  const fields: Record<string, string> = {};
  for (const name of names) {
    const problem = problemIn(problems[name], strings);
    const text = problem ? wordMessage(problem, strings) : english[name];
    if (typeof text === 'string') fields[name] = text;
  }
  return fields;
}

async function errorFrom(response: Response, strings: MessagingSetupStrings): Promise<BackendApiError> {
  let body: Partial<ApiErrorBody> = {};
  try {
    body = (await response.json()) as Partial<ApiErrorBody>;
  } catch {
    // Not our JSON (a proxy page, a Functions crash): fall through to the generic message.
  }
  const { error } = body;
  if (error && typeof error.message === 'string') {
    const message = wordedByView(error.message, error.messageKey, error.values, strings);
    return new BackendApiError(message, response.status, String(error.code), wordedFields(error, strings));
  }
  return new BackendApiError(
    fill(strings.MessagingSetupErrorHttp, { status: response.status }),
    response.status,
    'http_error',
  );
}

/** Why a call is being sent again. */
export type RetryReason = 'rate_limited' | 'server_error' | 'unreachable';

/** Said before each retry: which attempt comes next, of how many at most, and after how long a wait. */
export interface RetryNotice {
  /** The attempt about to be made: 2 for the first retry. */
  attempt: number;
  /** The most attempts the call makes (the first and every retry). */
  attempts: number;
  reason: RetryReason;
  waitMs: number;
}

export interface CallOptions {
  /**
   * Whether this client sends a call the backend answered 429 again (default true). A caller that
   * paces and re-queues rate-limited calls itself (the bulk runner) says false, so one retry loop
   * owns each path: see "Who retries what" in docs/ARCHITECTURE.md.
   */
  retryRateLimited?: boolean;
  /**
   * Told before each retry is waited for, so a caller can say that the call is still going and why
   * (a write under Twilio's rate limit otherwise spins for seconds with no word).
   */
  onRetry?: (notice: RetryNotice) => void;
}

export type BackendClient = ReturnType<typeof createBackendClient>;

/**
 * The plugin's one way to call the backend: a form POST (`Token` + JSON `Payload`, a CORS simple
 * request), with a timeout, typed errors, and retries that never repeat a change that might have
 * happened — 429 is retried for every call (the backend refused it), server errors and lost
 * answers only for reads. Waits honour `Retry-After`.
 */
export function createBackendClient(options: BackendClientOptions) {
  const {
    baseUrl,
    getToken,
    // Twilio Functions end every call within 10 s: an answer later than this is not coming.
    timeoutMs = 15_000,
    maxRetries = 3,
    baseDelayMs = 300,
    maxDelayMs = 5_000,
    fetch: fetchImpl = (...args: Parameters<typeof fetch>) => fetch(...args),
    sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    strings = messagingSetupStrings,
  } = options;
  const root = baseUrl.replace(/\/+$/, '');

  async function attempt(endpoint: BackendEndpoint, payload: unknown, token: string): Promise<Response> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      return await fetchImpl(`${root}/${endpoint}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ Token: token, Payload: JSON.stringify(payload) }).toString(),
        signal: controller.signal,
      });
    } finally {
      clearTimeout(timer);
    }
  }

  async function call<E extends BackendEndpoint>(
    endpoint: E,
    request: BackendEndpoints[E]['request'],
    callOptions: CallOptions = {},
  ): Promise<BackendEndpoints[E]['response']> {
    const { retryRateLimited = true, onRetry } = callOptions;
    const isRead = ENDPOINT_ACCESS[endpoint] === 'read';
    let tokenRefreshRetried = false;
    /** Waits before the next attempt, having said so (`retry` is the retry about to be made, from 0). */
    const waitToRetry = (retry: number, reason: RetryReason, waitMs: number) => {
      onRetry?.({ attempt: retry + 2, attempts: maxRetries + 1, reason, waitMs });
      return sleep(waitMs);
    };
    for (let retry = 0; ; retry += 1) {
      const canRetry = retry < maxRetries;
      const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** retry);
      const token = getToken();
      let response: Response;
      try {
        response = await attempt(endpoint, request, token);
      } catch {
        if (isRead && canRetry) {
          await waitToRetry(retry, 'unreachable', backoff);
          continue;
        }
        throw new BackendApiError(
          isRead ? strings.MessagingSetupErrorUnreachableRead : strings.MessagingSetupErrorUnreachableWrite,
          0,
          'unreachable',
        );
      }
      if (response.ok) return (await response.json()) as BackendEndpoints[E]['response'];
      // Flex renewed the token while this call was on its way: the backend refused the old one
      // before doing anything, so sending the call once more with the new token is safe, writes too.
      if (response.status === 401 && !tokenRefreshRetried && getToken() !== token) {
        tokenRefreshRetried = true;
        retry -= 1;
        continue;
      }
      // A 504 means the backend already spent its whole time budget on Twilio, retries included
      // (serverless/src/twilio/timeBudget.ts): sending the read again would only triple the wait.
      const retryable =
        (response.status === 429 && retryRateLimited) || (isRead && response.status >= 500 && response.status !== 504);
      if (retryable && canRetry) {
        const waitMs = Math.min(maxDelayMs, retryAfterMs(response.headers.get('Retry-After')) ?? backoff);
        await waitToRetry(retry, response.status === 429 ? 'rate_limited' : 'server_error', waitMs);
        continue;
      }
      throw await errorFrom(response, strings);
    }
  }

  // `strings`: the view's, so what reads the client's answers words their problems the same way.
  return { call, baseUrl: root, strings };
}
