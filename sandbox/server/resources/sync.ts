import { BACKEND_SYNC_SERVICE_NAME } from '../../../src/contract/types';
import {
  created,
  noContent,
  ok,
  type OperationHandlers,
  type OperationRequest,
  type OperationResult,
} from '../operation';
import { pageV1 } from '../pagination';
import {
  type Collection,
  SandboxAccount,
  SyncListItems,
  type SyncList,
  type SyncListItem,
  type SyncMap,
  type SyncMapItem,
  type WireResource,
} from '../state';
import { invalidParameter, notFound, TwilioApiError } from '../twilioError';
import { isoDate } from '../wireFormat';
import { resourceHandlers } from './resourceHandlers';

const HOST = 'https://sync.twilio.com';

/**
 * Sync's limits, as Twilio documents them (see docs/SANDBOX.md, "Sync"):
 * - error 54006 "Request entity too large": a List Item's serialized `Data` may be at most 16 KiB;
 * - error 54011 "Invalid TTL": a TTL is an integer from 0 to 31 536 000 seconds (one year);
 * - error 54301 "Unique name already exists": unique names are unique within a service.
 */
export const SYNC_DATA_MAX_BYTES = 16 * 1024;
export const SYNC_TTL_MAX_SECONDS = 31_536_000;
export const SYNC_DATA_TOO_LARGE_CODE = 54006;
export const SYNC_INVALID_TTL_CODE = 54011;
export const SYNC_UNIQUE_NAME_EXISTS_CODE = 54301;
/**
 * Sync Maps' errors, as Twilio's error pages name them (twilio.com/docs/api/errors/<code>):
 * 54200 "Map not found", 54201 "Map Item not found", 54205 "Map Item revision mismatch" (an
 * `If-Match` that is not the item's revision), 54208 "Map Item already exists" (a create with a
 * key the Map holds), 54209 "Invalid Map Item key" (keys are 1–256 characters, the spec's `Key`).
 */
export const SYNC_MAP_NOT_FOUND_CODE = 54200;
export const SYNC_MAP_ITEM_NOT_FOUND_CODE = 54201;
export const SYNC_MAP_ITEM_REVISION_MISMATCH_CODE = 54205;
export const SYNC_MAP_ITEM_EXISTS_CODE = 54208;
export const SYNC_MAP_ITEM_INVALID_KEY_CODE = 54209;
export const SYNC_MAP_ITEM_KEY_MAX_LENGTH = 256;
/**
 * The unique name of the Sync Service every account has: `/v1/Services/default/…` addresses it
 * (as Twilio's Functions and Sync examples do, `context.TWILIO_SYNC_SERVICE_SID || 'default'`).
 */
export const DEFAULT_SYNC_SERVICE = 'default';

/** The SID of the account's backend Sync Service (ACLs on, named BACKEND_SYNC_SERVICE_NAME; every generated account has one). */
export function backendSyncServiceSid(account: SandboxAccount): string {
  const service = account.syncServices.all().find((s) => s.friendly_name === BACKEND_SYNC_SERVICE_NAME);
  if (!service) throw new Error(`the sandbox account has no Sync Service "${BACKEND_SYNC_SERVICE_NAME}"`);
  return String(service.sid);
}

export function buildSyncService(account: SandboxAccount, friendlyName: string | null): WireResource {
  const sid = account.random.sid('IS');
  const now = isoDate(account.now());
  const url = `${HOST}/v1/Services/${sid}`;
  return {
    sid,
    unique_name: null,
    account_sid: account.accountSid,
    friendly_name: friendlyName,
    date_created: now,
    date_updated: now,
    url,
    webhook_url: null,
    webhooks_from_rest_enabled: false,
    reachability_webhooks_enabled: false,
    acl_enabled: false,
    reachability_debouncing_enabled: false,
    reachability_debouncing_window: 5000,
    links: { documents: `${url}/Documents`, lists: `${url}/Lists`, maps: `${url}/Maps`, streams: `${url}/Streams` },
  };
}

