import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import type Response from 'twilio/lib/http/response';

import { retryAfterMs } from '../../../src/contract/retryAfter';
import { currentTimeBudget, remainingMs, type TimeBudget } from './timeBudget';
import { requestTarget, transportFailureOf, TwilioTransportError } from './transportError';

export { retryAfterMs };

type RequestOptions<T> = RequestClient.RequestOptions<T>;

export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** Upper bound on any one wait, so a call stays inside Twilio Functions' 10 s limit. */
  maxDelayMs: number;
  /** First back-off when Twilio sends no Retry-After; doubles per retry. */
  baseDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 3, maxDelayMs: 2000, baseDelayMs: 200 };

const RETRYABLE_SERVER_STATUSES = new Set([500, 502, 503, 504]);

/** An attempt with less time than this left is not started: it could not get an answer. */
export const MIN_ATTEMPT_MS = 250;
/**
 * A write leaves this much of the budget unused, so that when its answer is lost the function can
 * still look whether it was applied (one read) and answer the truth.
 */
export const LOOK_RESERVE_MS = 1500;

/** Reads: GETs, and IAM's token check, which is a POST but changes nothing. */
export function isIdempotent(method: string, uri: string): boolean {
  if (method.toUpperCase() === 'GET') return true;
  return method.toUpperCase() === 'POST' && /\/v1\/Accounts\/[^/]+\/Tokens\/validate$/.test(new URL(uri).pathname);
}

/**
 * Retries what is safe to retry, with bounded waits, inside the call's time budget (timeBudget.ts):
 * - 429: any method — Twilio refused the request before acting on it; waits `Retry-After`.
 * - 5xx and network errors: reads only (see isIdempotent). A write may have succeeded before the
 *   error, and sending a create again could make a second resource; the caller looks, then reports.
 * - Every attempt has a timeout (the budget's per-attempt limit, or what is left of the budget),
 *   and no retry is waited for that would end past the deadline.
 * - Whatever the transport throws leaves as a TwilioTransportError, which holds no request config.
 */
export class RetryingRequestClient extends twilio.RequestClient {
  constructor(
    private readonly policy: RetryPolicy = DEFAULT_RETRY_POLICY,
    /** The transport to retry; by default twilio-node's own (real Twilio). */
    private readonly inner?: RequestClient,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
    private readonly budget: () => TimeBudget = currentTimeBudget,
  ) {
    super();
  }

  private send<T>(opts: RequestOptions<T>): Promise<Response<T>> {
    return this.inner ? this.inner.request<T>(opts) : super.request<T>(opts);
  }

  private backoff(attempt: number, retryAfter?: number): number {
    const fallback = this.policy.baseDelayMs * 2 ** attempt;
    return Math.min(this.policy.maxDelayMs, retryAfter ?? fallback);
  }

  /** The timeout for the next attempt, or undefined when there is no time left to make one. */
  private attemptTimeout(budget: TimeBudget, idempotent: boolean): number | undefined {
    const usable = remainingMs(budget) - (idempotent ? 0 : LOOK_RESERVE_MS);
    if (usable < MIN_ATTEMPT_MS) return undefined;
    return Math.min(budget.attemptTimeoutMs, usable);
  }

  /** Whether a wait of `ms` still leaves time for one more attempt. */
  private canWait(budget: TimeBudget, ms: number, idempotent: boolean): boolean {
    return remainingMs(budget) - ms - (idempotent ? 0 : LOOK_RESERVE_MS) >= MIN_ATTEMPT_MS;
  }

  async request<T>(opts: RequestOptions<T>): Promise<Response<T>> {
    const method = String(opts.method);
    const idempotent = isIdempotent(method, opts.uri);
    const budget = this.budget();
    const target = requestTarget(method, opts.uri);
    for (let attempt = 0; ; attempt += 1) {
      const last = attempt >= this.policy.maxRetries;
      const timeout = this.attemptTimeout(budget, idempotent);
      if (timeout === undefined)
        throw new TwilioTransportError('budget_exhausted', target, attempt + 1, undefined, idempotent);
      let response: Response<T>;
      try {
        response = await this.send<T>({ ...opts, timeout });
      } catch (error) {
        const { failure, code } = transportFailureOf(error);
        const wait = this.backoff(attempt);
        if (!idempotent || last || !this.canWait(budget, wait, idempotent)) {
          throw new TwilioTransportError(failure, target, attempt + 1, code, idempotent);
        }
        await this.sleep(wait);
        continue;
      }
      const status = response.statusCode;
      const retryable = status === 429 || (idempotent && RETRYABLE_SERVER_STATUSES.has(status));
      if (!retryable || last) return response;
      const headers = (response.headers ?? {}) as Record<string, unknown>;
      const wait = this.backoff(attempt, retryAfterMs(headers['retry-after'] ?? headers['Retry-After']));
      if (!this.canWait(budget, wait, idempotent)) return response;
      await this.sleep(wait);
    }
  }
}
