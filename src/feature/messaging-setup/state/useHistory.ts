import { useCallback, useEffect, useState } from 'react';

import type {
  HistoryEntry,
  HistoryIntegrity,
  ListHistoryRequest,
  UnreadableHistoryEntry,
} from '../../../contract/types';
import type { BackendClient } from '../api/backendClient';
import { useAsync } from './useAsync';

export type HistoryFilters = Pick<ListHistoryRequest, 'address' | 'identity' | 'kind' | 'search' | 'from' | 'to'>;

interface HistoryList {
  entries: HistoryEntry[];
  /** Items of the pages loaded that are not entries, each once (none from older backends). */
  unreadable: UnreadableHistoryEntry[];
  /** The chain's verdict over every page loaded; null when the backend gives none (older backends). */
  integrity: HistoryIntegrity | null;
  loading: boolean;
  error: string | null;
  /** More, older entries exist beyond those loaded. */
  hasMore: boolean;
  loadMore: () => void;
  /** From the newest again (after a revert added an entry). */
  refresh: () => void;
}

/** `items` without the ones whose `key` an earlier one has, in order. */
function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const id = key(item);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/**
 * The verdict over the pages loaded so far (`shown`) and the next, older one: broken if either
 * says so, with both broken lists (newest first: the older page's come after); the newest entry
 * checked is the first page's, the oldest and whether older ones expired are the latest page's.
 */
export function combineIntegrity(
  shown: HistoryIntegrity | null,
  next: HistoryIntegrity | undefined,
): HistoryIntegrity | null {
  if (!next) return shown;
  if (!shown) return next;
  const carriedOverThrough = next.carriedOverThrough ?? shown.carriedOverThrough;
  return {
    verdict: shown.verdict === 'broken' || next.verdict === 'broken' ? 'broken' : 'intact',
    newest: shown.newest ?? next.newest,
    oldest: next.oldest ?? shown.oldest,
    broken: uniqueBy([...shown.broken, ...next.broken], (b) => b.id),
    ...(carriedOverThrough !== undefined ? { carriedOverThrough } : {}),
    ...(next.startsAfterGap ? { startsAfterGap: true } : {}),
  };
}

/**
 * What the pages loaded hold, with where the next one starts and whether one is on its way: one
 * state, set at once, so no render sees a page's entries with the cursor of the page before (a
 * caller that pages on by itself, like the recent changes, would ask for that page twice).
 */
interface Loaded {
  entries: HistoryEntry[];
  unreadable: UnreadableHistoryEntry[];
  integrity: HistoryIntegrity | null;
  cursor: string | null;
  fetching: boolean;
}
const NOTHING_LOADED: Loaded = { entries: [], unreadable: [], integrity: null, cursor: null, fetching: false };

/**
 * The change history, newest first, one backend page at a time with the filters the backend
 * applies. Loaded when asked for (the History tab's first visit, a dialog's recent changes), never
 * with the view: opening Messaging Setup costs no history request.
 */
export function useHistory(backend: BackendClient, filters: HistoryFilters, active = true): HistoryList {
  // Loading from the first render when active: never "no change" before the first answer.
  const [loaded, setLoaded] = useState<Loaded>(() => ({ ...NOTHING_LOADED, fetching: active }));
  const [generation, setGeneration] = useState(0);
  // The answer of an older request (other filters, a refresh since) is dropped.
  const { pending, error, run } = useAsync();
  const { address, identity, kind, search, from: since, to: until } = filters;

  const fetchPage = useCallback(
    async (from: string | null, replace: boolean) => {
      setLoaded((was) => (was.fetching ? was : { ...was, fetching: true }));
      const outcome = await run(() =>
        backend.call('list-history', {
          ...(address ? { address } : {}),
          ...(identity ? { identity } : {}),
          ...(kind ? { kind } : {}),
          ...(search ? { search } : {}),
          ...(since ? { from: since } : {}),
          ...(until ? { to: until } : {}),
          ...(from ? { cursor: from } : {}),
        }),
      );
      // A stale answer's request was superseded: the newer one settles `fetching`.
      if (outcome.status === 'stale') return;
      if (outcome.status === 'failed') {
        setLoaded((was) => ({ ...was, fetching: false }));
        return;
      }
      const page = outcome.value;
      setLoaded((was) => {
        const shown = replace ? NOTHING_LOADED : was;
        return {
          entries: [...shown.entries, ...page.items],
          unreadable: uniqueBy([...shown.unreadable, ...(page.unreadable ?? [])], (item) => item.id),
          integrity: combineIntegrity(shown.integrity, page.integrity),
          cursor: page.nextCursor,
          fetching: false,
        };
      });
    },
    [backend, address, identity, kind, search, since, until, run],
  );

  useEffect(() => {
    if (active) void fetchPage(null, true);
  }, [active, fetchPage, generation]);

  const { cursor, fetching, ...shown } = loaded;
  const loadMore = useCallback(() => {
    if (cursor) void fetchPage(cursor, false);
  }, [cursor, fetchPage]);
  const refresh = useCallback(() => setGeneration((g) => g + 1), []);

  return { ...shown, loading: pending || fetching, error, hasMore: cursor !== null, loadMore, refresh };
}
