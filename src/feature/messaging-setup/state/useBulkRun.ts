import { useCallback, useEffect, useRef, useState } from 'react';

import { isRateLimited } from '../api/backendClient';
import { runBulk, type BulkOutcome, type BulkPace } from './bulkRunner';

/**
 * One bulk runner for the view's bulk work (bulk create, migrating Flex Flows): runs `work` over
 * items at the given pace and keeps each item's outcome as it comes, for the dialog's progress.
 * `start` resolves with the run's outcomes; `cancel` lets the items in flight finish and starts no
 * more. Closing the dialog mid-run cancels too (what is in flight finishes on the server).
 */
export function useBulkRun<T, R>(pace: BulkPace) {
  const [outcomes, setOutcomes] = useState<ReadonlyMap<T, BulkOutcome<R>>>(new Map());
  const [phase, setPhase] = useState<'idle' | 'running' | 'finished'>('idle');
  const [slowed, setSlowed] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  // What the run reads between items: not state, as a run outlives the render that started it.
  const run = useRef({ cancelled: false, mounted: true });

  useEffect(() => {
    const current = run.current;
    current.mounted = true;
    return () => {
      current.mounted = false;
      current.cancelled = true;
    };
  }, []);

  const start = useCallback(
    async (items: readonly T[], work: (item: T) => Promise<R>): Promise<Map<T, BulkOutcome<R>>> => {
      const control = run.current;
      control.cancelled = false;
      setCancelling(false);
      setSlowed(false);
      setPhase('running');
      const mine = new Map<T, BulkOutcome<R>>();
      await runBulk(items, work, {
        ...pace,
        isRateLimited: (error) => {
          const limited = isRateLimited(error);
          if (limited && control.mounted) setSlowed(true);
          return limited;
        },
        isCancelled: () => control.cancelled,
        onOutcome: (item, outcome) => {
          mine.set(item, outcome);
          if (control.mounted) setOutcomes((all) => new Map(all).set(item, outcome));
        },
      });
      if (control.mounted) setPhase('finished');
      return mine;
    },
    [pace],
  );

  const cancel = useCallback(() => {
    run.current.cancelled = true;
    setCancelling(true);
  }, []);

  /** Forgets the outcomes `drop` picks (the failed ones, before they are tried again). */
  const forget = useCallback((drop: (outcome: BulkOutcome<R>) => boolean) => {
    setOutcomes((all) => new Map([...all].filter(([, outcome]) => !drop(outcome))));
  }, []);

  return { outcomes, phase, running: phase === 'running', slowed, cancelling, start, cancel, forget };
}
