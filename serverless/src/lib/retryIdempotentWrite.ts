import twilio from 'twilio';

import { MIN_ATTEMPT_MS } from '../twilio/retryingRequestClient';
import { remainingMs } from '../twilio/timeBudget';
import { outcomeUnknown } from './writeOutcome';

const ATTEMPTS = 3;
const PAUSE_MS = 200;

/**
 * Runs a write that is safe to send again — deleting one SID, setting fields to given values —
 * up to three times while its outcome is unknown (no answer, 5xx) or Twilio rate-limits it, inside
 * the call's time budget. The Twilio client never re-sends writes itself (a create sent twice
 * makes two resources); undo steps are the writes this is for. With `doneIfNotFound`, a 404 means
 * an earlier attempt (or someone else) did it already.
 */
export async function retryIdempotentWrite<T>(
  write: () => Promise<T>,
  { doneIfNotFound = false }: { doneIfNotFound?: boolean } = {},
): Promise<T | undefined> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write();
    } catch (error) {
      const rest = error instanceof twilio.RestException ? error : undefined;
      if (doneIfNotFound && rest?.status === 404) return undefined;
      const again = outcomeUnknown(error) || rest?.status === 429;
      if (!again || attempt >= ATTEMPTS || remainingMs() - PAUSE_MS < MIN_ATTEMPT_MS) throw error;
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    }
  }
}
