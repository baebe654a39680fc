import twilio from 'twilio';

import { MIN_ATTEMPT_MS } from '../twilio/retryingRequestClient';
import { remainingMs } from '../twilio/timeBudget';
import { outcomeUnknown } from './writeOutcome';

const ATTEMPTS = 3;
const PAUSE_MS = 200;

/**
 * Sends an undo step — a write that is safe to send again: deleting one SID, setting fields to
 * given values — again while its outcome is unknown (no answer, 5xx), up to three sends inside
 * the call's time budget: for such a write, sending it again is how to learn that it is done
 * (look before you report). Nothing else retries these failures of a write: the Twilio client
 * never re-sends one after them (a create sent twice makes two resources).
 *
 * A 429 is not retried here. The Twilio client (RetryingRequestClient) owns 429s: it has retried
 * this one as far as its policy and the budget allow, and a second loop over it would multiply
 * the attempts (three sends of four requests each were up to twelve under a sustained 429). With
 * `doneIfNotFound`, a 404 means an earlier send (or someone else) did it already.
 */
export async function retryIdempotentWrite<T>(
  write: () => Promise<T>,
  { doneIfNotFound = false }: { doneIfNotFound?: boolean } = {},
): Promise<T | undefined> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write();
    } catch (error) {
      if (doneIfNotFound && error instanceof twilio.RestException && error.status === 404) return undefined;
      if (!outcomeUnknown(error) || attempt >= ATTEMPTS || remainingMs() - PAUSE_MS < MIN_ATTEMPT_MS) throw error;
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    }
  }
}
