import { useCallback, useEffect, useRef, useState } from 'react';

import type { ListStuckConversationsResponse, StuckConversation } from '../../../contract/types';
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
  /** Reads the list again and answers it (null when the read failed or a newer one replaced it). */
  refresh: () => Promise<ListStuckConversationsResponse | null>;
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
  const refresh = useCallback(
    () =>
      run(() => backend.call('list-stuck-conversations', {})).then((outcome) => {
        if (outcome.status !== 'done') return null;
        setAnswered({ answer: outcome.value, at: Date.now() });
        return outcome.value;
      }),
    [backend, run],
  );
  const reload = useCallback(() => void refresh(), [refresh]);

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
    refresh,
  };
}

/**
 * The conversations a change of `address` leaves behind: open with it in a service that is not
 * Flex's, so its customers' next messages join them and reach nobody (the address's new settings
 * apply only to conversations made from now on).
 */
export const leftBehindBy = (answer: ListStuckConversationsResponse, address: string): StuckConversation[] =>
  answer.items.filter((c) => c.ourAddress === address && !c.flexService);

/**
 * Whether the view's lists have finished loading (each answered or failed), once: true from then
 * on, whatever loads again later. Read from each list's own `settled`, not from having seen it
 * loading: a fast backend can answer every list within the one render that batches their answers.
 */
export function useMainLoadSettled(data: Pick<SetupData, 'sources'>): boolean {
  return (Object.keys(data.sources) as SourceName[]).every((source) => data.sources[source].settled === true);
}
