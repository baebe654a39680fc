import twilio from 'twilio';

import { BackendError } from '../http/backendError';

export interface SignedRequest {
  /** Lower-case header names, as the Functions runtime gives them. */
  headers: Record<string, string | string[] | undefined>;
  /** The form fields (POST) or query parameters (GET) Twilio sent. */
  params: Record<string, string>;
  /** The function's path, e.g. `/inbound-webhook`. */
  path: string;
  /** The service's domain, the fallback when the request names no Host. */
  domainName: string | undefined;
}

const header = (headers: SignedRequest['headers'], name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * Checks `X-Twilio-Signature` the way Twilio computes it, with the account's auth token: over the
 * URL Twilio called plus the sorted POST parameters, or (GET) over the URL with its query string.
 * The runtime does not tell the scheme (Twilio's edge terminates TLS), so both are tried; either
 * way only a holder of the auth token can produce a match. Throws 403 otherwise.
 */
export function assertTwilioSignature(authToken: string, request: SignedRequest): void {
  const signature = header(request.headers, 'x-twilio-signature');
  if (!signature) {
    throw new BackendError(
      403,
      'signature_missing',
      'This endpoint only answers Twilio: X-Twilio-Signature is missing.',
    );
  }
  if (!authToken) {
    throw new BackendError(500, 'not_configured', 'The backend has no auth token to check Twilio’s signature with.');
  }
  const host = header(request.headers, 'host') ?? request.domainName ?? '';
  const query = new URLSearchParams(request.params).toString();
  const matches = ['https', 'http'].some((scheme) => {
    const url = `${scheme}://${host}${request.path}`;
    return (
      twilio.validateRequest(authToken, signature, url, request.params) ||
      (query !== '' && twilio.validateRequest(authToken, signature, `${url}?${query}`, {}))
    );
  });
  if (!matches) {
    throw new BackendError(
      403,
      'signature_invalid',
      'X-Twilio-Signature does not match: this request is not from Twilio.',
    );
  }
}
