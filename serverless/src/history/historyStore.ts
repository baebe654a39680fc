import { randomUUID } from 'node:crypto';

import type { HistoryEntry, UnreadableHistoryEntry } from '../../../src/contract/types';
import type { BackendConfig } from '../config';
import { isTwilioError, MAP_ITEM_NOT_FOUND, withBackendMapItems, type MapItems } from '../coordination/backendMap';
import { BackendError } from '../http/backendError';
import { pagePositionOf, type TwilioPagePosition } from '../lib/cursor';
import { outcomeUnknown } from '../lib/writeOutcome';
import { createTwilioClient, type TwilioClient } from '../twilio/clientFactory';
import type { RetryPolicy } from '../twilio/retryingRequestClient';
import { remainingMs } from '../twilio/timeBudget';
import { chainKeyOf, digestOf } from './chain';
import type { StoredEntry } from './entryData';
import { idOfSeq, keyOfSeq, seqOfId } from './entryId';
import { carryOver } from './carryOver';
import { readItem, storedData, type ReadItem } from './storedItem';

/** The Sync Map, by unique name in the backend's own service, that holds the entries (one item each). */
export const HISTORY_MAP_NAME = 'messaging-setup-history';

/**
 * History requests retry a 429 harder than the default: a 429 means Sync stored nothing, so
 * sending again is safe, and an entry lost to rate limiting is a change nobody can find later.
 */
export const HISTORY_RETRY_POLICY: RetryPolicy = { maxRetries: 10, maxDelayMs: 400, baseDelayMs: 100 };

/** Sync's page size maximum for Map Items is larger, but the view reads 100 at a time as it did. */
export const SYNC_PAGE_SIZE = 100;
const SECONDS_PER_DAY = 24 * 60 * 60;
/** Stop trying to append with less than this left of the call's budget (the change is already done). */
const APPEND_RESERVE_MS = 500;

export type EntryVerification =
  | { found: false }
  | { found: true; readable: false; unreadable: UnreadableHistoryEntry }
  | { found: true; readable: true; entry: HistoryEntry };

export interface HistoryPage {
  entries: HistoryEntry[];
  unreadable: UnreadableHistoryEntry[];
  /** Every item of the page, newest first, for the chain's verdict (historyIntegrity.ts). */
  items: ReadItem[];
  next: TwilioPagePosition | null;
}

/**
 * The change history's store: a Sync Map in the backend's own Sync Service (historyLocation.ts),
 * one item per entry keyed by its zero-padded sequence number, each chained to the one before by
 * a keyed digest (chain.ts). Creating an item with a key the Map holds is refused (409 / 54208):
 * that makes the sequence linear under concurrent appends, one winner per number.
 */
export class HistoryStore {
  private readonly client: TwilioClient;
  private readonly chainKey: Buffer;
  private carriedOver = false;

  constructor(private readonly config: BackendConfig) {
    this.client = createTwilioClient(config, HISTORY_RETRY_POLICY);
    this.chainKey = chainKeyOf(config);
  }

  /** Runs `run` on the history Map's items (coordination/backendMap.ts). */
  private withItems<T>(run: (items: MapItems, serviceSid: string) => Promise<T>): Promise<T> {
    return withBackendMapItems(this.config, this.client, HISTORY_MAP_NAME, run);
  }

  /**
   * Carries the old store's entries over (carryOver.ts): its marker is read once per call, so an
   * account moved by another container, or a sandbox reset, is seen. False while unfinished.
   */
  private async ensureCarriedOver(): Promise<boolean> {
    if (this.carriedOver) return true;
    this.carriedOver = await this.withItems((items, serviceSid) =>
      carryOver({ client: this.client, serviceSid, items, chainKey: this.chainKey, ttl: this.ttl() }),
    );
    return this.carriedOver;
  }

  private ttl(): number {
    return this.config.history.retentionDays * SECONDS_PER_DAY;
  }

  /** The newest item, or undefined when the history is empty. */
  private async newest(items: MapItems): Promise<ReadItem | undefined> {
    const page = await items.page({ order: 'desc', pageSize: 1 });
    const item = page.instances[0];
    return item ? readItem(this.chainKey, item.key, item.data) : undefined;
  }

