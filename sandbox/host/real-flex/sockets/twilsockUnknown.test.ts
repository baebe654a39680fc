/**
 * A request tunnelled over the fake twilsock that it has no answer for is answered 404, as Twilio
 * would, and reported to the host (which logs it as unanswered, so the real-Flex start-up test
 * fails on it instead of a console warning nobody reads).
 */
import { WebSocket } from 'ws';

import { eventually, GOOD_TOKEN, startSocketTestServer, type SocketTestServer } from './socketTestServer';
import type { UpstreamRequest } from './twilsockAnswers';
import { createTwilsockPacket, parseTwilsockPacket, type TwilsockPacket } from './twilsockPacket';

let server: SocketTestServer;
const unknown: UpstreamRequest[] = [];

beforeAll(async () => {
  server = await startSocketTestServer(undefined, (request) => unknown.push(request));
});
afterAll(() => server.close());

/** Sends packets in order on one socket and collects every packet the server sends back. */
async function converse(packets: Buffer[], replies: number): Promise<TwilsockPacket[]> {
  const socket = new WebSocket(`${server.wsBase}/v3/wsconnect`);
  const received: TwilsockPacket[] = [];
  socket.on('message', (data: Buffer) => {
    const packet = parseTwilsockPacket(data);
    if (packet) received.push(packet);
  });
  await new Promise((resolve) => socket.once('open', resolve));
  for (const packet of packets) socket.send(packet);
  await eventually(`${replies} replies`, () => received.length >= replies);
  socket.close();
  return received;
}

test('an unknown tunnelled request is answered 404 and reported; a known one is not reported', async () => {
  // The console line stays for whoever watches `npm start`; the report is what tests rely on.
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const [init, unanswered, telemetry] = await converse(
    [
      createTwilsockPacket({ method: 'init', id: 'TM1', token: GOOD_TOKEN, capabilities: [], registrations: [] }),
      createTwilsockPacket({
        method: 'message',
        id: 'TM2',
        http_request: { method: 'GET', host: 'nowhere.twilio.com', path: '/v1/Unknown?x=1', params: {} },
      }),
      createTwilsockPacket(
        {
          method: 'message',
          id: 'TM3',
          http_request: { method: 'POST', host: 'flex-sdk.twilio.com', path: '/v1/Telemetry/Events' },
        },
        {},
      ),
    ],
    3,
  );
  expect(init.header.status).toMatchObject({ code: 200 });
  expect(unanswered.header).toMatchObject({ id: 'TM2', http_status: { code: 404 } });
  expect(telemetry.header).toMatchObject({ id: 'TM3', http_status: { code: 200 } });
  expect(unknown.map(({ method, host, path }) => `${method} ${host}${path}`)).toEqual([
    'GET nowhere.twilio.com/v1/Unknown?x=1',
  ]);
  expect(warn).toHaveBeenCalledTimes(1);
  warn.mockRestore();
});
