import type { HistoryEntry, HistoryState } from '../../../src/contract/types';
import type { BackendConfig } from '../config';
import { HistoryStore } from './historyStore';

/**
 * How far back (Sync pages of 100, newest first) a retry looks for the entry of a change it finds
 * already done. A retry follows its first try within seconds, so its entry is among the newest.
 */
const PAGES_TO_LOOK = 5;

/** The newest entry that `matches`, among the newest pages; undefined when none does. */
export async function newestEntryWhere(
  config: BackendConfig,
  matches: (entry: HistoryEntry) => boolean,
): Promise<HistoryEntry | undefined> {
  const store = new HistoryStore(config);
  let position;
  for (let pages = 0; pages < PAGES_TO_LOOK; pages += 1) {
    const page = await store.page(position);
    const found = page.entries.find(matches);
    if (found || !page.next) return found;
    position = page.next;
  }
  return undefined;
}

/** The address SIDs a state names (a migration's before-state may name the address it overwrote). */
const addressSidsIn = (state: HistoryState | null): string[] =>
  state !== null && 'address' in state && state.address && typeof state.address === 'object' ? [state.address.sid] : [];

/** A succeeded entry that left address `sid` in place (a create, an update, a migration, a revert). */
export const leftAddress =
  (sid: string) =>
  (entry: HistoryEntry): boolean =>
    entry.outcome === 'succeeded' && addressSidsIn(entry.after).includes(sid);

/** A succeeded entry that removed address `sid` (a delete, or a revert that deleted it). */
export const removedAddress =
  (sid: string) =>
  (entry: HistoryEntry): boolean =>
    entry.outcome === 'succeeded' &&
    entry.resource.type === 'address' &&
    entry.resource.sid === sid &&
    entry.after === null;
