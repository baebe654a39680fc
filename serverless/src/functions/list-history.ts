import type { HistoryEntry, UnreadableHistoryEntry } from '../../../src/contract/types';
import { flexFunction } from '../http/flexFunction';
import { matches } from '../history/historyFilter';
import { verdictOf } from '../history/historyIntegrity';
import { HistoryStore } from '../history/historyStore';
import type { ReadItem } from '../history/storedItem';
import { decodeCursor, encodePosition } from '../lib/cursor';
import { parseListHistory } from '../lib/parseRequests';
import { remainingMs } from '../twilio/timeBudget';

/**
 * The filters are applied here, over Sync's pages (Sync cannot filter a Map), so one call reads
 * at most this many pages of 100 entries — 500 entries — and answers what matched with a cursor to
 * go on: a rare filter over a long history takes several calls, each bounded in time.
 */
export const SYNC_PAGES_PER_CALL = 5;
/** Enough matches for one page of the view: stop reading after the Sync page that reached it. */
const ENOUGH = 50;
/** Do not start another Sync page with less of the call's budget left than this. */
const RESERVE_MS = 2000;

/**
 * The change history, newest first, optionally about one address, by one identity, or of one kind;
 * the items that do not parse listed beside them (never a 500), and the chain's verdict over every
 * item read, matched or not (history/historyIntegrity.ts).
 */
export const handler = flexFunction<'list-history'>({
  name: 'list-history',
  parse: parseListHistory,
  async run({ cursor, ...filters }, { config }) {
    const store = new HistoryStore(config);
    const items: HistoryEntry[] = [];
    const unreadable: UnreadableHistoryEntry[] = [];
    const read: ReadItem[] = [];
    let position = decodeCursor(cursor);
    let more = false;
    for (let pages = 0; pages < SYNC_PAGES_PER_CALL; pages += 1) {
      const page = await store.page(position);
      items.push(...page.entries.filter((entry) => matches(entry, filters)));
      unreadable.push(...page.unreadable);
      read.push(...page.items);
      position = page.next ?? undefined;
      more = page.next !== null;
      if (!page.next || items.length >= ENOUGH || remainingMs() < RESERVE_MS) break;
    }
    const oldest = read[read.length - 1];
    const below = more && oldest?.seq !== undefined ? await store.itemBelow(oldest.seq) : undefined;
    return {
      items,
      nextCursor: encodePosition(position),
      unreadable,
      integrity: verdictOf(read, below, more),
    };
  },
});
