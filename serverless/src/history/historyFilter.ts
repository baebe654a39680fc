import type { HistoryEntry, ListHistoryRequest } from '../../../src/contract/types';
import { isAbout, matchesHistoryFilters } from '../../../src/contract/historyFilter';

/*
 * The rule lives in the contract (src/contract/historyFilter.ts): the plugin tests' fake backend
 * answers with the same one, so the two never drift.
 */
export { isAbout };

export const matches = (entry: HistoryEntry, filters: ListHistoryRequest): boolean =>
  matchesHistoryFilters(entry, filters);
