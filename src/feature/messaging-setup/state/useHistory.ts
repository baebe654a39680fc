import { useCallback, useEffect, useRef, useState } from 'react';

import type { HistoryEntry, ListHistoryRequest } from '../../../contract/types';
import type { BackendClient } from '../api/backendClient';
import { errorMessage } from '../errorMessage';

export type HistoryFilters = Pick<ListHistoryRequest, 'address' | 'identity' | 'kind'>;

export interface HistoryList {
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
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  // The answer of an older request (other filters, a refresh since) is dropped.
  const current = useRef(0);
  const { address, identity, kind } = filters;

  const fetchPage = useCallback(
    async (from: string | null, replace: boolean) => {
      const request = (current.current += 1);
      setLoading(true);
      setError(null);
      try {
        const page = await backend.call('list-history', {
          ...(address ? { address } : {}),
          ...(identity ? { identity } : {}),
          ...(kind ? { kind } : {}),
          ...(from ? { cursor: from } : {}),
        });
        if (request !== current.current) return;
        setEntries((shown) => (replace ? page.items : [...shown, ...page.items]));
        setCursor(page.nextCursor);
      } catch (e) {
        if (request === current.current) setError(errorMessage(e));
      } finally {
        if (request === current.current) setLoading(false);
      }
    },
    [backend, address, identity, kind],
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
