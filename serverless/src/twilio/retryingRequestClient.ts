import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import type Response from 'twilio/lib/http/response';

import { retryAfterMs } from '../../../src/feature/messaging-setup/api/retryAfter';

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

/** Reads: GETs, and IAM's token check, which is a POST but changes nothing. */
export function isIdempotent(method: string, uri: string): boolean {
  if (method.toUpperCase() === 'GET') return true;
  return method.toUpperCase() === 'POST' && /\/v1\/Accounts\/[^/]+\/Tokens\/validate$/.test(new URL(uri).pathname);
}

/**
 * Retries what is safe to retry, with bounded waits:
 * - 429: any method — Twilio refused the request before acting on it; waits `Retry-After`.
 * - 5xx and network errors: reads only (see isIdempotent). A write may have succeeded before the
 *   error, and sending a create again could make a second resource; the caller reports the error.
 */
export class RetryingRequestClient extends twilio.RequestClient {
  constructor(
    private readonly policy: RetryPolicy = DEFAULT_RETRY_POLICY,
    /** The transport to retry; by default twilio-node's own (real Twilio). */
    private readonly inner?: RequestClient,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
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

  async request<T>(opts: RequestOptions<T>): Promise<Response<T>> {
    const idempotent = isIdempotent(String(opts.method), opts.uri);
    for (let attempt = 0; ; attempt += 1) {
      const last = attempt >= this.policy.maxRetries;
      let response: Response<T>;
      try {
        response = await this.send<T>(opts);
      } catch (error) {
        if (!idempotent || last) throw error;
        await this.sleep(this.backoff(attempt));
        continue;
      }
      const status = response.statusCode;
      const retryable = status === 429 || (idempotent && RETRYABLE_SERVER_STATUSES.has(status));
      if (!retryable || last) return response;
      const headers = (response.headers ?? {}) as Record<string, unknown>;
      await this.sleep(this.backoff(attempt, retryAfterMs(headers['retry-after'] ?? headers['Retry-After'])));
    }
  }
}
