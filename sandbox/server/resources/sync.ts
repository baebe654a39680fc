import { created, noContent, ok, type OperationHandlers, type OperationRequest } from '../operation';
import { pageV1 } from '../pagination';
import {
  type Collection,
  SandboxAccount,
  SyncListItems,
  type SyncList,
  type SyncListItem,
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
 * The unique name of the Sync Service every account has: `/v1/Services/default/…` addresses it
 * (as Twilio's Functions and Sync examples do, `context.TWILIO_SYNC_SERVICE_SID || 'default'`).
 */
export const DEFAULT_SYNC_SERVICE = 'default';

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
    return result;
  },

  ListSyncList: (req) => ok(pageV1(listsOf(req).all(), 'lists', req)),

  CreateSyncList: (req) => {
    const { account, body } = req;
    const service = serviceOf(req);
    const lists = listsOf(req);
    const uniqueName = typeof body.UniqueName === 'string' ? body.UniqueName : null;
    if (uniqueName !== null && lists.all().some((l) => l.unique_name === uniqueName)) {
      throw new TwilioApiError(409, SYNC_UNIQUE_NAME_EXISTS_CODE, 'Unique name already exists');
    }
    const now = account.now();
    const sid = account.random.sid('ES');
    const url = `${HOST}/v1/Services/${service.sid}/Lists/${sid}`;
    const list: SyncList = {
      sid,
      unique_name: uniqueName,
      account_sid: account.accountSid,
      service_sid: service.sid,
      url,
      links: { items: `${url}/Items`, permissions: `${url}/Permissions` },
      revision: '0',
      date_expires: expiryOf(body.CollectionTtl ?? body.Ttl, now),
      date_created: isoDate(now),
      date_updated: isoDate(now),
      created_by: 'system',
    };
    return created(lists.add(list));
  },

  FetchSyncList: (req) => ok(findList(req, req.params.Sid)),

  UpdateSyncList: (req) => {
    const list = findList(req, req.params.Sid);
    const now = req.account.now();
    const ttl = req.body.CollectionTtl ?? req.body.Ttl;
    if (ttl !== undefined) list.date_expires = expiryOf(ttl, now);
    list.revision = revise(list);
    list.date_updated = isoDate(now);
    return ok(list);
  },

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
};
