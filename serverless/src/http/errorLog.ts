import { TwilioTransportError } from '../twilio/transportError';

/**
 * What the backend writes to its log about a failure: a one-line, redacted summary — the error's
 * class and code, the Twilio host and path (never the query), the status and attempt — and never
 * the error object itself. Errors from HTTP clients carry their request (an AxiosError's `config`
 * holds the Authorization header with the account's credentials and the form body with a Flex
 * token); logging one whole is how a secret reaches the Functions log.
 */

const MESSAGE_MAX = 160;

/** Anything that could be a credential or carry one, in a message we did not write. */
const SCRUBBERS: [RegExp, string][] = [
  // The scheme's name goes too: a log search for "Basic " must find nothing.
  [/\b(Basic|Bearer)\s+[A-Za-z0-9+/=._-]+/gi, '[credentials redacted]'],
  // JWTs (Flex tokens) and long base64 runs.
  [/\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, '[token]'],
  [/[A-Za-z0-9+/_-]{40,}={0,2}/g, '[redacted]'],
  // Auth tokens and API secrets are 32 hex characters; SIDs are 2 letters + 32 hex.
  [/\b([A-Z]{2})?[0-9a-fA-F]{32}\b/g, '[redacted]'],
  // A URL's query or credentials: keep scheme, host and path only.
  [/\b(https?:\/\/)(?:[^/\s@]+@)?([^/\s?#]+)([^\s?#]*)[?#]\S*/gi, '$1$2$3?[query removed]'],
  [/\b(https?:\/\/)[^/\s@]+@/gi, '$1'],
  [/\b(Token|Payload|password|auth_?token)=\S+/gi, '$1=[redacted]'],
];

export function scrub(text: string): string {
  const firstLine = text.split(/\r?\n/)[0] ?? '';
  const cleaned = SCRUBBERS.reduce((acc, [pattern, replacement]) => acc.replace(pattern, replacement), firstLine);
  return cleaned.length > MESSAGE_MAX ? `${cleaned.slice(0, MESSAGE_MAX)}…` : cleaned;
}

const stringField = (value: unknown, key: string): string | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' || typeof field === 'number' ? String(field) : undefined;
};

/** Host and path of the request an HTTP client error is about (axios: `config.url`), without its query. */
function requestOf(error: unknown): string | undefined {
  const config = typeof error === 'object' && error !== null ? (error as { config?: unknown }).config : undefined;
  const url = stringField(config, 'url');
  if (!url) return undefined;
  const method = stringField(config, 'method')?.toUpperCase() ?? '';
  try {
    const parsed = new URL(url);
    return `${method} ${parsed.host}${parsed.pathname}`.trim();
  } catch {
    return undefined;
  }
}

/** The redacted one-line summary of anything thrown. */
export function errorSummary(error: unknown): string {
  if (error instanceof TwilioTransportError) {
    const { failure, target, attempt, transportCode } = error;
    return [
      `TwilioTransportError ${failure}`,
      transportCode ? `code=${transportCode}` : '',
      `${target.method} ${target.host}${target.path}`,
      `attempt=${attempt}`,
    ]
      .filter(Boolean)
      .join(' ');
  }
  const kind = error instanceof Error ? error.constructor.name || error.name : error === null ? 'null' : typeof error;
  const parts = [kind];
  const code = stringField(error, 'code');
  if (code) parts.push(`code=${scrub(code)}`);
  const status = stringField(error, 'status') ?? stringField((error as { response?: unknown })?.response, 'status');
  if (status) parts.push(`status=${scrub(status)}`);
  const request = requestOf(error);
  if (request) parts.push(request);
  if (error instanceof Error && error.message) parts.push(`message="${scrub(error.message)}"`);
  if (error instanceof Error && error.stack) {
    // Where it was thrown: a file and line of ours, no data.
    const frame = error.stack.split('\n').find((line) => /^\s+at /.test(line));
    if (frame) parts.push(`at=${scrub(frame.trim().replace(/^at /, ''))}`);
  }
  return parts.join(' ');
}

/** Logs an unexpected failure (what the caller gets is a generic 500) as its redacted summary only. */
export function logUnexpected(where: string, error: unknown): void {
  console.error(`[messaging-setup] ${where}: ${errorSummary(error)}`);
}