/** `Ttl` / `ItemTtl` / `CollectionTtl` → `date_expires` (0 or none: never). */
function expiryOf(ttl: unknown, now: Date): string | null {
  if (ttl === undefined) return null;
  const seconds = Number(ttl);
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > SYNC_TTL_MAX_SECONDS) {
    throw new TwilioApiError(
      400,
      SYNC_INVALID_TTL_CODE,
      `Invalid TTL: must be empty or an integer between 0 and ${SYNC_TTL_MAX_SECONDS}`,
    );
  }
  return seconds === 0 ? null : isoDate(new Date(now.getTime() + seconds * 1000));
}

/** A Sync Service is addressed by its SID or its unique name (`default`). */
function serviceNamed(req: OperationRequest, sidOrName: string): WireResource {
  const { syncServices } = req.account;
  const service = syncServices.find(sidOrName) ?? syncServices.all().find((s) => s.unique_name === sidOrName);
  if (!service) throw notFound(`/v1/Services/${sidOrName}`);
  return service;
}

const serviceOf = (req: OperationRequest): WireResource => serviceNamed(req, req.params.ServiceSid);

function listsOf(req: OperationRequest): Collection<SyncList> {
  const service = serviceOf(req);
  return SandboxAccount.childOf(req.account.syncLists, service.sid, `/v1/Services/${service.sid}/Lists`);
}

/** A Sync List is addressed by its SID or its unique name. */
function findList(req: OperationRequest, sidOrName: string): SyncList {
  const lists = listsOf(req);
  const list = lists.find(sidOrName) ?? lists.all().find((l) => l.unique_name === sidOrName);
  if (!list) throw notFound(`/v1/Services/${req.params.ServiceSid}/Lists/${sidOrName}`);
  return list;
}

function itemsOf(req: OperationRequest, list: SyncList): SyncListItems {
  let items = req.account.syncListItems.get(list.sid);
  if (!items) {
    items = new SyncListItems(`/v1/Services/${String(list.service_sid)}/Lists/${list.sid}/Items`);
    req.account.syncListItems.set(list.sid, items);
  }
  return items;
}

/** `Data` is a JSON string of at most 16 KiB. */
function parseData(value: unknown): unknown {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (Buffer.byteLength(text, 'utf8') > SYNC_DATA_MAX_BYTES) {
    throw new TwilioApiError(413, SYNC_DATA_TOO_LARGE_CODE, 'Request entity too large');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalidParameter('Invalid Data: must be a JSON string');
  }
}

function revise(resource: Record<string, unknown>): string {
  return String(Number(resource.revision ?? 0) + 1);
}

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** List Item page tokens carry the index of the page's first item, so new items never shift a page. */
const encodeIndexToken = (index: number) => `PI${index.toString(16).toUpperCase().padStart(8, '0')}`;
function decodeIndexToken(token: string): number {
  const match = /^PI([0-9A-F]{8})$/.exec(token);
  if (!match) throw invalidParameter(`Invalid PageToken: ${token}`);
  return parseInt(match[1], 16);
}

/**
 * A page of List Items, by index in `Order` from `From` (`Bounds`: inclusive by default). The next
 * page's link starts at the first item not shown, by index, as Sync's own do: an item added while
 * a client pages through (history entries are added all the time) does not repeat or hide one.
 */
function pageOfItems(req: OperationRequest, all: SyncListItem[]) {
  const descending = single(req.query.Order) === 'desc';
  const pageSize = Math.max(
    1,
    Math.min(req.paging.maxSize, Math.floor(Number(single(req.query.PageSize) ?? req.paging.defaultSize))),
  );
  const page = Math.max(0, Math.floor(Number(single(req.query.Page) ?? 0)));
  const token = single(req.query.PageToken);
  const from = single(req.query.From);
  const exclusive = !token && single(req.query.Bounds) === 'exclusive';
  const start = token ? decodeIndexToken(token) : from !== undefined && from !== '' ? Number(from) : undefined;
  if (start !== undefined && !Number.isInteger(start)) throw invalidParameter(`Invalid From: ${String(from)}`);
  const ordered = descending ? [...all].reverse() : all;
  const inRange = ordered.filter((item) => {
    if (start === undefined) return true;
    if (exclusive && item.index === start) return false;
    return descending ? item.index <= start : item.index >= start;
  });
  const items = inRange.slice(0, pageSize);
  const next = inRange[pageSize];
  const base = `${HOST}${req.path}`;
  const query = (pageNumber: number, pageToken?: string) => {
    const params = new URLSearchParams();
    for (const name of ['Order', 'From', 'Bounds']) {
      const value = single(req.query[name]);
      if (value !== undefined && !(pageToken && name !== 'Order')) params.set(name, value);
    }
    params.set('PageSize', String(pageSize));
    params.set('Page', String(pageNumber));
    if (pageToken) params.set('PageToken', pageToken);
    return params.toString();
  };
  return {
    items,
    meta: {
      page,
      page_size: pageSize,
      first_page_url: `${base}?${query(0)}`,
      previous_page_url: null,
      url: `${base}?${query(page, token)}`,
      next_page_url: next ? `${base}?${query(page + 1, encodeIndexToken(next.index))}` : null,
      key: 'items',
    },
  };
}

