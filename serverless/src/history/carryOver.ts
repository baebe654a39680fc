import type { TwilioClient } from '../twilio/clientFactory';
import { isTwilioError } from '../coordination/backendMap';
import { remainingMs } from '../twilio/timeBudget';
import { digestOf } from './chain';
import { fitEntry, MAX_ENTRY_BYTES, type StoredEntry } from './entryData';
import { keyOfSeq } from './entryId';
import { readItem, storedData } from './storedItem';

/**
 * Carrying the old store over: an account whose history was in the default Sync Service's List
 * (`messaging-setup-history`, where Flex users' tokens could write it) gets its entries copied,
 * in order, into the backend's Map, each marked `carriedOverFrom` with its old id. Each keeps its
 * id — old item index i becomes entry i — so a revert's `revertOf` still names the entry it
 * reverted (the remapping is the identity), and new entries follow the last old one.
 *
 * Idempotent and safe when two calls run it at once: every copy is a deterministic item (same
 * key, data, nonce and digest from whoever makes it), so a 409 on a copy is a copy another call
 * made, and either call can stop and the next one go on from the newest copy. A marker item in
 * MOVES_MAP_NAME says it is done, so later calls read one item and stop.
 */
const OLD_SERVICE = 'default';
const OLD_LIST_NAME = 'messaging-setup-history';
export const MOVES_MAP_NAME = 'messaging-setup-history-moves';
const MARKER_KEY = 'default-service-list';
/** Leave this much of the call's budget for its own work; the next call goes on. */
const RESERVE_MS = 2500;
/** Sync's "Map not found" (twilio.com/docs/api/errors/54200). */
const MAP_NOT_FOUND = 54200;

type MapItems = ReturnType<ReturnType<TwilioClient['sync']['v1']['services']>['syncMaps']>['syncMapItems'];

interface CarryOverContext {
  client: TwilioClient;
  serviceSid: string;
  items: MapItems;
  chainKey: Buffer;
  ttl: number;
}

const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

/** The copy of old item `index` (data as it was, marked), fitted to Sync's item size like any entry. */
function copyOf(index: number, data: unknown): StoredEntry {
  const body = (data && typeof data === 'object' && !Array.isArray(data) ? data : { value: data }) as StoredEntry;
  const marked = { ...body, carriedOverFrom: String(index) };
  return bytesOf(marked) <= MAX_ENTRY_BYTES ? marked : fitEntry(marked);
}

/** Whether the marker says the move is done; the marker's Map is made when missing (54200). */
async function isMarked(ctx: CarryOverContext): Promise<boolean> {
  const maps = ctx.client.sync.v1.services(ctx.serviceSid).syncMaps;
  try {
    await maps(MOVES_MAP_NAME).syncMapItems(MARKER_KEY).fetch();
    return true;
  } catch (error) {
    if (!isTwilioError(error, 404)) throw error;
    if (!isTwilioError(error, 404, MAP_NOT_FOUND)) return false;
  }
  try {
    await maps.create({ uniqueName: MOVES_MAP_NAME });
  } catch (error) {
    if (!isTwilioError(error, 409)) throw error;
  }
  return false;
}

/** True when the old store is carried over (or there was none); false when the budget ran out first. */
export async function carryOver(ctx: CarryOverContext): Promise<boolean> {
  if (await isMarked(ctx)) return true;
  const moves = ctx.client.sync.v1.services(ctx.serviceSid).syncMaps(MOVES_MAP_NAME).syncMapItems;
  const done = async (count: number) => {
    try {
      await moves.create({ key: MARKER_KEY, data: { count, at: new Date().toISOString() } });
    } catch (error) {
      if (!isTwilioError(error, 409)) throw error;
    }
    return true;
  };
  const oldList = ctx.client.sync.v1.services(OLD_SERVICE).syncLists(OLD_LIST_NAME);
  try {
    await oldList.fetch();
  } catch (error) {
    if (isTwilioError(error, 404)) return done(0);
    throw error;
  }
  const newestPage = await ctx.items.page({ order: 'desc', pageSize: 1 });
  const newest = newestPage.instances[0]
    ? readItem(ctx.chainKey, newestPage.instances[0].key, newestPage.instances[0].data)
    : undefined;
  // Entries of its own already follow the copies: another call finished and the backend wrote on.
  if (newest && !newest.carried) return done(-1);
  let prev = typeof newest?.chain?.digest === 'string' ? newest.chain.digest : null;
  let from = newest?.seq === undefined ? undefined : newest.seq + 1;
  let count = 0;
  for (;;) {
    const page = await oldList.syncListItems.page({
      order: 'asc',
      pageSize: 100,
      ...(from !== undefined ? { from: String(from) } : {}),
    });
    for (const old of page.instances) {
      if (remainingMs() < RESERVE_MS) return false;
      const seq = old.index;
      const entry = copyOf(seq, old.data);
      const digest = digestOf(ctx.chainKey, { seq, prev }, entry);
      try {
        await ctx.items.create({
          key: keyOfSeq(seq),
          data: storedData(entry, { seq, prev, digest }, `carry:${seq}`),
          itemTtl: ctx.ttl,
        });
      } catch (error) {
        if (!isTwilioError(error, 409)) throw error;
        const there = readItem(ctx.chainKey, keyOfSeq(seq), (await ctx.items(keyOfSeq(seq)).fetch()).data);
        // Not the copy this call would make: the copies were finished and the backend wrote on.
        if (there.chain?.digest !== digest) return done(-1);
      }
      prev = digest;
      count += 1;
    }
    if (!page.nextPageUrl || page.instances.length === 0) return done(count);
    from = page.instances[page.instances.length - 1].index + 1;
  }
}
