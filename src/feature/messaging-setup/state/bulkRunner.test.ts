import { runBulk, type BulkOptions, type BulkOutcome } from './bulkRunner';

class RateLimited extends Error {}

/** A worker whose calls finish when the test says, so concurrency can be observed. */
function controlledWork() {
  const pending: { item: number; resolve: (v: string) => void; reject: (e: unknown) => void }[] = [];
  let inFlight = 0;
  let peak = 0;
  const calls: number[] = [];
  const work = (item: number) =>
    new Promise<string>((resolve, reject) => {
      calls.push(item);
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      pending.push({
        item,
        resolve: (v) => {
          inFlight -= 1;
          resolve(v);
        },
        reject: (e) => {
          inFlight -= 1;
          reject(e);
        },
      });
    });
  return { work, pending, calls, peak: () => peak };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function options(overrides: Partial<BulkOptions<number, string>> = {}) {
  const outcomes = new Map<number, BulkOutcome<string>>();
  const waits: number[] = [];
  const opts: BulkOptions<number, string> = {
    concurrency: 3,
    maxRateLimitedAttempts: 4,
    backoffMs: 100,
    isRateLimited: (error) => error instanceof RateLimited,
    isCancelled: () => false,
    onOutcome: (item, outcome) => outcomes.set(item, outcome),
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...overrides,
  };
  return { opts, outcomes, waits };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

test('every item runs once, never more than `concurrency` at a time', async () => {
  let inFlight = 0;
  let peak = 0;
  const { opts, outcomes } = options();
  const summary = await runBulk(
    range(20),
    async (item) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await flush();
      inFlight -= 1;
      return `made ${item}`;
    },
    opts,
  );
  expect(summary).toMatchObject({ done: 20, failed: 0, cancelled: 0, rateLimited: 0, peakConcurrency: 3 });
  expect(peak).toBe(3);
  expect(outcomes.get(7)).toEqual({ status: 'done', value: 'made 7' });
});

test('a rate-limited item is put back and retried after a growing wait', async () => {
  const attempts = new Map<number, number>();
  const { opts, outcomes, waits } = options({ concurrency: 4 });
  const summary = await runBulk(
    range(8),
    async (item) => {
      const n = (attempts.get(item) ?? 0) + 1;
      attempts.set(item, n);
      await flush();
      if (item === 2 && n <= 2) throw new RateLimited();
      return 'ok';
    },
    opts,
  );
  expect(summary).toMatchObject({ done: 8, failed: 0, rateLimited: 2 });
  expect(attempts.get(2)).toBe(3);
  expect(waits).toEqual([100, 200]);
  expect(outcomes.get(2)).toEqual({ status: 'done', value: 'ok' });
});

test('halves the calls in flight on a 429, and grows back after successes', async () => {
  const control = controlledWork();
  const { opts } = options({ concurrency: 4 });
  const run = runBulk(range(12), control.work, opts);
  await flush();
  expect(control.pending).toHaveLength(4);
  control.pending.shift()?.reject(new RateLimited());
  await flush();
  await flush();
  // 3 still in flight, the limit is now 2: nothing new starts until two finish.
  expect(control.pending).toHaveLength(3);
  control.pending.shift()?.resolve('ok');
  await flush();
  expect(control.pending).toHaveLength(2);
  while (control.pending.length > 0) {
    control.pending.shift()?.resolve('ok');
    await flush();
    await flush();
  }
  const summary = await run;
  expect(summary.done).toBe(12);
  expect(control.peak()).toBe(4);
});

test('gives up on an item that stays rate-limited, and never retries another failure', async () => {
  const calls: number[] = [];
  const { opts, outcomes } = options({ maxRateLimitedAttempts: 3 });
  const summary = await runBulk(
    [1, 2, 3],
    async (item) => {
      calls.push(item);
      if (item === 1) throw new RateLimited();
      if (item === 2) throw new Error('Twilio did not answer correctly');
      return 'ok';
    },
    opts,
  );
  expect(summary).toMatchObject({ done: 1, failed: 2, rateLimited: 2 });
  expect(calls.filter((c) => c === 1)).toHaveLength(3);
  expect(calls.filter((c) => c === 2)).toHaveLength(1);
  expect(outcomes.get(2)).toEqual({ status: 'failed', error: new Error('Twilio did not answer correctly') });
});

test('cancel: items not started end as cancelled, the ones in flight finish', async () => {
  const control = controlledWork();
  let cancelled = false;
  const { opts, outcomes } = options({ concurrency: 2, isCancelled: () => cancelled });
  const run = runBulk(range(6), control.work, opts);
  await flush();
  cancelled = true;
  control.pending.shift()?.resolve('ok');
  control.pending.shift()?.resolve('ok');
  const summary = await run;
  expect(summary).toMatchObject({ done: 2, cancelled: 4 });
  expect(control.calls).toEqual([0, 1]);
  expect(outcomes.get(5)).toEqual({ status: 'cancelled' });
});

test('an empty list finishes at once', async () => {
  const { opts } = options();
  await expect(runBulk([], async () => 'x', opts)).resolves.toMatchObject({ done: 0, peakConcurrency: 0 });
});
