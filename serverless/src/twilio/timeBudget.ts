import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * How long one function call may spend talking to Twilio, retries and waits included.
 *
 * Twilio Functions stop a call at 10 s and answer with a runtime error page instead of our JSON,
 * so every call gets a deadline well inside that: `withTimeBudget` starts it for the whole call
 * (the Flex token check included), and the Twilio client (RetryingRequestClient) reads it for
 * every request, however deep in the function that request is made. AsyncLocalStorage, not a
 * parameter, because the client is shared by all calls a warm container serves.
 */
export interface TimeBudget {
  /** Epoch ms after which no Twilio request is started and no retry is waited for. */
  deadline: number;
  /** The longest any one attempt may take (a hung connection is cut off after this). */
  attemptTimeoutMs: number;
}

/** Defaults: 3 s an attempt (Twilio answers in well under 1 s), 7.5 s a call; 2.5 s left to answer. */
export const DEFAULT_ATTEMPT_TIMEOUT_MS = 3000;
export const DEFAULT_CALL_BUDGET_MS = 7500;

const storage = new AsyncLocalStorage<TimeBudget>();

export function withTimeBudget<T>(budgetMs: number, attemptTimeoutMs: number, run: () => Promise<T>): Promise<T> {
  return storage.run({ deadline: Date.now() + budgetMs, attemptTimeoutMs }, run);
}

/** The current call's budget; outside a function call (scripts, unit tests), a default one from now. */
export function currentTimeBudget(): TimeBudget {
  return (
    storage.getStore() ?? {
      deadline: Date.now() + DEFAULT_CALL_BUDGET_MS,
      attemptTimeoutMs: DEFAULT_ATTEMPT_TIMEOUT_MS,
    }
  );
}

export const remainingMs = (budget: TimeBudget = currentTimeBudget()): number => budget.deadline - Date.now();
