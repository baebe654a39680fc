import { randomUUID } from 'node:crypto';

import type { BackendConfig } from '../config';
import { HISTORY_RETRY_POLICY } from '../history/historyStore';
import { outcomeUnknown } from '../lib/writeOutcome';
import { createTwilioClient, type TwilioClient } from '../twilio/clientFactory';
import { backendSyncServiceOf } from './backendSync';
import { findOrCreateByUniqueName, isTwilioError, RememberedSyncObject } from './rememberedSyncObject';

/** A claim as stored: its key, the claimant's data, and the Sync revision a compare-and-set needs. */
export interface Claim<T> {
  key: string;
  data: T;
  revision: string;
}

export type ClaimResult<T> = { won: true; claim: Claim<T> } | { won: false; claim: Claim<T> };

/** The Sync Map, by unique name, that holds the claims (one item per claimed key). */
export const CLAIMS_MAP_NAME = 'messaging-setup-claims';

/**
 * Sync's answers a claim relies on (twilio.com/docs/api/errors/<code>): 54200 "Map not found",
 * 54201 "Map Item not found", 54205 "Map Item revision mismatch" (HTTP 412, an `If-Match` that is
 * not the item's revision), 54208 "Map Item already exists" (HTTP 409, a create of a key the Map
 * holds: the one fact that makes a create a claim only one caller can win).
 */
const MAP_ITEM_NOT_FOUND = 54201;
const MAP_ITEM_REVISION_MISMATCH = 54205;
const MAP_ITEM_EXISTS = 54208;

/**
 * Who wrote an item: a fresh value per write, stored beside the claimant's data. When a write's
 * answer is lost, reading the item and finding our nonce is how we know the write was ours.
 */
const NONCE_FIELD = '_nonce';

/** How often a claim is tried when the item vanished between a refused create and the read (expired, released). */
const CLAIM_ATTEMPTS = 3;

interface StoredItem {
  key: string;
  data: unknown;
  revision: string;
}

const nonceOf = (data: unknown): unknown =>
  data && typeof data === 'object' ? (data as Record<string, unknown>)[NONCE_FIELD] : undefined;

/** The claimant's data without our bookkeeping. */
function claimOf<T>(item: StoredItem): Claim<T> {
  const { [NONCE_FIELD]: _nonce, ...data } = (item.data ?? {}) as Record<string, unknown>;
  return { key: item.key, data: data as T, revision: item.revision };
}

const ttlOptions = (ttlSeconds: number | undefined) => (ttlSeconds === undefined ? {} : { itemTtl: ttlSeconds });

/**
 * Claims that only one caller can win, in a Sync Map of the backend's Sync Service: a claim is
 * the create of the Map Item with the claim's key, which Sync refuses (409 / 54208) once the key
 * exists. The item then carries the winner's data; `replace` and `release` are compare-and-sets
 * on its revision (`If-Match`), so of several callers acting on what they read, one succeeds.
 *
 * Safe under lost answers: every write stores a nonce, and a write whose outcome is unknown (no
 * answer, a 5xx) is settled by reading the item — our nonce there means it was applied. Sync
 * requests use the history's retry policy (a 429 means Sync stored nothing, so it is retried).
 */
export class ClaimStore {
  private readonly client: TwilioClient;
  private readonly serviceSid: string;
  private readonly map: RememberedSyncObject;

  constructor(config: BackendConfig, mapName: string = CLAIMS_MAP_NAME) {
    this.client = createTwilioClient(config, HISTORY_RETRY_POLICY);
    this.serviceSid = backendSyncServiceOf(config);
    const maps = this.client.sync.v1.services(this.serviceSid).syncMaps;
    this.map = new RememberedSyncObject(
      ['claims', config.accountSid, config.sandboxUrl ?? '', this.serviceSid, mapName].join('|'),
      () =>
        findOrCreateByUniqueName(
          mapName,
          (uniqueName) => maps(uniqueName).fetch(),
          (uniqueName) => maps.create({ uniqueName }),
        ),
      // A missing item (54201) is an answer about the item; any other 404 says the map is gone.
      (error) => isTwilioError(error, 404) && !isTwilioError(error, 404, MAP_ITEM_NOT_FOUND),
    );
  }

