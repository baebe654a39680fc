/**
 * A Twilio request that got no answer: it timed out, its connection failed, or the call's time
 * budget ran out before it could be sent. The Twilio client throws this instead of the transport's
 * own error (an AxiosError holds the request config — the Authorization header with the account's
 * credentials, the form body with a Flex token), so nothing secret can travel further up.
 */
export type TransportFailure = 'timeout' | 'network' | 'budget_exhausted';

export interface RequestTarget {
  method: string;
  /** The Twilio host, e.g. `conversations.twilio.com`, or the sandbox's. */
  host: string;
  /** The path without the query string (a query can carry a page token or filter values). */
  path: string;
}

export class TwilioTransportError extends Error {
  constructor(
    readonly failure: TransportFailure,
    readonly target: RequestTarget,
    /** Which attempt failed (1 = the first). */
    readonly attempt: number,
    /** The transport's error code (`ECONNABORTED`, `ECONNRESET`, …), when it gave one. */
    readonly transportCode: string | undefined,
    /** A read (GET, or IAM's token check): nothing can have changed. */
    readonly idempotent: boolean,
  ) {
    super(`${failure} on ${target.method} ${target.host}${target.path} (attempt ${attempt})`);
    this.name = 'TwilioTransportError';
  }

  /** Whether a write may have been applied: only a budget that ran out before it was sent says no. */
  get maybeApplied(): boolean {
    return !this.idempotent && this.failure !== 'budget_exhausted';
  }
}

export function requestTarget(method: string, uri: string): RequestTarget {
  try {
    const url = new URL(uri);
    return { method: method.toUpperCase(), host: url.host, path: url.pathname };
  } catch {
    return { method: method.toUpperCase(), host: 'unknown', path: 'unknown' };
  }
}

const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ERR_CANCELED']);

/** Classifies what the transport threw, reading only its `code` (never its config or message). */
export function transportFailureOf(error: unknown): { failure: TransportFailure; code: string | undefined } {
  const code =
    typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
      ? (error as { code: string }).code
      : undefined;
  return { failure: code && TIMEOUT_CODES.has(code) ? 'timeout' : 'network', code };
}
