/**
 * Answers to the HTTP requests the twilsock SDKs tunnel through the socket ("upstream" messages).
 *
 * Only what a freshly signed-in user with no conversations needs:
 * - Conversations (`aim.<region>.twilio.com`): the client configuration, an empty list of the user's
 *   conversations, the user itself (and its friendly-name update, which Flex sends after sign-in).
 * - Sync (`cds.<region>.twilio.com`), used by Conversations and by Flex's insights client: any
 *   document, list or map opens as empty (the user's info map has friendlyName and attributes),
 *   live queries match nothing, and subscriptions are confirmed by a `subscription_established`
 *   notification right after the reply, as the real service does.
 * - Flex SDK telemetry (`flex-sdk.twilio.com/v1/Telemetry/…`), posted through Flex's own twilsock
 *   client: accepted and dropped.
 * Everything else is a 404 in Twilio's error shape, reported once per path by `onUnknown`.
 */
import { stableSid } from './fakeSids';
import { isJsonObject, type FlexSocketUser, type Json, type JsonObject } from './types';

export interface UpstreamRequest {
  method: string;
  host: string;
  path: string;
  /** Query parameters as twilsock sends them: raw (still percent-encoded) strings. */
  params: Record<string, string>;
  body: Json | undefined;
}

export interface TwilsockNotification {
  messageType: string;
  payload: JsonObject;
}

export interface UpstreamAnswer {
  status: number;
  body: Json;
  /** Sent on the same socket right after the reply. */
  notifications?: TwilsockNotification[];
}

const notFound = (path: string): UpstreamAnswer => ({
  status: 404,
  body: { status: 404, code: 20404, message: `The requested resource ${path} was not found`, more_info: '' },
});

const decode = (value: string | undefined): string | undefined => {
  if (value === undefined) return undefined;
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
};

/** The SIDs and names of the objects a user's Conversations client opens at start-up. */
export function conversationsObjects(user: FlexSocketUser) {
  const seed = `${user.accountSid}:${user.identity}`;
  return {
    serviceSid: stableSid('IS', user.accountSid),
    userSid: stableSid('US', seed),
    userInfoMap: stableSid('MP', `user-info:${seed}`),
    myConversationsMap: stableSid('MP', `my-conversations:${seed}`),
  };
}

// --- Conversations -------------------------------------------------------------------------------

function answerConversations(request: UpstreamRequest, user: FlexSocketUser): UpstreamAnswer | undefined {
  const base = `https://${request.host}/Client/v2`;
  const objects = conversationsObjects(user);
  const userPath = `/Client/v2/Users/${encodeURIComponent(user.identity)}`;
  const userResource = (friendlyName: string): JsonObject => ({
    sid: objects.userSid,
    identity: user.identity,
    friendly_name: friendlyName,
    attributes: '{}',
    is_online: null,
    is_notifiable: null,
    links: { self: `https://${request.host}${userPath}` },
  });

  if (request.method === 'GET' && request.path === '/Client/v2/Configuration') {
    return {
      status: 200,
      body: {
        identity: user.identity,
        links: {
          my_conversations: `${base}/Me/Conversations`,
          conversations: `${base}/Conversations`,
          users: `${base}/Users`,
          current_user: `${base}${userPath.slice('/Client/v2'.length)}`,
          typing: `${base}/Services/${objects.serviceSid}/Typing`,
          media_service: `https://mcs.${request.host.replace(/^aim\./, '')}/v1/Services/${objects.serviceSid}/Media`,
          media_set_service: `https://mcs.${request.host.replace(/^aim\./, '')}/v1/Services/${objects.serviceSid}/MediaSet`,
          messages_receipts: `${base}/Conversations/%s/Messages/%s/Receipts`,
        },
        options: {
          consumption_report_interval: 'PT5S',
          http_cache_interval: 'PT5S',
          reachability_enabled: false,
          user_infos_to_subscribe: 100,
          media_attachments_count_limit: 10,
          media_attachment_size_limit_in_mb: 16,
          media_attachments_total_size_limit_in_mb: 16,
          email_histories_allowed_mime_types: [],
          email_bodies_allowed_mime_types: [],
        },
        sync_objects: { my_user_info: objects.userInfoMap, my_conversations: objects.myConversationsMap },
      },
    };
  }
  if (request.method === 'GET' && request.path === '/Client/v2/Me/Conversations') {
    return { status: 200, body: { conversations: [], meta: { next_token: null, previous_token: null } } };
  }
  if (request.path === userPath && (request.method === 'GET' || request.method === 'POST')) {
    const asked = isJsonObject(request.body) ? request.body.friendlyName : undefined;
    return { status: 200, body: userResource(typeof asked === 'string' ? asked : user.identity) };
  }
  return undefined;
}

// --- Sync ----------------------------------------------------------------------------------------

type SyncKind = 'Documents' | 'Lists' | 'Maps';

interface SyncItem {
  key: string;
  data: JsonObject;
}

function mapItems(user: FlexSocketUser, mapSid: string): SyncItem[] {
  if (mapSid !== conversationsObjects(user).userInfoMap) return [];
  return [
    { key: 'friendlyName', data: { value: user.identity } },
    { key: 'attributes', data: { value: '{}' } },
  ];
}

function syncSid(kind: SyncKind, id: string): string {
  const prefix = kind === 'Documents' ? 'ET' : kind === 'Lists' ? 'ES' : 'MP';
  return new RegExp(`^${prefix}[0-9a-f]{32}$`).test(id) ? id : stableSid(prefix, `${kind}:${id}`);
}

