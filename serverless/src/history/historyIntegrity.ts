import type { HistoryChainProblem, HistoryIntegrity } from '../../../src/contract/types';
import type { ReadItem } from './storedItem';

/** The verdict lists at most this many entries that do not match; the first (newest) is what the view names. */
const MAX_BROKEN = 50;

/**
 * The chain's verdict over consecutive items, newest first (several Sync pages of one call), and
 * `below`: the item just below the oldest, when the history goes on past what was read (undefined:
 * it is gone or there is none). Each item must be what the backend wrote at its key (its digest),
 * and each must follow the one below it: the next sequence number, and its `prev` that item's
 * digest — so an entry deleted, added or reordered outside the backend shows as well as one
 * rewritten. Carried-over entries are only checked for their own digest: before the move nothing
 * vouched for them, and their old ids may have gaps.
 */
export function verdictOf(read: ReadItem[], below: ReadItem | undefined, hasMore: boolean): HistoryIntegrity {
  const broken: { id: string; problem: HistoryChainProblem }[] = [];
  const flag = (id: string, problem: HistoryChainProblem) => {
    if (broken.length < MAX_BROKEN && !broken.some((b) => b.id === id)) broken.push({ id, problem });
  };
  const items = hasMore && below ? [...read, below] : read;
  let carriedOverThrough: number | undefined;
  for (let i = 0; i < read.length; i += 1) {
    const item = read[i];
    if (item.problem) flag(item.id, item.problem);
    if (item.carried && item.seq !== undefined) carriedOverThrough = Math.max(carriedOverThrough ?? -1, item.seq);
    const older = items[i + 1];
    if (item.seq === undefined || item.carried) continue;
    if (older === undefined) {
      // The oldest read: past it the history goes on but the item below is gone (deleted), or it
      // is the oldest there is — fine at 0, else the entries before it expired.
      if (hasMore) flag(item.id, 'missing');
      continue;
    }
    if (older.seq !== item.seq - 1) flag(item.id, 'missing');
    else if (item.chain?.prev !== older.chain?.digest) flag(item.id, 'link');
  }
  const oldest = read[read.length - 1];
  const startsAfterGap = !hasMore && oldest?.seq !== undefined && oldest.seq > 0 && !oldest.carried;
  return {
    verdict: broken.length === 0 ? 'intact' : 'broken',
    newest: read[0]?.id ?? null,
    oldest: oldest?.id ?? null,
    broken,
    ...(carriedOverThrough !== undefined ? { carriedOverThrough: String(carriedOverThrough) } : {}),
    ...(startsAfterGap ? { startsAfterGap: true } : {}),
  };
}