  private items(mapSid: string) {
    return this.client.sync.v1.services(this.serviceSid).syncMaps(mapSid).syncMapItems;
  }

  /** The stored item, or undefined when there is none (never made, released, expired). */
  private async read(key: string): Promise<StoredItem | undefined> {
    try {
      return await this.map.use((mapSid) => this.items(mapSid)(key).fetch());
    } catch (error) {
      if (isTwilioError(error, 404)) return undefined;
      throw error;
    }
  }

  /**
   * Creates the item `key` with `data`: won when this call's create made it, lost (with the
   * winner's claim) when another call's did. A create refused as existing, or whose answer was
   * lost, is settled by reading the item: our nonce in it means ours won.
   */
  async claim<T extends object>(key: string, data: T, ttlSeconds?: number): Promise<ClaimResult<T>> {
    for (let attempt = 1; ; attempt += 1) {
      const nonce = randomUUID();
      try {
        const item = await this.map.use((mapSid) =>
          this.items(mapSid).create({ key, data: { ...data, [NONCE_FIELD]: nonce }, ...ttlOptions(ttlSeconds) }),
        );
        return { won: true, claim: claimOf<T>(item) };
      } catch (error) {
        if (!isTwilioError(error, 409, MAP_ITEM_EXISTS) && !outcomeUnknown(error)) throw error;
        const item = await this.read(key);
        if (item) return { won: nonceOf(item.data) === nonce, claim: claimOf<T>(item) };
        // Nothing there: our create was not applied, or the item went meanwhile. Claim again.
        if (attempt >= CLAIM_ATTEMPTS) throw error;
      }
    }
  }

  async fetch<T>(key: string): Promise<Claim<T> | undefined> {
    const item = await this.read(key);
    return item && claimOf<T>(item);
  }

  /**
   * Replaces the claim's data if (and only if) it is still at `revision`: the new claim, or
   * undefined when the revision moved (another caller replaced it first) or the item is gone.
   */
  async replace<T extends object>(
    key: string,
    revision: string,
    data: T,
    ttlSeconds?: number,
  ): Promise<Claim<T> | undefined> {
    const nonce = randomUUID();
    try {
      const item = await this.map.use((mapSid) =>
        this.items(mapSid)(key).update({
          data: { ...data, [NONCE_FIELD]: nonce },
          ifMatch: revision,
          ...ttlOptions(ttlSeconds),
        }),
      );
      return claimOf<T>(item);
    } catch (error) {
      if (isTwilioError(error, 412, MAP_ITEM_REVISION_MISMATCH) || isTwilioError(error, 404)) return undefined;
      if (!outcomeUnknown(error)) throw error;
      const item = await this.read(key);
      return item && nonceOf(item.data) === nonce ? claimOf<T>(item) : undefined;
    }
  }

  /**
   * Deletes the claim — only while it is at `revision`, when given. False when the revision moved
   * or the item was already gone. A delete whose answer was lost is settled by reading: gone is
   * done; still at `revision` means it was not applied, and it is tried once more.
   */
  async release(key: string, revision?: string): Promise<boolean> {
    const remove = () =>
      this.map.use((mapSid) => this.items(mapSid)(key).remove(revision === undefined ? {} : { ifMatch: revision }));
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await remove();
      } catch (error) {
        if (isTwilioError(error, 412, MAP_ITEM_REVISION_MISMATCH) || isTwilioError(error, 404)) return false;
        if (!outcomeUnknown(error)) throw error;
        const item = await this.read(key);
        if (!item) return true;
        if ((revision !== undefined && item.revision !== revision) || attempt >= 2) return false;
      }
    }
  }
}