function itemDescriptor(url: string, item: SyncItem): JsonObject {
  return {
    key: item.key,
    data: item.data,
    revision: '0',
    last_event_id: 0,
    date_created: new Date(0).toISOString(),
    date_updated: new Date(0).toISOString(),
    date_expires: null,
    url: `${url}/${encodeURIComponent(item.key)}`,
  };
}

function syncDescriptor(host: string, kind: SyncKind, id: string, user: FlexSocketUser, withItems: boolean) {
  const sid = syncSid(kind, id);
  const url = `https://${host}/v3/${kind}/${sid}`;
  const descriptor: JsonObject = {
    sid,
    unique_name: id === sid ? null : id,
    url,
    revision: '0',
    last_event_id: 0,
    date_created: new Date(0).toISOString(),
    date_updated: new Date(0).toISOString(),
    date_expires: null,
    created_by: 'system',
  };
  if (kind === 'Documents') descriptor.data = {};
  else descriptor.links = { items: `${url}/Items` };
  if (kind === 'Maps' && withItems) {
    descriptor.items = mapItems(user, sid).map((item) => itemDescriptor(`${url}/Items`, item));
  }
  return descriptor;
}

function answerSubscriptions(body: Json | undefined): UpstreamAnswer {
  const request = isJsonObject(body) ? body : {};
  const action = request.action === 'cancel' ? 'cancel' : 'establish';
  const requests = Array.isArray(request.requests) ? request.requests.filter(isJsonObject) : [];
  const events = requests.map((entry): JsonObject => ({
    object_sid: entry.object_sid ?? null,
    object_type: entry.object_type ?? null,
    replay_status: 'completed',
    last_event_id: typeof entry.last_event_id === 'number' ? entry.last_event_id : 0,
  }));
  return {
    status: 200,
    body: { max_batch_size: 100, ttl_in_s: 3600, estimated_delivery_in_ms: 5000 },
    notifications: [
      {
        messageType: 'twilio.sync.event',
        payload: {
          event_type: action === 'cancel' ? 'subscription_canceled' : 'subscription_established',
          correlation_id: request.correlation_id ?? null,
          events,
        },
      },
    ],
  };
}

function answerSync(request: UpstreamRequest, user: FlexSocketUser): UpstreamAnswer | undefined {
  if (request.path === '/v4/Subscriptions' && request.method === 'POST') return answerSubscriptions(request.body);

  // Live queries (Flex's insights client: workers, tasks…): nothing matches.
  const insights = /^\/v3\/Insights\/([^/]+)\/Items$/.exec(request.path);
  if (insights && request.method === 'POST') {
    return {
      status: 200,
      body: { query_id: stableSid('QY', `${insights[1]}:${Date.now()}`), last_event_id: 0, items: [] },
    };
  }

  const match = /^\/v3\/(Documents|Lists|Maps)(?:\/([^/]+))?(?:\/(Items)(?:\/([^/]+))?)?$/.exec(request.path);
  if (!match) return undefined;
  const kind = match[1] as SyncKind;
  const id = decode(match[2]);
  const wantsItems = match[3] === 'Items';
  const itemKey = decode(match[4]);

  // Create (open_or_create falls back to it): the object now "exists" with the name asked for.
  if (!id && request.method === 'POST') {
    const name =
      isJsonObject(request.body) && typeof request.body.unique_name === 'string' ? request.body.unique_name : '';
    return { status: 201, body: syncDescriptor(request.host, kind, name || String(Date.now()), user, false) };
  }
  if (!id) return undefined;
  if (!wantsItems) {
    if (request.method === 'GET') {
      return {
        status: 200,
        body: syncDescriptor(request.host, kind, id, user, decode(request.params.Include) === 'items'),
      };
    }
    if (request.method === 'POST') return { status: 200, body: syncDescriptor(request.host, kind, id, user, false) };
    if (request.method === 'DELETE') return { status: 204, body: null };
    return undefined;
  }

  const sid = syncSid(kind, id);
  const itemsUrl = `https://${request.host}/v3/${kind}/${sid}/Items`;
  const items = kind === 'Maps' ? mapItems(user, sid) : [];
  if (request.method === 'GET' && !itemKey) {
    const key = decode(request.params.Key);
    const page = items.filter((item) => key === undefined || item.key === key);
    return {
      status: 200,
      body: {
        items: page.map((item) => itemDescriptor(itemsUrl, item)),
        meta: { previous_token: null, next_token: null },
      },
    };
  }
  if (request.method === 'GET' && itemKey) {
    const item = items.find((candidate) => candidate.key === itemKey);
    return item ? { status: 200, body: itemDescriptor(itemsUrl, item) } : notFound(request.path);
  }
  return undefined;
}

// --- Flex SDK telemetry ----------------------------------------------------------------------------

/** @twilio/flex-sdk posts its telemetry through Flex's own twilsock client: accepted, dropped. */
function answerFlexSdk(request: UpstreamRequest): UpstreamAnswer | undefined {
  if (request.method === 'POST' && request.path.startsWith('/v1/Telemetry/')) return { status: 200, body: {} };
  return undefined;
}

/** Answers one tunnelled request; unknown ones are a 404 (and reported to `onUnknown`). */
export function answerUpstream(
  request: UpstreamRequest,
  user: FlexSocketUser,
  onUnknown: (request: UpstreamRequest) => void = () => undefined,
): UpstreamAnswer {
  const answerers: Record<string, (request: UpstreamRequest, user: FlexSocketUser) => UpstreamAnswer | undefined> = {
    aim: answerConversations,
    cds: answerSync,
    'flex-sdk': answerFlexSdk,
  };
  const answer = answerers[request.host.split('.')[0]]?.(request, user);
  if (answer) return answer;
  onUnknown(request);
  return notFound(request.path);
}
