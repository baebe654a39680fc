import type { FieldErrors } from '../../../src/feature/messaging-setup/api/addressRules';

/** An error the caller should see: HTTP status, a machine code and a plain-language message. */
export class BackendError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldErrors,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** What twilio-node throws for a non-2xx answer (RestException). */
interface TwilioRestError {
  status: number;
  code?: number;
  message: string;
}

const isTwilioRestError = (error: unknown): error is TwilioRestError =>
  typeof error === 'object' &&
  error !== null &&
  typeof (error as TwilioRestError).status === 'number' &&
  'moreInfo' in error;

/**
 * Maps anything a function throws to what the caller gets. Twilio's own message is passed on for
 * 4xx (it names what was wrong); 5xx and unknown errors get a generic message — never a stack.
 */
export function toBackendError(error: unknown): BackendError {
  if (error instanceof BackendError) return error;
  if (isTwilioRestError(error)) {
    const { status, message } = error;
    if (status === 404) return new BackendError(404, 'not_found', message);
    if (status === 409) return new BackendError(409, 'conflict', message);
    if (status === 429) {
      return new BackendError(
        429,
        'rate_limited',
        'Twilio is rate-limiting this account; try again in a moment.',
        undefined,
        { 'Retry-After': '2' },
      );
    }
    if (status === 401 || status === 403) {
      return new BackendError(
        502,
        'twilio_auth',
        'The backend could not authenticate to Twilio: check its account credentials.',
      );
    }
    if (status >= 400 && status < 500) return new BackendError(400, 'twilio_rejected', message);
    return new BackendError(502, 'twilio_unavailable', 'Twilio did not answer correctly; try again in a moment.');
  }
  console.error('[messaging-setup] unexpected error', error);
  return new BackendError(500, 'internal', 'Something went wrong in the Messaging Setup backend.');
}
