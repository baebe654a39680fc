import { createHash, randomUUID } from 'node:crypto';

import type { BackendConfig } from '../config';
import { HISTORY_RETRY_POLICY } from '../history/historyStore';
import { outcomeUnknown } from '../lib/writeOutcome';
import { createTwilioClient, type TwilioClient } from '../twilio/clientFactory';
import { isTwilioError, withBackendMapItems, type MapItems } from './backendMap';

/** A claim as stored: its key, the claimant's data, and the Sync revision a compare-and-set needs. */
export interface Claim<T> {
  key: string;
  data: T;
  revision: string;
}

export type ClaimResult<T> = { won: true; claim: Claim<T> } | { won: false; claim: Claim<T> };

/** The Sync Maps, by unique name, that hold the claims (one item per claimed key): this, `-0` to `-f`. */
export const CLAIMS_MAP_NAME = 'messaging-setup-claims';

/**
 * Sync limits writes and reads to 20/s per object, a Map's items counting towards their Map
 * (twilio.com/docs/sync/limits). A new conversation writes its claim three times and every change
 * takes and gives back a lease, so one Map would cap an account at about six new conversations a
 * second; spread over 16 Maps by the key's digest, about a hundred.
 */
const SHARDS = 16;

/** The Map that holds `key`'s claim: always the same one for a key, whichever call asks. */
export function claimsMapOf(key: string, mapName: string = CLAIMS_MAP_NAME): string {
  const shard = createHash('sha256').update(key).digest()[0] % SHARDS;
  return `${mapName}-${shard.toString(16)}`;
}

/**
 * Sync's answers a claim relies on (twilio.com/docs/api/errors/<code>; 54200 "Map not found" and
 * 54201 "Map Item not found" are in backendMap.ts): 54205 "Map Item revision mismatch" (HTTP 412, an `If-Match` that is
 * not the item's revision), 54208 "Map Item already exists" (HTTP 409, a create of a key the Map
 * holds: the one fact that makes a create a claim only one caller can win).
 */
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

  constructor(
    private readonly config: BackendConfig,
    private readonly mapName: string = CLAIMS_MAP_NAME,
  ) {
    this.client = createTwilioClient(config, HISTORY_RETRY_POLICY);
  }

  /** Runs `run` on the items of the Map that holds `key` (coordination/backendMap.ts). */
  private withItems<T>(key: string, run: (items: MapItems) => Promise<T>): Promise<T> {
    return withBackendMapItems(this.config, this.client, claimsMapOf(key, this.mapName), run);
  }

  /** The stored item, or undefined when there is none (never made, released, expired). */
  private async read(key: string): Promise<StoredItem | undefined> {
    try {
      return await this.withItems(key, (items) => items(key).fetch());
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
        const item = await this.withItems(key, (items) =>
          items.create({ key, data: { ...data, [NONCE_FIELD]: nonce }, ...ttlOptions(ttlSeconds) }),
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
      const item = await this.withItems(key, (items) =>
        items(key).update({
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
      this.withItems(key, (items) => items(key).remove(revision === undefined ? {} : { ifMatch: revision }));
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
