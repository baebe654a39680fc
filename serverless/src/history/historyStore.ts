import twilio from 'twilio';

import type { HistoryEntry } from '../../../src/contract/types';
import type { BackendConfig } from '../config';
import { pagePositionOf, type TwilioPagePosition } from '../lib/cursor';
import { createTwilioClient, type TwilioClient } from '../twilio/clientFactory';
import type { RetryPolicy } from '../twilio/retryingRequestClient';
import { parseStoredEntry, type StoredEntry } from './entryData';

/**
 * The Sync Service used when MESSAGING_SETUP_SYNC_SERVICE_SID is not set: the account's default
 * Sync Service, which every account has and Sync addresses as `default`. Not one of our own made
 * on first use: Sync Services have no unique name we can set, so concurrent first calls (a bulk
 * run) would each make one and split the history between them; a List's unique name is unique.
 */
export const DEFAULT_SYNC_SERVICE = 'default';
/** The Sync List, by unique name, that holds the entries (one item each, its index the entry's id). */
export const HISTORY_LIST_NAME = 'messaging-setup-history';

/**
 * History requests retry a 429 harder than the default: a 429 means Sync stored nothing, so
 * sending again is safe, and an entry lost to rate limiting is a change nobody can find later.
 * Short waits (Sync's Retry-After is capped), many tries, all inside the call's time budget
 * (RetryingRequestClient stops when the budget would run out).
 */
export const HISTORY_RETRY_POLICY: RetryPolicy = { maxRetries: 10, maxDelayMs: 400, baseDelayMs: 100 };

/** Sync's page size maximum for List Items. */
export const SYNC_PAGE_SIZE = 100;

const SECONDS_PER_DAY = 24 * 60 * 60;

interface Located {
  serviceSid: string;
  listSid: string;
}

/** Per warm container: where the history is, so a call does not look it up again. */
const located = new Map<string, Located>();

const isStatus = (error: unknown, status: number): boolean =>
  error instanceof twilio.RestException && error.status === status;

/** The history list in `serviceSid`, made on first use; a 409 means another call made it meanwhile. */
async function findOrCreateList(client: TwilioClient, serviceSid: string): Promise<string> {
  const lists = client.sync.v1.services(serviceSid).syncLists;
  try {
    return (await lists(HISTORY_LIST_NAME).fetch()).sid;
  } catch (error) {
    if (!isStatus(error, 404)) throw error;
  }
  try {
    return (await lists.create({ uniqueName: HISTORY_LIST_NAME })).sid;
  } catch (error) {
    if (!isStatus(error, 409)) throw error;
    return (await lists(HISTORY_LIST_NAME).fetch()).sid;
  }
}

/**
 * The change history's store: one Sync List in one Sync Service, the list made on first use and
 * remembered per warm container. When Sync says the remembered list is gone (404: deleted, a
 * sandbox reset), it is looked up again once.
 */
export class HistoryStore {
  private readonly client: TwilioClient;
  private readonly key: string;

  constructor(private readonly config: BackendConfig) {
    this.client = createTwilioClient(config, HISTORY_RETRY_POLICY);
    this.key = [config.accountSid, config.sandboxUrl ?? '', config.history.syncServiceSid ?? ''].join('|');
  }

  private async locate(): Promise<Located> {
    const known = located.get(this.key);
    if (known) return known;
    const serviceSid = this.config.history.syncServiceSid ?? DEFAULT_SYNC_SERVICE;
    const found = { serviceSid, listSid: await findOrCreateList(this.client, serviceSid) };
    located.set(this.key, found);
    return found;
  }

  /**
   * Runs `read` on the list. A 404 where a remembered location was used (the list or service is
   * gone) forgets it — unless a concurrent call already put a fresh one in its place — and tries
   * once more at the location looked up now; a 404 at a location just looked up is final.
   */
  private async withList<T>(read: (items: ReturnType<HistoryStore['items']>) => Promise<T>): Promise<T> {
    const remembered = located.get(this.key);
    try {
      return await read(this.items(remembered ?? (await this.locate())));
    } catch (error) {
      if (!isStatus(error, 404) || !remembered) throw error;
      if (located.get(this.key) === remembered) located.delete(this.key);
      return read(this.items(await this.locate()));
    }
  }

  private items({ serviceSid, listSid }: Located) {
    return this.client.sync.v1.services(serviceSid).syncLists(listSid).syncListItems;
  }

  /** Adds one entry; answers its id (the item's index). */
  async append(data: StoredEntry): Promise<string> {
    const ttl = this.config.history.retentionDays * SECONDS_PER_DAY;
    const item = await this.withList((items) => items.create({ data, ttl }));
    return String(item.index);
  }

  /** One entry by id, or undefined when there is none (never written, expired, or the list is gone). */
  async fetch(id: string): Promise<HistoryEntry | undefined> {
    try {
      const item = await this.withList((items) => items(Number(id)).fetch());
      return parseStoredEntry(String(item.index), item.data);
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  /**
   * One Sync page of entries, newest first, starting at `position` (Twilio's page position from a
   * cursor) or at the newest. Items that are not entries (written by something else) are skipped.
   */
  async page(
    position: TwilioPagePosition | undefined,
  ): Promise<{ entries: HistoryEntry[]; next: TwilioPagePosition | null }> {
    const page = await this.withList((items) =>
      items.page({ order: 'desc', pageSize: SYNC_PAGE_SIZE, ...(position ?? {}) }),
    );
    const entries = page.instances
      .map((item) => parseStoredEntry(String(item.index), item.data))
      .filter((entry): entry is HistoryEntry => entry !== undefined);
    return { entries, next: pagePositionOf(page.nextPageUrl) };
  }
}