function mapsOf(req: OperationRequest): Collection<SyncMap> {
  const service = serviceOf(req);
  return SandboxAccount.childOf(req.account.syncMaps, service.sid, `/v1/Services/${service.sid}/Maps`);
}

/** A Sync Map is addressed by its SID or its unique name; a missing one is 404 / 54200. */
function findMap(req: OperationRequest, sidOrName: string): SyncMap {
  const maps = mapsOf(req);
  const map = maps.find(sidOrName) ?? maps.all().find((m) => m.unique_name === sidOrName);
  if (!map) throw new TwilioApiError(404, SYNC_MAP_NOT_FOUND_CODE, `Map not found: ${sidOrName}`);
  return map;
}

const isExpired = (resource: { date_expires?: unknown }, now: Date): boolean =>
  typeof resource.date_expires === 'string' && Date.parse(resource.date_expires) <= now.getTime();

/**
 * The live items of a Map, by key. An expired item is dropped on the first read after its
 * expiry, so it reads as missing and its key is free again (Sync deletes expired items, if not
 * at once: a client can never rely on reading one).
 */
function mapItemsOf(req: OperationRequest, map: SyncMap): Map<string, SyncMapItem> {
  let items = req.account.syncMapItems.get(map.sid);
  if (!items) {
    items = new Map();
    req.account.syncMapItems.set(map.sid, items);
  }
  const now = req.account.peekNow();
  for (const [key, item] of items) if (isExpired(item, now)) items.delete(key);
  return items;
}

function mapItemOf(req: OperationRequest, map: SyncMap, key: string): SyncMapItem {
  const item = mapItemsOf(req, map).get(key);
  if (!item) throw new TwilioApiError(404, SYNC_MAP_ITEM_NOT_FOUND_CODE, `Map Item not found: ${key}`);
  return item;
}

function checkKey(key: unknown): string {
  if (typeof key !== 'string' || key.length < 1 || key.length > SYNC_MAP_ITEM_KEY_MAX_LENGTH) {
    throw new TwilioApiError(
      400,
      SYNC_MAP_ITEM_INVALID_KEY_CODE,
      `Invalid Map Item key: must be 1 to ${SYNC_MAP_ITEM_KEY_MAX_LENGTH} characters`,
    );
  }
  return key;
}

/** `If-Match`, when sent, must be the item's current revision: the compare of Sync's compare-and-set. */
function checkRevision(req: OperationRequest, item: SyncMapItem): void {
  const expected = req.headers['if-match'];
  if (expected !== undefined && expected !== item.revision) {
    throw new TwilioApiError(
      412,
      SYNC_MAP_ITEM_REVISION_MISMATCH_CODE,
      'The actual revision of the Map Item does not match the expected revision',
    );
  }
}

/** Sync sends an item's revision as its `ETag` (the value `If-Match` takes; error 54205's page). */
const withETag = (result: OperationResult, item: SyncMapItem): OperationResult => ({
  ...result,
  headers: { ETag: item.revision },
});

/** Map Item page tokens carry the key of the page's first item, so items added meanwhile do not shift a page. */
const encodeKeyToken = (key: string) => `PK${Buffer.from(key, 'utf8').toString('base64url')}`;
function decodeKeyToken(token: string): string {
  const match = /^PK([A-Za-z0-9_-]+)$/.exec(token);
  if (!match) throw invalidParameter(`Invalid PageToken: ${token}`);
  return Buffer.from(match[1], 'base64url').toString('utf8');
}

