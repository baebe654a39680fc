import { createContext, useContext, useEffect, useState } from 'react';

import type { CallOptions, RetryNotice } from '../api/backendClient';

/**
 * The retries of the write in progress, for the dialog that waits on it: the client tells each
 * retry (backendClient `onRetry`), the actions' verbs run their calls through `track`, and a
 * status line reads `current`. One feed per view; a write's notice is gone when the write ends.
 */
export interface WriteRetries {
  /** The latest retry of the write in progress, or null (none in progress, or no retry yet). */
  current(): RetryNotice | null;
  /** Calls `listener` whenever `current` changes; answers how to stop. */
  subscribe(listener: () => void): () => void;
  /** Runs a write with its retries told to the feed (through the call options it is given). */
  track<T>(write: (options: CallOptions) => Promise<T>): Promise<T>;
}

export function createWriteRetries(): WriteRetries {
  let notice: RetryNotice | null = null;
  /** The newest write: an older one ending does not clear what a newer one said. */
  let newest = 0;
  const listeners = new Set<() => void>();
  const set = (next: RetryNotice | null) => {
    notice = next;
    listeners.forEach((listener) => listener());
  };
  return {
    current: () => notice,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async track(write) {
      newest += 1;
      const mine = newest;
      if (notice) set(null);
      try {
        return await write({ onRetry: (retry) => mine === newest && set(retry) });
      } finally {
        if (mine === newest && notice) set(null);
      }
    },
  };
}

/** The view's feed (MessagingSetupView provides the actions' own). */
export const WriteRetriesContext = createContext<WriteRetries | null>(null);

/** The retry of the write in progress, as it changes (null without a feed, or before any retry). */
export function useWriteRetry(): RetryNotice | null {
  const feed = useContext(WriteRetriesContext);
  const [notice, setNotice] = useState<RetryNotice | null>(() => feed?.current() ?? null);
  useEffect(() => {
    if (!feed) return undefined;
    setNotice(feed.current());
    const stop = feed.subscribe(() => setNotice(feed.current()));
    return () => {
      stop();
    };
  }, [feed]);
  return notice;
}
