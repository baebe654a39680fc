import { useCallback, useRef } from 'react';

/**
 * A function that keeps one identity for the component's life and always calls the latest `fn`.
 * Memoised children can then take a parent's handlers as props and still skip re-rendering when
 * only the parent's closures are new — which is on every answer while the view loads. For event
 * handlers only: it must not be called during render.
 */
export function useLatestCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn);
  latest.current = fn;
  return useCallback((...args: A) => latest.current(...args), []);
}
