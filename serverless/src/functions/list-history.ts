import type { HistoryEntry } from '../../../src/contract/types';
import { flexFunction } from '../http/flexFunction';
import { matches } from '../history/historyFilter';
import { HistoryStore } from '../history/historyStore';
import { decodeCursor, encodePosition } from '../lib/cursor';
import { parseListHistory } from '../lib/parseRequests';
import { remainingMs } from '../twilio/timeBudget';

/**
 * The filters are applied here, over Sync's pages (Sync cannot filter a List), so one call reads
 * at most this many pages of 100 entries — 500 entries — and answers what matched with a cursor to
 * go on: a rare filter over a long history takes several calls, each bounded in time.
 */
export const SYNC_PAGES_PER_CALL = 5;
/** Enough matches for one page of the view: stop reading after the Sync page that reached it. */
const ENOUGH = 50;
/** Do not start another Sync page with less of the call's budget left than this. */
const RESERVE_MS = 2000;

/** The change history, newest first, optionally about one address, by one identity, or of one kind. */
export const handler = flexFunction<'list-history'>({
  name: 'list-history',
  parse: parseListHistory,
  async run({ cursor, ...filters }, { config }) {
    const store = new HistoryStore(config);
    const items: HistoryEntry[] = [];
    let position = decodeCursor(cursor);
    for (let pages = 0; pages < SYNC_PAGES_PER_CALL; pages += 1) {
      const page = await store.page(position);
      items.push(...page.entries.filter((entry) => matches(entry, filters)));
      position = page.next ?? undefined;
      if (!page.next || items.length >= ENOUGH || remainingMs() < RESERVE_MS) break;
    }
    return {
      items,
      nextCursor: encodePosition(position),
    };
  },
});
