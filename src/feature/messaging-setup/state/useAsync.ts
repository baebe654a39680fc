import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import { errorMessage } from '../errorMessage';

/**
 * The one stale-answer guard: an answer that arrives after a newer request started (other filters,
 * a reload) or after its component went away is dropped. `renew` starts a new generation; a
 * `token` taken now says, when asked later, whether its generation has passed.
 */
interface StaleGuard {
  renew: () => void;
  token: () => () => boolean;
}

export function useStaleGuard(): StaleGuard {
  const generation = useRef(0);
  useEffect(
    () => () => {
      generation.current += 1;
    },
    [],
  );
  return useMemo(
    () => ({
      renew: () => {
        generation.current += 1;
      },
      token: () => {
        const mine = generation.current;
        return () => generation.current !== mine;
      },
    }),
    [],
  );
}

export type AsyncOutcome<T> = { status: 'done'; value: T } | { status: 'failed'; error: unknown } | { status: 'stale' };

/**
 * The one async hook for a load or a write: pending while it runs, the error's message when it
 * failed, and an answer dropped when a newer run started or the component went away. `run` says
 * what came of it, so the caller acts only on a current answer.
 */
export function useAsync() {
  const guard = useStaleGuard();
  const [state, setState] = useState<{ pending: boolean; error: string | null }>({ pending: false, error: null });
  const run = useCallback(
    async <T>(task: () => Promise<T>): Promise<AsyncOutcome<T>> => {
      guard.renew();
      const stale = guard.token();
      setState({ pending: true, error: null });
      try {
        const value = await task();
        if (stale()) return { status: 'stale' };
        setState({ pending: false, error: null });
        return { status: 'done', value };
      } catch (error) {
        if (stale()) return { status: 'stale' };
        setState({ pending: false, error: errorMessage(error) });
        return { status: 'failed', error };
      }
    },
    [guard],
  );
  const clearError = useCallback(() => setState((was) => ({ ...was, error: null })), []);
  return { ...state, run, clearError };
}