  private async itemAt(items: MapItems, seq: number): Promise<ReadItem | undefined> {
    try {
      const item = await items(keyOfSeq(seq)).fetch();
      return readItem(this.chainKey, item.key, item.data);
    } catch (error) {
      if (isTwilioError(error, 404, MAP_ITEM_NOT_FOUND)) return undefined;
      throw error;
    }
  }

  /**
   * Adds one entry after the newest; answers its id. A create refused as existing (409) means
   * another call took that number: read the winner and try the next. A create whose answer was
   * lost is settled by reading its key: our nonce there means it is ours (no duplicate), nothing
   * there means it was not made, and the same key is tried again (no missing entry).
   */
  async append(data: StoredEntry): Promise<string> {
    if (!(await this.ensureCarriedOver())) {
      throw new BackendError(503, 'history_moving', { key: 'MessagingSetupRefusalHistoryMoving' });
    }
    const nonce = randomUUID();
    return this.withItems(async (items) => {
      let below = await this.newest(items);
      for (let attempt = 0; ; attempt += 1) {
        const seq = below?.seq === undefined ? 0 : below.seq + 1;
        const prev = typeof below?.chain?.digest === 'string' ? below.chain.digest : null;
        const chain = { seq, prev, digest: digestOf(this.chainKey, { seq, prev }, data) };
        const outcome = await this.createAt(items, seq, storedData(data, chain, nonce), nonce);
        if (outcome === 'ours') return idOfSeq(seq);
        if (remainingMs() < APPEND_RESERVE_MS) throw outcome.error;
        // Taken: the winner is the item to follow. A short random pause spreads a bulk run's retries.
        below = outcome.taken ?? (await this.newest(items));
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 5 * (attempt + 1))));
      }
    });
  }

  private async createAt(
    items: MapItems,
    seq: number,
    data: Record<string, unknown>,
    nonce: string,
  ): Promise<'ours' | { taken: ReadItem | undefined; error: unknown }> {
    const key = keyOfSeq(seq);
    for (;;) {
      try {
        await items.create({ key, data, itemTtl: this.ttl() });
        return 'ours';
      } catch (error) {
        if (!isTwilioError(error, 409) && !outcomeUnknown(error)) throw error;
        const there = await this.itemAt(items, seq);
        if (there?.nonce === nonce) return 'ours';
        if (there) return { taken: there, error };
        // Nothing there after a lost answer: it was not made; the same key again (our nonce decides).
        if (remainingMs() < APPEND_RESERVE_MS) throw error;
      }
    }
  }

  /** One entry by id (its standing against the chain in `chain`), or undefined: none, not an id, unreadable. */
  async fetch(id: string): Promise<HistoryEntry | undefined> {
    const verification = await this.verifyEntry(id);
    return verification.found && verification.readable ? verification.entry : undefined;
  }

  /**
   * One entry and whether it is what the backend wrote (`entry.chain`: `failed` is not to be
   * reverted). An id with another spelling than its number's ("00") names nothing.
   */
  async verifyEntry(id: string): Promise<EntryVerification> {
    const seq = seqOfId(id);
    if (seq === undefined) return { found: false };
    await this.ensureCarriedOver();
    const item = await this.withItems((items) => this.itemAt(items, seq));
    if (!item) return { found: false };
    if (!item.entry) return { found: true, readable: false, unreadable: item.unreadable ?? { id } };
    return { found: true, readable: true, entry: item.entry };
  }

  /** The item just below `seq` (for the chain's check across a page boundary), or undefined when gone. */
  async itemBelow(seq: number): Promise<ReadItem | undefined> {
    if (seq <= 0) return undefined;
    return this.withItems((items) => this.itemAt(items, seq - 1));
  }

  /**
   * One Sync page of entries, newest first, from `position` (Twilio's page position from a cursor)
   * or the newest. Items that do not parse are listed as unreadable beside the entries.
   */
  async page(position: TwilioPagePosition | undefined): Promise<HistoryPage> {
    await this.ensureCarriedOver();
    const page = await this.withItems((items) =>
      items.page({ order: 'desc', pageSize: SYNC_PAGE_SIZE, ...(position ?? {}) }),
    );
    const read = page.instances.map((item) => readItem(this.chainKey, item.key, item.data));
    return {
      entries: read.flatMap((item) => (item.entry ? [item.entry] : [])),
      unreadable: read.flatMap((item) => (item.unreadable ? [item.unreadable] : [])),
      items: read,
      next: pagePositionOf(page.nextPageUrl),
    };
  }
}
