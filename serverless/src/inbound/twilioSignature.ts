import twilio from 'twilio';

import { BackendError } from '../http/backendError';

export interface SignedRequest {
  /** Lower-case header names, as the Functions runtime gives them. */
  headers: Record<string, string | string[] | undefined>;
  /**
   * Every field of the request, in the order the runtime gives them: the query string's fields
   * and the form body's, merged into one object (the runtime keeps no record of which was which).
   */
  fields: Record<string, string>;
  /** The function's path, e.g. `/inbound-webhook`. */
  path: string;
  /** The service's domain, the fallback when the request names no Host. */
  domainName: string | undefined;
}

/**
 * The most fields a webhook URL's own query string may have (`?tenant=a` has one). It bounds the
 * candidate URLs tried below, and so the work an unsigned request can cause.
 */
export const MAX_WEBHOOK_QUERY_FIELDS = 8;

type Field = readonly [name: string, value: string];

const header = (headers: SignedRequest['headers'], name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * Whether fields came in a form body: Twilio POSTs its parameters as one and GETs none. The
 * runtime passes Content-Type and Content-Length through (deployed Functions as twilio-run).
 */
function hasFormBody(headers: SignedRequest['headers']): boolean {
  const length = header(headers, 'content-length');
  const type = header(headers, 'content-type')?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/x-www-form-urlencoded' || (length !== undefined && Number(length) > 0);
}

/** `name=value&…` as URLSearchParams (WHATWG forms, Java's URLEncoder, PHP) writes it: space as `+`. */
const formEncoded = (fields: readonly Field[]): string =>
  new URLSearchParams(fields.map(([name, value]) => [name, value])).toString();

/** `name=value&…` with encodeURIComponent (JavaScript, Node's querystring, RFC 3986): space as `%20`. */
const componentEncoded = (fields: readonly Field[]): string =>
  fields.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');

const ENCODINGS = [formEncoded, componentEncoded];

/**
 * The ways a person may have written these fields in the webhook URL they configured: each
 * common escaping, and a field with no value as `name=` or as the bare `name` (`?debug`).
 */
function configuredQueries(fields: readonly Field[]): string[] {
  const queries = new Set<string>();
  for (const encode of ENCODINGS) {
    const query = encode(fields);
    queries.add(query);
    if (fields.some(([, value]) => value === '')) {
      queries.add(query.replace(/(^|&)([^&=]*)=(?=&|$)/g, '$1$2'));
    }
  }
  return [...queries];
}

/** One way the request may have been signed: over `url` plus (POST) the sorted `body` parameters. */
interface Candidate {
  url: string;
  body: Record<string, string>;
}

const withQuery = (base: string, query: string) => (query === '' ? base : `${base}?${query}`);

/**
 * The URLs (and POST parameters) Twilio may have signed for this request, most likely first.
 *
 * The runtime hands the function neither the URL nor the method, only the fields, merged
 * (Twilio's docs: form and query parameters are normalized into `event`): the query string's
 * first, in the URL's order, then the form body's — twilio-run's `constructEvent` is
 * `{request, ...req.query, ...req.body}`. So the URL's own query string (`?tenant=a`) is a
 * leading run of the fields, of unknown length `k` (at most MAX_WEBHOOK_QUERY_FIELDS):
 *
 * - POST (the request has a form body): the URL is the configured URL, query included; the rest
 *   of the fields are the body, the signature's parameter part.
 * - GET (no body): Twilio appends its parameters to the configured URL's query, so all the fields
 *   are in the URL and the parameter part is empty.
 */
function* candidates(base: string, fields: readonly Field[], hasBody: boolean): Generator<Candidate> {
  const seen = new Set<string>();
  const longest = Math.min(MAX_WEBHOOK_QUERY_FIELDS, fields.length);
  for (let k = 0; k <= longest; k += 1) {
    const rest = fields.slice(k);
    const body = hasBody ? Object.fromEntries(rest) : {};
    const tails = hasBody ? [''] : ENCODINGS.map((encode) => encode(rest));
    for (const configured of k === 0 ? [''] : configuredQueries(fields.slice(0, k))) {
      for (const tail of tails) {
        const url = withQuery(base, [configured, tail].filter((part) => part !== '').join('&'));
        if (seen.has(url)) continue;
        seen.add(url);
        yield { url, body };
      }
    }
  }
}

/** twilio-node's own check, which also tries the URL with and without its port; a URL it cannot parse fails. */
function validates(authToken: string, signature: string, { url, body }: Candidate): boolean {
  try {
    return twilio.validateRequest(authToken, signature, url, body);
  } catch {
    return false;
  }
}

/**
 * Checks `X-Twilio-Signature` the way Twilio computes it, with the account's auth token:
 * base64(HMAC-SHA1(token, URL + each POST parameter's name and value, sorted by name)), where
 * the URL is the full URL Twilio called, query string included (a GET's parameters are in it).
 *
 * The runtime tells neither the URL's query string nor the scheme (Twilio's edge terminates TLS),
 * so the URL is rebuilt from the request's Host, the function's path and the fields: each way the
 * fields can split between the URL and the body (`candidates`), over https and http, is checked
 * with twilio-node's `validateRequest`. Every candidate signs all the fields the handler then
 * reads, with their values: whichever matches, only a holder of the auth token could have made
 * the signature, and nothing in the request was changed since. Throws 403 otherwise.
 */
export function assertTwilioSignature(authToken: string, request: SignedRequest): void {
  const signature = header(request.headers, 'x-twilio-signature');
  if (!signature) {
    throw new BackendError(403, 'signature_missing', { key: 'MessagingSetupRefusalSignatureMissing' });
  }
  if (!authToken) {
    throw new BackendError(500, 'not_configured', { key: 'MessagingSetupRefusalNoAuthToken' });
  }
  const host = header(request.headers, 'host') ?? request.domainName ?? '';
  const fields = Object.entries(request.fields);
  const hasBody = hasFormBody(request.headers);
  const matches = ['https', 'http'].some((scheme) => {
    for (const candidate of candidates(`${scheme}://${host}${request.path}`, fields, hasBody)) {
      if (validates(authToken, signature, candidate)) return true;
    }
    return false;
  });
  if (!matches) {
    throw new BackendError(403, 'signature_invalid', { key: 'MessagingSetupRefusalSignatureInvalid' });
  }
}
