/**
 * Drives the real twilsock SDKs Flex 2.17.1 creates (node_modules, their own nested versions)
 * against the fake twilsock: Flex's telemetry TwilsockClient (twilsock 0.13), Flex's insights
 * SyncClient (twilio-sync 2.0 / twilsock 0.8) and the Conversations client (2.5, with its own
 * twilio-sync 3.1 / twilsock 0.12).
 */
import type * as twilsockTypes from 'twilsock';
import type * as syncTypes from 'twilio-sync';
import type * as conversationsTypes from '@twilio/conversations';
import { WebSocket } from 'ws';
import { GOOD_TOKEN, TEST_USER, eventually, startSocketTestServer, type SocketTestServer } from './socketTestServer';

// The twilsock builds pick `WebSocket` from `self` (or `window`) at load time: give them `ws`.
const globals = globalThis as { self?: unknown; WebSocket?: unknown };
globals.self = globalThis;
globals.WebSocket = WebSocket;

type TwilsockModule = typeof twilsockTypes;
type SyncModule = typeof syncTypes;
type ConversationsModule = typeof conversationsTypes;

let server: SocketTestServer;
let twilsock: TwilsockModule;
let sync: SyncModule;
let conversations: ConversationsModule;
const shutdowns: Array<() => Promise<unknown> | unknown> = [];

beforeAll(async () => {
  server = await startSocketTestServer();
  twilsock = await import('twilsock');
  sync = await import('twilio-sync');
  conversations = await import('@twilio/conversations');
});

let warn: jest.SpyInstance;
beforeEach(() => {
  warn = jest.spyOn(console, 'warn');
});

afterEach(async () => {
  for (const shutdown of shutdowns.splice(0)) await shutdown();
  // Every request the SDKs tunnelled had an answer (the fake warns about those without one).
  const unanswered = warn.mock.calls.filter(([message]) => String(message).startsWith('[fake twilsock'));
  warn.mockRestore();
  expect(unanswered).toEqual([]);
});

afterAll(async () => {
  await server.close();
});

const twilsockOptions = () => ({ twilsock: { uri: `${server.wsBase}/v3/wsconnect` } });

describe('fake twilsock', () => {
  it("connects and initialises Flex's telemetry TwilsockClient (twilsock 0.13)", async () => {
    const client = new twilsock.TwilsockClient(GOOD_TOKEN, 'flex', { ...twilsockOptions(), region: 'us1' });
    shutdowns.push(() => client.disconnect());
    let initialised = false;
    client.on('initialized', () => (initialised = true));
    client.connect();
    await eventually('the twilsock client to be connected', () => client.state === 'connected' && initialised);
    // @twilio/flex-sdk posts its telemetry through this client.
    const posted = await client.post(
      'https://flex-sdk.twilio.com/v1/Telemetry/Events',
      { 'Content-Type': 'application/json' },
      JSON.stringify({ events: [] }),
    );
    expect(posted.status.code).toBe(200);
  });

  it('refuses a bad token the way twilsock does: denied, terminal connectionError 401/20101', async () => {
    const client = new twilsock.TwilsockClient('not-a-flex-token', 'flex', twilsockOptions());
    shutdowns.push(() => client.disconnect());
    const errors: Array<{ terminal: boolean; httpStatusCode?: number | null; errorCode?: number | null }> = [];
    client.on('connectionError', (error) => errors.push(error));
    client.connect();
    await eventually('the token to be refused', () => client.state === 'denied' && errors.length > 0);
    expect(errors[0]).toMatchObject({ terminal: true, httpStatusCode: 401, errorCode: 20101 });
  });

  it("connects Flex's insights SyncClient (twilio-sync 2.0) and answers a live query with no items", async () => {
    const client = new sync.SyncClient(GOOD_TOKEN, { ...twilsockOptions(), productId: 'flex_insights' });
    shutdowns.push(() => client.shutdown());
    const states: string[] = [];
    const errors: unknown[] = [];
    client.on('connectionStateChanged', (state: string) => states.push(state));
    client.on('connectionError', (error: unknown) => errors.push(error));
    // Its state can read 'connected' before its listeners are told (seen once on a busy machine): wait for both.
    await eventually(
      'the Sync client to be connected, and to say so',
      () => client.connectionState === 'connected' && states.includes('connected'),
    );
    expect(states).toContain('connected');

    const query = await client.liveQuery('tr-worker', `data.worker_sid == "${TEST_USER.workerSid}"`);
    expect(query.getItems()).toEqual({});
    const map = await client.map({ id: 'some-map', mode: 'open_or_create' });
    expect((await map.getItems()).items).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('initialises the Conversations client (2.5): the user, no conversations, friendly name updated', async () => {
    const client = new conversations.Client(GOOD_TOKEN, {
      ...twilsockOptions(),
      clientMetadata: { type: 'flex-ui', app: 'flex-ui' },
    });
    shutdowns.push(() => client.shutdown());
    const failures: unknown[] = [];
    client.on('initFailed', ({ error }) => failures.push(error));
    client.on('connectionError', (error) => failures.push(error));
    let initialised = false;
    client.on('initialized', () => (initialised = true));
    await eventually('the Conversations client to be initialised', () => initialised || failures.length > 0, 10_000);
    expect(failures).toEqual([]);
    expect(client.connectionState).toBe('connected');
    expect(client.user.identity).toBe(TEST_USER.identity);

    const subscribed = await client.getSubscribedConversations();
    expect(subscribed.items).toEqual([]);
    // What Flex does once the TaskRouter worker is ready (worker attributes' full_name).
    await client.user.updateFriendlyName('Alice');
    expect(failures).toEqual([]);
  });

  it('fails the Conversations client when the token is refused', async () => {
    const client = new conversations.Client('not-a-flex-token', { ...twilsockOptions(), logLevel: 'silent' });
    shutdowns.push(() => client.shutdown());
    const errors: Array<{ terminal?: boolean; httpStatusCode?: number }> = [];
    client.on('connectionError', (error) => errors.push(error));
    await eventually('a connection error', () => errors.length > 0);
    expect(errors[0]).toMatchObject({ terminal: true, httpStatusCode: 401 });
    expect(client.connectionState).toBe('denied');
  });
});
