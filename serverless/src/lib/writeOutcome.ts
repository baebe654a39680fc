import type { ContractProblem } from '../../../src/contract/messages';
import twilio from 'twilio';

import { BackendError, toBackendError } from '../http/backendError';
import { TwilioTransportError } from '../twilio/transportError';

/**
 * After a write fails, whether Twilio may still have applied it: no answer came (a timeout, a
 * reset connection) or Twilio answered 5xx, which does not promise that nothing happened. A 4xx
 * is a refusal; a budget that ran out before sending means nothing was sent.
 */
export function outcomeUnknown(error: unknown): boolean {
  if (error instanceof TwilioTransportError) return error.maybeApplied;
  return error instanceof twilio.RestException && error.status >= 500;
}

/** Whether the write got no answer at all (as opposed to a 5xx, after which a look that finds nothing is final). */
export const gotNoAnswer = (error: unknown): boolean => error instanceof TwilioTransportError && error.maybeApplied;

/**
 * Reads a resource to settle an unknown outcome: the resource, undefined when Twilio says it
 * does not exist, or — when even the look fails — the "cannot tell" answer: a 502/504 that says
 * the change may have been applied and how to check.
 */
export async function lookAfterUnknownOutcome<T>(
  what: ContractProblem,
  howToCheck: ContractProblem,
  look: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await look();
  } catch (error) {
    if (error instanceof twilio.RestException && error.status === 404) return undefined;
    throw cannotTell(what, howToCheck, error);
  }
}

/**
 * The answer when a write's outcome is unknown and could not be settled by looking: `what` the
 * write was ("the new address for …"), `howToCheck` (a sentence).
 */
export function cannotTell(what: ContractProblem, howToCheck: ContractProblem, error: unknown): BackendError {
  const status = toBackendError(error).status === 504 ? 504 : 502;
  return new BackendError(status, status === 504 ? 'twilio_timeout' : 'twilio_unavailable', {
    key: 'MessagingSetupRefusalNotConfirmed',
    values: { what, howToCheck },
  });
}