/** Lexicographic by key, as Sync orders Map Items (by UTF-16 code unit here; keys are usually ASCII). */
const byKey = (a: SyncMapItem, b: SyncMapItem): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * A page of Map Items, by key in `Order` from `From` (`Bounds`: inclusive by default). As with
 * List Items, the next page's link starts at the first key not shown.
 */
function pageOfMapItems(req: OperationRequest, all: SyncMapItem[]) {
  const descending = single(req.query.Order) === 'desc';
  const pageSize = Math.max(
    1,
    Math.min(req.paging.maxSize, Math.floor(Number(single(req.query.PageSize) ?? req.paging.defaultSize))),
  );
  const page = Math.max(0, Math.floor(Number(single(req.query.Page) ?? 0)));
  const token = single(req.query.PageToken);
  const from = single(req.query.From);
  const exclusive = !token && single(req.query.Bounds) === 'exclusive';
  const start = token ? decodeKeyToken(token) : from !== undefined && from !== '' ? from : undefined;
  const ordered = descending ? [...all].sort(byKey).reverse() : [...all].sort(byKey);
  const inRange = ordered.filter((item) => {
    if (start === undefined) return true;
    if (exclusive && item.key === start) return false;
    return descending ? item.key <= start : item.key >= start;
  });
  const items = inRange.slice(0, pageSize);
  const next = inRange[pageSize];
  const base = `${HOST}${req.path}`;
  const query = (pageNumber: number, pageToken?: string) => {
    const params = new URLSearchParams();
    for (const name of ['Order', 'From', 'Bounds']) {
      const value = single(req.query[name]);
      if (value !== undefined && !(pageToken && name !== 'Order')) params.set(name, value);
    }
    params.set('PageSize', String(pageSize));
    params.set('Page', String(pageNumber));
    if (pageToken) params.set('PageToken', pageToken);
    return params.toString();
  };
  return {
    items,
    meta: {
      page,
      page_size: pageSize,
      first_page_url: `${base}?${query(0)}`,
      previous_page_url: null,
      url: `${base}?${query(page, token)}`,
      next_page_url: next ? `${base}?${query(page + 1, encodeKeyToken(next.key))}` : null,
      key: 'items',
    },
  };
}

/**
 * A new Sync List or Map (the two collections share their shape): its unique name unique in the
 * service (409 54301), its SID prefix and path segment its kind's.
 */
function newCollection(
  req: OperationRequest,
  existing: readonly (SyncList | SyncMap)[],
  kind: { prefix: 'ES' | 'MP'; segment: 'Lists' | 'Maps' },
): SyncList & SyncMap {
  const { account, body } = req;
  const service = serviceOf(req);
  const uniqueName = typeof body.UniqueName === 'string' ? body.UniqueName : null;
  if (uniqueName !== null && existing.some((c) => c.unique_name === uniqueName)) {
    throw new TwilioApiError(409, SYNC_UNIQUE_NAME_EXISTS_CODE, 'Unique name already exists');
  }
  const now = account.now();
  return buildCollection(account, service.sid, uniqueName, kind, now, expiryOf(body.CollectionTtl ?? body.Ttl, now));
}

function buildCollection(
  account: SandboxAccount,
  serviceSid: string,
  uniqueName: string | null,
  kind: { prefix: 'ES' | 'MP'; segment: 'Lists' | 'Maps' },
  now: Date,
  expires: string | null,
): SyncList & SyncMap {
  const sid = account.random.sid(kind.prefix);
  const url = `${HOST}/v1/Services/${serviceSid}/${kind.segment}/${sid}`;
  return {
    sid,
    unique_name: uniqueName,
    account_sid: account.accountSid,
    service_sid: serviceSid,
    url,
    links: { items: `${url}/Items`, permissions: `${url}/Permissions` },
    revision: '0',
    date_expires: expires,
    date_created: isoDate(now),
    date_updated: isoDate(now),
    created_by: 'system',
  };
}

/** A new Map Item, as a create over REST makes it. */
function buildMapItem(
  account: SandboxAccount,
  map: SyncMap,
  key: string,
  data: unknown,
  now: Date,
  expires: string | null,
): SyncMapItem {
  return {
    key,
    account_sid: account.accountSid,
    service_sid: map.service_sid,
    map_sid: map.sid,
    url: `${String(map.url)}/Items/${encodeURIComponent(key)}`,
    revision: '0',
    data,
    date_expires: expires,
    date_created: isoDate(now),
    date_updated: isoDate(now),
    created_by: 'system',
  };
}

