import twilio from 'twilio';

import type { FieldErrors } from '../../../src/contract/addressRules';
import { wordFields, wordMessage, type ContractProblem, type FieldProblems } from '../../../src/contract/messages';
import { TwilioTransportError } from '../twilio/transportError';
import { logUnexpected } from './errorLog';

/**
 * An error the caller should see: HTTP status, a machine code and what is wrong, as a problem of
 * the contract's messages (src/contract/messages.ts) — its English is `message` (and `fields`,
 * from `fieldProblems`), and the answer carries the key and values too.
 */
export class BackendError extends Error {
  readonly fields?: FieldErrors;

  constructor(
    readonly status: number,
    readonly code: string,
    readonly problem: ContractProblem,
    readonly fieldProblems?: FieldProblems,
    readonly headers: Record<string, string> = {},
  ) {
    super(wordMessage(problem));
    if (fieldProblems) this.fields = wordFields(fieldProblems);
  }
}

/** What twilio-node throws for a non-2xx answer (RestException). */
interface TwilioRestError {
  status: number;
  code?: number;
  message: unknown;
}

/**
 * A RestException — also one whose answer was not JSON, which has no `moreInfo` — or, from another
 * copy of twilio-node, anything shaped like one.
 */
const isTwilioRestError = (error: unknown): error is TwilioRestError =>
  error instanceof twilio.RestException ||
  (typeof error === 'object' &&
    error !== null &&
    typeof (error as TwilioRestError).status === 'number' &&
    'moreInfo' in error);

/** Longer than any message Twilio writes; a longer one is not Twilio's to show. */
const TWILIO_MESSAGE_MAX = 300;
const ACCOUNT_SID = /AC[0-9a-fA-F]{32}/g;

/**
 * Twilio's message for a 4xx, fit to show in the browser: its first line only (a message is one
 * line; anything after a line break is not a message), without the account SID Twilio writes into
 * resource paths (`/2010-04-01/Accounts/AC…/IncomingPhoneNumbers/PN….json`), and of a sane length.
 * Undefined when there is none fit to show.
 */
export function shownTwilioMessage(message: unknown): string | undefined {
  const firstLine = typeof message === 'string' ? (message.split(/\r?\n/)[0] ?? '').trim() : '';
  if (firstLine === '' || firstLine.length > TWILIO_MESSAGE_MAX) return undefined;
  return firstLine.replace(ACCOUNT_SID, 'AC…');
}

/** Twilio's own message (data: a placeholder's value), else ours. */
function twilioSaysOr(message: unknown, fallback: ContractProblem): ContractProblem {
  const shown = shownTwilioMessage(message);
  return shown === undefined ? fallback : { key: 'MessagingSetupRefusalTwilioSays', values: { message: shown } };
}

/** A transport failure's problem: timed out or not, maybe applied, nothing changed, or neither said. */
const TRANSPORT_PROBLEMS = {
  timeout: {
    maybeApplied: 'MessagingSetupRefusalTimeoutMaybeApplied',
    nothingChanged: 'MessagingSetupRefusalTimeoutNothingChanged',
    plain: 'MessagingSetupRefusalTimeout',
  },
  network: {
    maybeApplied: 'MessagingSetupRefusalNetworkMaybeApplied',
    nothingChanged: 'MessagingSetupRefusalNetworkNothingChanged',
    plain: 'MessagingSetupRefusalNetwork',
  },
} as const;

/**
 * A Twilio request that got no answer. A read that ran out of time is a plain 504; a write's
 * outcome is unknown, so the message says so and how to check (functions that can look first —
 * create-address, the migration — do, and answer the truth instead).
 */
function transportError(error: TwilioTransportError): BackendError {
  const timedOut = error.failure !== 'network';
  const keys = TRANSPORT_PROBLEMS[timedOut ? 'timeout' : 'network'];
  const status = timedOut ? 504 : 502;
  const code = timedOut ? 'twilio_timeout' : 'twilio_unavailable';
  if (error.maybeApplied) return new BackendError(status, code, { key: keys.maybeApplied });
  return new BackendError(status, code, { key: error.idempotent ? keys.plain : keys.nothingChanged });
}

/**
 * Maps anything a function throws to what the caller gets. Twilio's own message is passed on for
 * 4xx (it names what was wrong), cleaned by shownTwilioMessage; 5xx and unknown errors get a
 * generic message — never a stack, a file name, or a credential; unknown errors go to the log as
 * a redacted summary (errorLog.ts), never whole.
 */
export function toBackendError(error: unknown): BackendError {
  if (error instanceof BackendError) return error;
  if (error instanceof TwilioTransportError) return transportError(error);
  if (isTwilioRestError(error)) {
    const { status } = error;
    const said = (fallback: ContractProblem) => twilioSaysOr(error.message, fallback);
    if (status === 404) return new BackendError(404, 'not_found', said({ key: 'MessagingSetupRefusalTwilioNotFound' }));
    if (status === 409) return new BackendError(409, 'conflict', said({ key: 'MessagingSetupRefusalTwilioConflict' }));
    if (status === 429) {
      return new BackendError(429, 'rate_limited', { key: 'MessagingSetupRefusalRateLimited' }, undefined, {
        'Retry-After': '2',
      });
    }
    if (status === 401 || status === 403) {
      return new BackendError(502, 'twilio_auth', { key: 'MessagingSetupRefusalTwilioAuth' });
    }
    if (status >= 400 && status < 500) {
      return new BackendError(400, 'twilio_rejected', said({ key: 'MessagingSetupRefusalTwilioRefused' }));
    }
    return new BackendError(502, 'twilio_unavailable', { key: 'MessagingSetupRefusalTwilioUnavailable' });
  }
  logUnexpected('unexpected error', error);
  return new BackendError(500, 'internal', { key: 'MessagingSetupRefusalInternal' });
}
