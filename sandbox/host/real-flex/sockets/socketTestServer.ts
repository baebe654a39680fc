/**
 * Test helper: one local HTTP + websocket server that routes like the real-Flex host will —
 * `/v3/wsconnect` to the twilsock handler, `/v1/wschannels` (websocket) to the event-bridge
 * handler, `POST /v1/wschannels` (HTTP) to answerTaskRouterRequest.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { handleEventBridgeConnection } from './eventBridgeServer';
import { answerTaskRouterRequest, taskRouterRequestToken } from './taskRouterAnswers';
import type { UpstreamRequest } from './twilsockAnswers';
import { handleTwilsockConnection } from './twilsockServer';
import type { FlexSocketUser, ValidateFlexToken } from './types';

export const GOOD_TOKEN = 'good-flex-token';
export const TEST_USER: FlexSocketUser = {
  accountSid: 'AC00000000000000000000000000000001',
  identity: 'alice@example.com',
  workerSid: 'WK00000000000000000000000000000001',
  workspaceSid: 'WS00000000000000000000000000000001',
};

export const validateTestToken: ValidateFlexToken = async (token) => (token === GOOD_TOKEN ? TEST_USER : undefined);

export interface SocketTestServer {
  /** e.g. ws://127.0.0.1:1234 */
  wsBase: string;
  httpBase: string;
  /** Paths of the websockets opened so far, in order. */
  connections: string[];
  close(): Promise<void>;
}

export async function startSocketTestServer(
  validate: ValidateFlexToken = validateTestToken,
  onUnknownTwilsockRequest?: (request: UpstreamRequest) => void,
): Promise<SocketTestServer> {
  const connections: string[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const url = new URL(request.url ?? '/', 'https://event-bridge.twilio.com');
        const token = taskRouterRequestToken(body);
        const user = token ? await validate(token) : undefined;
        const answer = user
          ? answerTaskRouterRequest(request.method ?? 'GET', url, body, user)
          : { status: 401, body: { status: 401, message: 'Invalid Access Token' } };
        response.writeHead(answer?.status ?? 404, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify(answer?.body ?? { status: 404, message: 'Not found' }));
      })();
    });
  });
  const wss = new WebSocketServer({ server });
  wss.on('connection', (socket, request) => {
    const url = new URL(request.url ?? '/', 'ws://localhost');
    connections.push(url.pathname);
    if (url.pathname === '/v3/wsconnect') {
      handleTwilsockConnection(
        socket,
        new URL(`wss://tsock.us1.twilio.com${url.pathname}${url.search}`),
        validate,
        onUnknownTwilsockRequest,
      );
    } else if (url.pathname === '/v1/wschannels') {
      handleEventBridgeConnection(
        socket,
        new URL(`wss://event-bridge.twilio.com${url.pathname}${url.search}`),
        validate,
      );
    } else {
      socket.close(1008, 'unknown path');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    wsBase: `ws://127.0.0.1:${port}`,
    httpBase: `http://127.0.0.1:${port}`,
    connections,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Resolves when `check` holds, polling; rejects with `what` after `ms`. */
export async function eventually(what: string, check: () => boolean, ms = 5000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
