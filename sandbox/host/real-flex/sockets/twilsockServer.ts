/**
 * A fake twilsock v3 endpoint (`wss://tsock.<region>.twilio.com/v3/wsconnect`), one call per socket.
 *
 * Twilsock is the socket Twilio's browser SDKs share: Flex 2.17 opens three of them (its telemetry
 * client, the Conversations client with its own Sync client, and the insights Sync client), each
 * speaking the same protocol (node_modules/twilsock/dist/twilsock.js, packetinterface.js):
 *
 * 1. client `init` {token, registrations, capabilities} → `reply` 200 with a continuation token and
 *    an offline-storage id per product; a token that `validate` refuses gets `reply` 401 with
 *    Twilio's error 20101, which the SDK treats as terminal ("denied", `connectionError`), and the
 *    socket is closed.
 * 2. client `message` {http_request: {method, host, path, params}, payload} → `reply` with
 *    `http_status` and the answer of twilsockAnswers.ts as payload (and any notifications after it).
 * 3. client `put_notification_ctx` / `delete_notification_ctx` / `update` (new token) → `reply` 200
 *    (`update` re-validates the token: 401 when refused).
 * 4. client `reply` (acknowledging our notifications) and `telemetry.v1` → nothing; `close` → close.
 */
import { randomUUID } from 'node:crypto';
import type { RawData, WebSocket } from 'ws';
import { randomSid } from './fakeSids';
import { answerUpstream, type TwilsockNotification, type UpstreamRequest } from './twilsockAnswers';
import { createTwilsockPacket, parseTwilsockPacket } from './twilsockPacket';
import { isJsonObject, type FlexSocketUser, type Json, type JsonObject, type ValidateFlexToken } from './types';

export type { FlexSocketUser, ValidateFlexToken } from './types';

const SUPPORTED_CAPABILITIES = ['client_update', 'offline_storage', 'telemetry.v1'];
const OK = { code: 200, status: 'OK' };
const UNAUTHORIZED = { code: 401, status: 'Unauthorized', errorCode: 20101, description: 'Invalid Access Token' };
const REASONS: Record<number, string> = { 200: 'OK', 201: 'Created', 204: 'No Content', 404: 'Not Found' };

const toBuffer = (data: RawData): Buffer =>
  Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);

const stringParams = (value: Json | undefined): Record<string, string> => {
  const params: Record<string, string> = {};
  if (isJsonObject(value)) {
    for (const [key, param] of Object.entries(value)) {
      if (typeof param === 'string') params[key] = param;
      else if (Array.isArray(param) && typeof param[0] === 'string') params[key] = param[0];
    }
  }
  return params;
};

/**
 * Speaks twilsock on one accepted socket until it closes. `requestUrl` is only used for logging.
 * `onUnknown` hears of every tunnelled request the fake has no answer for (answered 404): the
 * real-Flex host puts them in its start-up log, so the start-up test fails on them, not a warning.
 */
export function handleTwilsockConnection(
  socket: WebSocket,
  requestUrl: URL,
  validate: ValidateFlexToken,
  onUnknown: (request: UpstreamRequest) => void = () => undefined,
): void {
  let user: FlexSocketUser | undefined;
  const reported = new Set<string>();
  // Messages are handled one after the other: `init` waits for `validate`.
  let queue: Promise<void> = Promise.resolve();

  const send = (header: JsonObject, payload?: Json): void => {
    if (socket.readyState === socket.OPEN) socket.send(createTwilsockPacket(header, payload));
  };
  const reply = (id: Json | undefined, status: JsonObject, extra: JsonObject = {}, payload?: Json): void =>
    send(
      {
        method: 'reply',
        id: id ?? null,
        status,
        ...extra,
        ...(payload === undefined ? {} : { payload_type: 'application/json' }),
      },
      payload,
    );
  const notify = ({ messageType, payload }: TwilsockNotification): void =>
    send(
      { method: 'notification', id: `TM${randomUUID()}`, message_type: messageType, payload_type: 'application/json' },
      payload,
    );
  const refuse = (id: Json | undefined): void => {
    reply(id, UNAUTHORIZED);
    // The SDK closes on its own after a 401; make sure the socket does not linger if it does not.
    setTimeout(() => socket.close(1000, 'Unauthorized'), 1000).unref();
  };
  const reportUnknown = (request: UpstreamRequest): void => {
    onUnknown(request);
    const what = `${request.method} ${request.host}${request.path}`;
    if (reported.has(what)) return;
    reported.add(what);
    console.warn(`[fake twilsock ${requestUrl.host}] no answer for ${what}: 404`);
  };

  const validated = async (token: Json | undefined): Promise<FlexSocketUser | undefined> => {
    if (typeof token !== 'string' || token === '') return undefined;
    try {
      return await validate(token);
    } catch {
      return undefined;
    }
  };

  const handle = async (header: JsonObject, payload: Json | undefined): Promise<void> => {
    const { id } = header;
    switch (header.method) {
      case 'init': {
        user = await validated(header.token);
        if (!user) return refuse(id);
        const requested = Array.isArray(header.capabilities) ? header.capabilities : [];
        const registrations = Array.isArray(header.registrations) ? header.registrations.filter(isJsonObject) : [];
        const offlineStorage: JsonObject = {};
        for (const registration of registrations) {
          if (typeof registration.product === 'string')
            offlineStorage[registration.product] = { storage_id: randomSid('SE') };
        }
        return reply(id, OK, {
          continuation_token: `CT${randomUUID()}`,
          continuation_token_status: { reissued: true },
          capabilities: requested.filter((capability) => SUPPORTED_CAPABILITIES.includes(String(capability))),
          offline_storage: offlineStorage,
          init_registrations: registrations,
          debug_info: {},
        });
      }
      case 'update': {
        const updated = await validated(header.token);
        if (!updated) return refuse(id);
        user = updated;
        return reply(id, OK);
      }
      case 'message': {
        if (!user) return refuse(id);
        const http = isJsonObject(header.http_request) ? header.http_request : {};
        const request: UpstreamRequest = {
          method: typeof http.method === 'string' ? http.method.toUpperCase() : 'GET',
          host: typeof http.host === 'string' ? http.host : '',
          path: typeof http.path === 'string' ? http.path : '/',
          params: stringParams(http.params),
          body: payload,
        };
        const answer = answerUpstream(request, user, reportUnknown);
        reply(
          id,
          OK,
          {
            http_status: { code: answer.status, status: REASONS[answer.status] ?? 'Error' },
            http_headers: { 'Content-Type': 'application/json' },
          },
          answer.body,
        );
        answer.notifications?.forEach(notify);
        return;
      }
      case 'put_notification_ctx':
      case 'delete_notification_ctx':
        return user ? reply(id, OK) : refuse(id);
      case 'close':
        socket.close(1000);
        return;
      case 'reply':
      case 'telemetry.v1':
        return;
      default:
        reply(id, { code: 400, status: 'Bad Request', description: 'Unsupported method' });
    }
  };

  socket.on('message', (data: RawData) => {
    const packet = parseTwilsockPacket(toBuffer(data));
    if (!packet) {
      // What the real service does with a frame it cannot parse: close 406 (the SDK stops retrying).
      send({ method: 'close', id: `TM${randomUUID()}`, status: { code: 406, status: 'Not Acceptable' } });
      socket.close(1000);
      return;
    }
    queue = queue.then(() => handle(packet.header, packet.payload)).catch(() => socket.close(1011));
  });
  socket.on('error', () => socket.terminate());
}