/**
 * Seeds an item as a create over REST would leave it (the demo account's set-aside marks): in
 * the Map of that unique name in `serviceSid`, made when absent; a key already there is replaced.
 */
export function seedSyncMapItem(
  account: SandboxAccount,
  serviceSid: string,
  mapName: string,
  key: string,
  data: Record<string, unknown>,
): void {
  const maps = SandboxAccount.childOf(account.syncMaps, serviceSid, `/v1/Services/${serviceSid}/Maps`);
  const map =
    maps.all().find((m) => m.unique_name === mapName) ??
    maps.add(buildCollection(account, serviceSid, mapName, { prefix: 'MP', segment: 'Maps' }, account.now(), null));
  let items = account.syncMapItems.get(map.sid);
  if (!items) {
    items = new Map();
    account.syncMapItems.set(map.sid, items);
  }
  items.set(key, buildMapItem(account, map, key, data, account.now(), null));
}

/** A List's or Map's TTL update: a new expiry when given, a new revision either way. */
function updateCollection<T extends SyncList | SyncMap>(req: OperationRequest, collection: T): T {
  const now = req.account.now();
  const ttl = req.body.CollectionTtl ?? req.body.Ttl;
  if (ttl !== undefined) collection.date_expires = expiryOf(ttl, now);
  collection.revision = revise(collection);
  collection.date_updated = isoDate(now);
  return collection;
}

const services = resourceHandlers((req) => req.account.syncServices);

