import { BackendError } from './backendError';

/**
 * The Functions runtime (Twilio's, and twilio-run locally) puts its own `request` object (headers,
 * cookies) into `event` beside the form fields; a form field of that name is a string, the caller's.
 */
export const isRuntimeField = (key: string, value: unknown): boolean =>
  key === 'request' && typeof value === 'object' && value !== null && !Array.isArray(value);

/** Bytes of a decoded form value: a string, or the array a repeated field becomes. */
const sizeOf = (value: unknown): number =>
  Buffer.byteLength(typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));

/**
 * Refuses a request whose form fields — names and values, all of them, whatever they are called —
 * add up to more than `limit` bytes, with 413. Checked first, before any other work: an oversize
 * request costs no token check, no signature check, no Twilio call. The runtime's own limit is far
 * higher (twilio-run parses form bodies of up to 6 MB).
 */
export function assertRequestSize(event: Record<string, unknown>, limit: number): void {
  let total = 0;
  for (const [key, value] of Object.entries(event)) {
    if (isRuntimeField(key, value)) continue;
    total += Buffer.byteLength(key) + sizeOf(value);
    if (total > limit) {
      throw new BackendError(413, 'payload_too_large', {
        key: 'MessagingSetupRefusalTooLarge',
        values: { bytes: limit },
      });
    }
  }
}

type Headers = Record<string, string | string[] | undefined>;

/** The runtime's request headers (lower-case names), when `event.request` is the runtime's object. */
const headersOf = (event: Record<string, unknown>): Headers => {
  const request = event.request;
  if (!isRuntimeField('request', request)) return {};
  const headers = (request as { headers?: unknown }).headers;
  return typeof headers === 'object' && headers !== null ? (headers as Headers) : {};
};

/** A header sent once; a repeated one (an array) counts as not sent. */
const single = (value: string | string[] | undefined): string | undefined =>
  typeof value === 'string' ? value : undefined;

/**
 * Bytes that some form encoder in common use writes as themselves: letters, digits, `-_.!~*'()`
 * (what encodeURIComponent and Node's querystring leave alone, which includes all that
 * URLSearchParams, PHP, Python, Go, Java and curl leave alone) and the space (as `+`). Every other
 * byte — JSON's quotes and braces, `&`, `=`, `%`, `+`, each byte of a non-ASCII character — every
 * one of them writes as `%XX`, three bytes.
 */
const WRITTEN_AS_ITSELF = new Uint8Array(256);
for (const byte of Buffer.from("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'() ")) {
  WRITTEN_AS_ITSELF[byte] = 1;
}

function leastEncodedSize(text: string): number {
  let size = 0;
  for (const byte of Buffer.from(text, 'utf8')) size += WRITTEN_AS_ITSELF[byte] ? 1 : 3;
  return size;
}

/**
 * The fewest bytes a form body holding all these fields can have, whichever encoder in common use
 * wrote it: each `name=value` pair (a pair with an empty value may be the name alone), with `&`
 * between pairs; a repeated field is one pair per value.
 */
function leastFormSize(event: Record<string, unknown>): number {
  let size = 0;
  let pairs = 0;
  for (const [key, value] of Object.entries(event)) {
    if (isRuntimeField(key, value)) continue;
    for (const item of Array.isArray(value) ? (value as unknown[]) : [value]) {
      const text = typeof item === 'string' ? item : (JSON.stringify(item) ?? '');
      size += leastEncodedSize(key) + (text === '' ? 0 : 1 + leastEncodedSize(text));
      pairs += 1;
    }
  }
  return size + Math.max(0, pairs - 1);
}

/**
 * Refuses, before the token check, a request whose fields may not all have come in a form-encoded
 * POST body. The runtime (Twilio's, and twilio-run's `constructEvent`) builds `event` from the query
 * string and the body alike, and tells the function neither the method nor the URL; so a GET with
 * `?Token=…&Payload=…` would act like the POST, and put the token in every access log on its way.
 * What the function does see is the request's headers, and they settle it:
 *
 * - `Content-Type: application/x-www-form-urlencoded` (any parameters), else 415: a GET, a link,
 *   a JSON or text body.
 * - A `Content-Length` (else 411) of at least the fewest bytes any common encoder could have
 *   written the fields in (`leastFormSize`), else 400: a field the body is too short to hold came
 *   from the URL. A URL-borne Flex token (1–2 KB, all letters and digits) cannot hide behind the
 *   escaping of the fields that did come in the body, since the count already takes that at its
 *   least.
 *
 * What it cannot catch: a caller who pads the body on purpose (empty `&&&` pairs, letters
 * written as `%41`) to make room for fields it put in the URL — that is only the token's holder
 * choosing to expose their own token, and a form body is needed either way, which a link or a
 * GET cannot send. The same goes for a query string that replaces `event.request` itself (the
 * local runtime's Express parses `?request[headers][content-length]=…` into an object). A body of
 * raw, unescaped JSON (`curl -d 'Payload={"sid":…}'`) is refused too: every form encoder escapes it.
 */
export function assertFieldsFromFormBody(event: Record<string, unknown>): void {
  if ('request' in event && !isRuntimeField('request', event.request)) {
    // A form field of that name took the runtime's place, headers and all.
    throw new BackendError(400, 'invalid_request', {
      key: 'MessagingSetupRefusalUnknownFormField',
      values: { field: 'request' },
    });
  }
  const headers = headersOf(event);
  const type = single(headers['content-type'])?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    throw new BackendError(415, 'unsupported_media_type', { key: 'MessagingSetupRefusalFormBodyOnly' });
  }
  const length = single(headers['content-length']);
  if (length === undefined || !/^\d+$/.test(length)) {
    throw new BackendError(411, 'length_required', { key: 'MessagingSetupRefusalLengthRequired' });
  }
  if (Number(length) < leastFormSize(event)) {
    throw new BackendError(400, 'fields_not_in_body', { key: 'MessagingSetupRefusalFieldsInUrl' });
  }
}
