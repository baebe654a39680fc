/**
 * Runs one change over many items with bounded, adaptive concurrency: a rate-limited item is put
 * back and the number of parallel calls halves (then grows back one step per success run), so a
 * bulk job slows down under Twilio's 429s instead of failing. Anything else is that item's result:
 * a write that failed otherwise is never repeated automatically (it may have happened).
 */

export type BulkOutcome<R> =
  { status: 'done'; value: R } | { status: 'failed'; error: unknown } | { status: 'cancelled' };

/** How fast a bulk job goes. */
export interface BulkPace {
  /** The most calls in flight at once. */
  concurrency: number;
  /** Attempts per item when it is rate-limited (the first included). */
  maxRateLimitedAttempts: number;
  /** The wait before a rate-limited item's next attempt; doubles per attempt. */
  backoffMs: number;
}

export interface BulkOptions<T, R> extends BulkPace {
  /** True when an error means "try again later" (HTTP 429). */
  isRateLimited: (error: unknown) => boolean;
  /** Read between items: once true, items not started yet end as `cancelled`. */
  isCancelled: () => boolean;
  onOutcome: (item: T, outcome: BulkOutcome<R>) => void;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * How bulk create runs (the dialog, and the benchmark that measures it): 4 calls at once finish
 * 500 addresses in well under a minute and rarely meet a 429; a rate-limited row is tried up to 6
 * times, waiting 1 s, 2 s, 4 s… in between.
 */
export const BULK_CREATE_PACE: BulkPace = { concurrency: 4, maxRateLimitedAttempts: 6, backoffMs: 1000 };

/**
 * How a migration run goes: one Flex Flow at a time (each is several Twilio writes, and the next
 * may depend on the address the last one made), no retry here (the client retries a 429).
 */
export const ONE_AT_A_TIME: BulkPace = { concurrency: 1, maxRateLimitedAttempts: 1, backoffMs: 0 };

interface BulkSummary {
  done: number;
  failed: number;
  cancelled: number;
  /** Attempts that were rate-limited and put back. */
  rateLimited: number;
  /** The most calls that were in flight at once. */
  peakConcurrency: number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function runBulk<T, R>(
  items: readonly T[],
  work: (item: T) => Promise<R>,
  options: BulkOptions<T, R>,
): Promise<BulkSummary> {
  const sleep = options.sleep ?? defaultSleep;
  const queue = items.map((item) => ({ item, attempts: 0 }));
  const summary: BulkSummary = { done: 0, failed: 0, cancelled: 0, rateLimited: 0, peakConcurrency: 0 };
  let limit = Math.max(1, options.concurrency);
  let successesSinceSlowdown = 0;
  let inFlight = 0;

  return new Promise<BulkSummary>((resolve) => {
    const finishIfIdle = () => {
      if (inFlight === 0 && queue.length === 0) resolve(summary);
    };

    const startMore = () => {
      while (inFlight < limit && queue.length > 0) {
        const next = queue.shift();
        if (!next) break;
        if (options.isCancelled()) {
          summary.cancelled += 1;
          options.onOutcome(next.item, { status: 'cancelled' });
          continue;
        }
        inFlight += 1;
        summary.peakConcurrency = Math.max(summary.peakConcurrency, inFlight);
        next.attempts += 1;
        void work(next.item).then(
          (value) => {
            inFlight -= 1;
            summary.done += 1;
            options.onOutcome(next.item, { status: 'done', value });
            // Speed back up slowly once the rate limit has passed.
            successesSinceSlowdown += 1;
            if (limit < options.concurrency && successesSinceSlowdown >= limit) {
              limit += 1;
              successesSinceSlowdown = 0;
            }
            startMore();
            finishIfIdle();
          },
          async (error: unknown) => {
            if (options.isRateLimited(error) && next.attempts < options.maxRateLimitedAttempts) {
              summary.rateLimited += 1;
              limit = Math.max(1, Math.floor(limit / 2));
              successesSinceSlowdown = 0;
              await sleep(options.backoffMs * 2 ** (next.attempts - 1));
              queue.unshift(next);
              inFlight -= 1;
            } else {
              inFlight -= 1;
              summary.failed += 1;
              options.onOutcome(next.item, { status: 'failed', error });
            }
            startMore();
            finishIfIdle();
          },
        );
      }
      finishIfIdle();
    };

    startMore();
  });
}
