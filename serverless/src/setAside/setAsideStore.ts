import { randomUUID } from 'node:crypto';

import { SET_ASIDE_MAP_NAME, setAsideKeyOf } from '../../../src/contract/setAside';
import { SET_ASIDE_CHANNELS, type SetAsideChannel, type SetAsideMark } from '../../../src/contract/types';

// One key and Map name for the backend, the sandbox's seed and the tests (contract/setAside.ts).
export { SET_ASIDE_MAP_NAME, setAsideKeyOf };
import type { BackendConfig } from '../config';
import { isTwilioError, MAP_ITEM_NOT_FOUND, withBackendMapItems, type MapItems } from '../coordination/backendMap';
import { HISTORY_RETRY_POLICY } from '../history/historyStore';
import { isRecord } from '../lib/parseRequests';
import { outcomeUnknown } from '../lib/writeOutcome';
import { createTwilioClient, type TwilioClient } from '../twilio/clientFactory';

/** Marks read per list: an account sets aside a few of its numbers, far fewer than this. */
export const SET_ASIDE_LIST_MAX = 1000;

/**
 * Sync's answers a compare-and-set relies on (twilio.com/docs/api/errors/<code>): 54205 "Map Item
 * revision mismatch" (HTTP 412, an `If-Match` that is not the item's revision), 54208 "Map Item
 * already exists" (HTTP 409, a create of a key the Map holds).
 */
const MAP_ITEM_REVISION_MISMATCH = 54205;
const MAP_ITEM_EXISTS = 54208;

/** Who wrote an item: a fresh value per write, so a write whose answer was lost is known by reading it. */
const NONCE_FIELD = '_nonce';

/** An item's data as a mark, or null when it is not one (written or changed outside the backend). */
function markOf(key: string, data: unknown): SetAsideMark | null {
  if (!isRecord(data)) return null;
  const { channel, address, reason, by, at } = data;
  if (!SET_ASIDE_CHANNELS.includes(channel as SetAsideChannel)) return null;
  if (typeof address !== 'string' || typeof by !== 'string' || typeof at !== 'string') return null;
  if (reason !== null && typeof reason !== 'string') return null;
  // A mark at another number's key is nobody's mark.
  if (setAsideKeyOf(channel as SetAsideChannel, address) !== key) return null;
  return { channel: channel as SetAsideChannel, address, reason, by, at };
}

/** What a key holds now: its mark (null: an item that is not one) and the revision a compare-and-set needs. */
export interface StoredMark {
  mark: SetAsideMark | null;
  revision: string;
  nonce: unknown;
}

/** How a compare-and-set ended: applied, or the item was not at the revision read (read again and decide again). */
export type MarkWrite = 'applied' | 'moved';

export const sameMark = (a: SetAsideMark | null, b: SetAsideMark | null): boolean =>
  a === null || b === null
    ? a === b
    : a.channel === b.channel && a.address === b.address && a.reason === b.reason && a.by === b.by && a.at === b.at;

/**
 * The set-aside marks: one Sync Map item per number or sender, in the backend's own Sync Service
 * (history/historyLocation.ts; the Map made on first use, as the history's is), where no Flex
 * token can write. Every write is a compare-and-set against the revision read — a create (which
 * Sync refuses once the key exists), an update or a delete with `If-Match` — so a write never
 * lands on a mark it did not read; a write whose answer was lost is settled by reading (our nonce
 * there, or the item gone, means it was applied).
 */
export class SetAsideStore {
  private readonly client: TwilioClient;

  constructor(private readonly config: BackendConfig) {
    this.client = createTwilioClient(config, HISTORY_RETRY_POLICY);
  }

  /** `whenMissing`: what a read answers while the Map is not made yet (a read never makes it). */
  private withItems<T>(run: (items: MapItems) => Promise<T>, whenMissing?: () => T): Promise<T> {
    return withBackendMapItems(this.config, this.client, SET_ASIDE_MAP_NAME, run, whenMissing);
  }

  /** Every mark, by address; items that are not marks are left out. */
  async list(): Promise<SetAsideMark[]> {
    const items = await this.withItems(
      (map) => map.list({ pageSize: 100, limit: SET_ASIDE_LIST_MAX }),
      () => [],
    );
    return items
      .flatMap((item) => {
        const mark = markOf(item.key, item.data);
        return mark ? [mark] : [];
      })
      .sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : a.channel < b.channel ? -1 : 1));
  }

  /** What `key` holds now, or undefined when nothing. */
  async read(key: string): Promise<StoredMark | undefined> {
    try {
      // No Map yet: no mark yet (the write that follows makes the Map).
      const item = await this.withItems<Awaited<ReturnType<ReturnType<MapItems>['fetch']>> | undefined>(
        (map) => map(key).fetch(),
        () => undefined,
      );
      if (!item) return undefined;
      const data: unknown = item.data;
      return {
        mark: markOf(key, data),
        revision: item.revision,
        nonce: isRecord(data) ? data[NONCE_FIELD] : undefined,
      };
    } catch (error) {
      if (isTwilioError(error, 404, MAP_ITEM_NOT_FOUND)) return undefined;
      throw error;
    }
  }

  /**
   * Puts `mark` at `key` (null: removes it) if the key is still as read: nothing there when
   * `read` is undefined, else at `read.revision`. 'moved' when it is not (nothing written).
   */
  async write(key: string, read: StoredMark | undefined, mark: SetAsideMark | null): Promise<MarkWrite> {
    const nonce = randomUUID();
    const data = mark && { ...mark, [NONCE_FIELD]: nonce };
    try {
      if (data === null) {
        // Nothing there to remove: already as asked (the caller answers that without a write).
        if (!read) return 'applied';
        await this.withItems((map) => map(key).remove({ ifMatch: read.revision }));
      } else if (!read) {
        await this.withItems((map) => map.create({ key, data }));
      } else {
        await this.withItems((map) => map(key).update({ data, ifMatch: read.revision }));
      }
      return 'applied';
    } catch (error) {
      if (isTwilioError(error, 412, MAP_ITEM_REVISION_MISMATCH)) return 'moved';
      if (isTwilioError(error, 409, MAP_ITEM_EXISTS)) return 'moved';
      if (isTwilioError(error, 404, MAP_ITEM_NOT_FOUND)) {
        // Gone when we meant to remove it: as asked (a remove whose lost answer the client sent
        // again finds it gone too). Gone when we meant to update it: read again.
        return data === null ? 'applied' : 'moved';
      }
      if (!outcomeUnknown(error)) throw error;
      const now = await this.read(key);
      if (data === null ? now === undefined : now?.nonce === nonce) return 'applied';
      // Not ours: not applied (or another write followed). Still at what was read: not applied; read again.
      return 'moved';
    }
  }
}
