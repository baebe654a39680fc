/**
 * A fake TaskRouter event bridge (`wss://event-bridge[.<region>].twilio.com/v1/wschannels`), one call
 * per socket, as twilio-taskrouter 2.x's EventBridgeSignaling reads it: the token is in the query
 * (`?token=…&closeExistingSessions=…&clientVersion=…`), every message is a JSON text frame
 * `{event_type, payload}` emitted as an SDK event, and a whitespace frame is a heartbeat (the SDK
 * drops and reopens the socket after 30 s without any frame).
 *
 * - valid token: `init` {channel_id: worker SID, account_sid, workspace_sid, token_lifetime}; the
 *   Worker then loads itself over REST (taskRouterAnswers.ts) and emits `ready`. Heartbeats follow
 *   every 10 s. No TaskRouter events are ever pushed: no tasks reach the fake.
 * - refused token: an `error` event {code 20101, message} — the Worker emits `error`, which Flex
 *   treats as a failed TaskRouter start — then close code 4001.
 */
import type { WebSocket } from 'ws';
import type { ValidateFlexToken } from './types';

export type { FlexSocketUser, ValidateFlexToken } from './types';

const HEARTBEAT_MS = 10_000;
/** The SDK fires `tokenExpired` 5 s before this many milliseconds; Flex refreshes its token itself. */
const TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

export function handleEventBridgeConnection(socket: WebSocket, requestUrl: URL, validate: ValidateFlexToken): void {
  const send = (eventType: string, payload: unknown): void => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ event_type: eventType, payload }));
  };
  const heartbeat = setInterval(() => {
    if (socket.readyState === socket.OPEN) socket.send('\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();
  socket.on('close', () => clearInterval(heartbeat));
  socket.on('error', () => socket.terminate());
  // The SDK sends nothing but may in later versions; nothing it could send needs an answer today.
  socket.on('message', () => undefined);

  const token = requestUrl.searchParams.get('token') ?? '';
  void (async () => {
    const user = token ? await validate(token).catch(() => undefined) : undefined;
    if (!user) {
      send('error', { code: 20101, message: 'Invalid Access Token' });
      socket.close(4001, 'Invalid Access Token');
      return;
    }
    send('init', {
      channel_id: user.workerSid,
      account_sid: user.accountSid,
      workspace_sid: user.workspaceSid,
      token_lifetime: TOKEN_LIFETIME_MS,
    });
  })();
}
