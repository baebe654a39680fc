import { useCallback, useEffect, useRef, useState } from 'react';

import type { ListStuckConversationsResponse } from '../../../contract/types';
import type { BackendClient } from '../api/backendClient';
import type { SetupData, SourceName } from './setupData';
import { useAsync } from './useAsync';

export interface StuckConversations {
  /** The last answer; null until one came (a reload keeps showing it while the next is read). */
  answer: ListStuckConversationsResponse | null;
  /** When the answer came (ms): its ages are told from then, so they hold still while read. */
  answeredAt: number;
  loading: boolean;
  /** Why the last read failed. */
  error: string | null;
  /** Reads the list (again): on the tab's Reload, and after a bulk close. */
  reload: () => void;
}

/**
 * The stuck conversations (list-stuck-conversations), one state for the view: the Stuck
 * conversations tab shows the list and the health banner its count. Nothing is read while the
 * view's own lists load: the first read starts when `wanted` first turns true (the tab opened, or
 * the view's lists finished loading), once; after that only `reload` reads again.
 */
export function useStuckConversations(backend: BackendClient, wanted: boolean): StuckConversations {
  const { pending, error, run } = useAsync();
  const [answered, setAnswered] = useState<{ answer: ListStuckConversationsResponse | null; at: number }>({
    answer: null,
    at: 0,
  });
  const reload = useCallback(() => {
    void run(() => backend.call('list-stuck-conversations', {})).then((outcome) => {
      if (outcome.status === 'done') setAnswered({ answer: outcome.value, at: Date.now() });
    });
  }, [backend, run]);

  const asked = useRef(false);
  useEffect(() => {
    if (!wanted || asked.current) return;
    asked.current = true;
    reload();
  }, [wanted, reload]);

  return {
    answer: answered.answer,
    answeredAt: answered.at,
    // Loading from the render that wants it: the tab never says "none" before the first answer.
    loading: pending || (wanted && !asked.current),
    error,
    reload,
  };
}

/**
 * Whether the view's lists have finished loading (each answered or failed), once: true from then
 * on, whatever loads again later. Before the first list starts, none is loading either, so it
 * waits until it has seen one load.
 */
export function useMainLoadSettled(data: Pick<SetupData, 'sources'>): boolean {
  const loading = (Object.keys(data.sources) as SourceName[]).some((source) => data.sources[source].loading);
  const seenLoading = useRef(false);
  const [settled, setSettled] = useState(false);
  if (loading) seenLoading.current = true;
  useEffect(() => {
    if (!settled && seenLoading.current && !loading) setSettled(true);
  }, [loading, settled]);
  return settled;
}