export const syncHandlers: OperationHandlers = {
  ListService: (req) => ok(pageV1(req.account.syncServices.all(), 'services', req)),

  CreateService: ({ account, body }) => {
    const service = buildSyncService(account, typeof body.FriendlyName === 'string' ? body.FriendlyName : null);
    for (const [param, field] of [
      ['WebhookUrl', 'webhook_url'],
      ['ReachabilityWebhooksEnabled', 'reachability_webhooks_enabled'],
      ['AclEnabled', 'acl_enabled'],
      ['ReachabilityDebouncingEnabled', 'reachability_debouncing_enabled'],
      ['ReachabilityDebouncingWindow', 'reachability_debouncing_window'],
      ['WebhooksFromRestEnabled', 'webhooks_from_rest_enabled'],
    ] as const) {
      if (body[param] !== undefined) service[field] = body[param];
    }
    return created(account.syncServices.add(service));
  },

  FetchService: services.fetch,
  UpdateService: services.update,

  DeleteService: (req) => {
    const result = services.remove(req);
    for (const list of req.account.syncLists.get(req.params.Sid)?.all() ?? [])
      req.account.syncListItems.delete(list.sid);
    req.account.syncLists.delete(req.params.Sid);
    for (const map of req.account.syncMaps.get(req.params.Sid)?.all() ?? []) req.account.syncMapItems.delete(map.sid);
    req.account.syncMaps.delete(req.params.Sid);
    return result;
  },

  ListSyncList: (req) => ok(pageV1(listsOf(req).all(), 'lists', req)),

  CreateSyncList: (req) => {
    const lists = listsOf(req);
    return created(lists.add(newCollection(req, lists.all(), { prefix: 'ES', segment: 'Lists' })));
  },

  FetchSyncList: (req) => ok(findList(req, req.params.Sid)),

  UpdateSyncList: (req) => ok(updateCollection(req, findList(req, req.params.Sid))),

  DeleteSyncList: (req) => {
    const list = findList(req, req.params.Sid);
    listsOf(req).remove(list.sid);
    req.account.syncListItems.delete(list.sid);
    return noContent();
  },

  ListSyncListItem: (req) => ok(pageOfItems(req, itemsOf(req, findList(req, req.params.ListSid)).all())),

  CreateSyncListItem: (req) => {
    const { account, body } = req;
    const list = findList(req, req.params.ListSid);
    const data = parseData(body.Data);
    const now = account.now();
    // ItemTtl wins over its alias Ttl (the spec: "If both parameters are provided, this value is ignored").
    const expires = expiryOf(body.ItemTtl ?? body.Ttl, now);
    if (body.CollectionTtl !== undefined) list.date_expires = expiryOf(body.CollectionTtl, now);
    const item = itemsOf(req, list).add((index) => ({
      index,
      account_sid: account.accountSid,
      service_sid: list.service_sid,
      list_sid: list.sid,
      url: `${String(list.url)}/Items/${index}`,
      revision: '0',
      data,
      date_expires: expires,
      date_created: isoDate(now),
      date_updated: isoDate(now),
      created_by: 'system',
    }));
    return created(item);
  },

  FetchSyncListItem: (req) => ok(itemsOf(req, findList(req, req.params.ListSid)).get(Number(req.params.Index))),

  UpdateSyncListItem: (req) => {
    const item = itemsOf(req, findList(req, req.params.ListSid)).get(Number(req.params.Index));
    const now = req.account.now();
    if (req.body.Data !== undefined) item.data = parseData(req.body.Data);
    const ttl = req.body.ItemTtl ?? req.body.Ttl;
    if (ttl !== undefined) item.date_expires = expiryOf(ttl, now);
    item.revision = revise(item);
    item.date_updated = isoDate(now);
    return ok(item);
  },

  DeleteSyncListItem: (req) => {
    itemsOf(req, findList(req, req.params.ListSid)).remove(Number(req.params.Index));
    return noContent();
  },

  ListSyncMap: (req) => ok(pageV1(mapsOf(req).all(), 'maps', req)),

  CreateSyncMap: (req) => {
    const maps = mapsOf(req);
    return created(maps.add(newCollection(req, maps.all(), { prefix: 'MP', segment: 'Maps' })));
  },

  FetchSyncMap: (req) => ok(findMap(req, req.params.Sid)),

  UpdateSyncMap: (req) => ok(updateCollection(req, findMap(req, req.params.Sid))),

  DeleteSyncMap: (req) => {
    const map = findMap(req, req.params.Sid);
    mapsOf(req).remove(map.sid);
    req.account.syncMapItems.delete(map.sid);
    return noContent();
  },

  ListSyncMapItem: (req) => {
    const map = findMap(req, req.params.MapSid);
    return ok(pageOfMapItems(req, [...mapItemsOf(req, map).values()]));
  },

  /** The create that only one caller can win: a key the Map holds is 409 / 54208, nothing changed. */
  CreateSyncMapItem: (req) => {
    const { account, body } = req;
    const map = findMap(req, req.params.MapSid);
    const key = checkKey(body.Key);
    const data = parseData(body.Data);
    const items = mapItemsOf(req, map);
    if (items.has(key)) {
      throw new TwilioApiError(409, SYNC_MAP_ITEM_EXISTS_CODE, 'A Map Item with given key already exists in the Map');
    }
    const now = account.now();
    const expires = expiryOf(body.ItemTtl ?? body.Ttl, now);
    if (body.CollectionTtl !== undefined) map.date_expires = expiryOf(body.CollectionTtl, now);
    const item = buildMapItem(account, map, key, data, now, expires);
    items.set(key, item);
    return withETag(created(item), item);
  },

  FetchSyncMapItem: (req) => {
    const item = mapItemOf(req, findMap(req, req.params.MapSid), req.params.Key);
    return withETag(ok(item), item);
  },

  UpdateSyncMapItem: (req) => {
    const item = mapItemOf(req, findMap(req, req.params.MapSid), req.params.Key);
    checkRevision(req, item);
    // Validate everything before changing anything: a refused update leaves the item as it was.
    const data = req.body.Data !== undefined ? parseData(req.body.Data) : item.data;
    const now = req.account.now();
    const ttl = req.body.ItemTtl ?? req.body.Ttl;
    const expires = ttl !== undefined ? expiryOf(ttl, now) : item.date_expires;
    const map = findMap(req, req.params.MapSid);
    if (req.body.CollectionTtl !== undefined) map.date_expires = expiryOf(req.body.CollectionTtl, now);
    item.data = data;
    item.date_expires = expires;
    item.revision = revise(item);
    item.date_updated = isoDate(now);
    return withETag(ok(item), item);
  },

  DeleteSyncMapItem: (req) => {
    const map = findMap(req, req.params.MapSid);
    const item = mapItemOf(req, map, req.params.Key);
    checkRevision(req, item);
    mapItemsOf(req, map).delete(item.key);
    return noContent();
  },
};
