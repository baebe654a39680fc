import { useCallback, useEffect, useState } from 'react';

import type { HistoryEntry, ListHistoryRequest } from '../../../contract/types';
import type { BackendClient } from '../api/backendClient';
import { useAsync } from './useAsync';

export type HistoryFilters = Pick<ListHistoryRequest, 'address' | 'identity' | 'kind'>;

interface HistoryList {
  entries: HistoryEntry[];
  loading: boolean;
  error: string | null;
  /** More, older entries exist beyond those loaded. */
  hasMore: boolean;
  loadMore: () => void;
  /** From the newest again (after a revert added an entry). */
  refresh: () => void;
}

/**
 * The change history, newest first, one backend page at a time with the filters the backend
 * applies. Loaded when asked for (the History tab's first visit, a dialog's recent changes), never
 * with the view: opening Messaging Setup costs no history request.
 */
export function useHistory(backend: BackendClient, filters: HistoryFilters, active = true): HistoryList {
  const [entries, setEntries] = useState<HistoryEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  // The answer of an older request (other filters, a refresh since) is dropped.
  const { pending: loading, error, run } = useAsync();
  const { address, identity, kind } = filters;

  const fetchPage = useCallback(
    async (from: string | null, replace: boolean) => {
      const outcome = await run(() =>
        backend.call('list-history', {
          ...(address ? { address } : {}),
          ...(identity ? { identity } : {}),
          ...(kind ? { kind } : {}),
          ...(from ? { cursor: from } : {}),
        }),
      );
      if (outcome.status !== 'done') return;
      const page = outcome.value;
      setEntries((shown) => (replace ? page.items : [...shown, ...page.items]));
      setCursor(page.nextCursor);
    },
    [backend, address, identity, kind, run],
  );

  useEffect(() => {
    if (active) void fetchPage(null, true);
  }, [active, fetchPage, generation]);

  const loadMore = useCallback(() => {
    if (cursor) void fetchPage(cursor, false);
  }, [cursor, fetchPage]);
  const refresh = useCallback(() => setGeneration((g) => g + 1), []);

  return { entries, loading, error, hasMore: cursor !== null, loadMore, refresh };
}
