/**
 * Every function behind the one wrapper: who may call it (Flex token checked with IAM, role
 * gate), what it answers a caller who may (checked against the sandbox's state), and what the
 * wrapper refuses before any Twilio call (unknown fields, oversize or malformed payloads, bad
 * cursors, foreign origins).
 */
import type { AddressConfiguration } from '../../sandbox/server/state';
import type {
  AddressSummary,
  BackendEndpoint,
  FlexFlowSummary,
  PhoneNumberSummary,
  StudioFlowSummary,
  WhatsAppSenderSummary,
} from '../../src/contract/types';
import { readProblem, wordFields, wordMessage, type FieldProblems } from '../../src/contract/messages';
import { MAX_PAYLOAD_BYTES } from '../src/http/flexFunction';
import {
  expectedFlexConfiguration,
  expectedFlows,
  expectedMessagingServiceNumbers,
  expectedPhoneNumbers,
  expectedSenders,
} from './expected';
import { freeSmsNumber } from './accountFixtures';
import {
  ALL_FUNCTIONS,
  addressWrites,
  beyondTokenCheck,
  errorBodyProblems,
  listAll,
  READ_FUNCTIONS,
  setUpBackend,
  TEST_ORIGIN,
  type FunctionResponse,
} from './harness';

/** A write's answer: its change-history entry was written (history.test.ts checks the entries). */
const RECORDED = { recorded: true, entryId: expect.any(String) as unknown };

const t = setUpBackend();

beforeEach(() => t.reset());

// ---------------------------------------------------------------------------------------------
// The sandbox account, read directly: the oracle the answers are checked against.

const account = () => t.sandbox.account;
const addressesNow = () => JSON.stringify(account().addresses.all());

function messagingFlowSid(): string {
  const flow = account()
    .studioFlows.all()
    .find((f) => f.friendly_name === 'Messaging Flow');
  if (!flow) throw new Error('the demo account has no Messaging Flow');
  return flow.sid;
}

function freeWhatsAppSender(): string {
  const taken = new Set(
    account()
      .addresses.all()
      .map((a) => a.address),
  );
  const free = account()
    .channelSenders.all()
    .find((s) => !taken.has(String(s.sender_id)));
  if (!free) throw new Error('every WhatsApp sender of the demo account has an address');
  return String(free.sender_id);
}

function someAddress(type = 'sms'): AddressConfiguration {
  const found = account()
    .addresses.all()
    .find((a) => a.type === type);
  if (!found) throw new Error(`the demo account has no ${type} address`);
  return found;
}

function numberWithSmsUrl() {
  const found = account()
    .incomingPhoneNumbers.all()
    .find((n) => n.sms_url !== '');
  if (!found) throw new Error('the demo account has no number with an "A message comes in" URL');
  return found;
}

function otherService(): string {
  const flex = String(account().flexConfiguration.flex_service_instance_sid);
  const other = account()
    .conversationServices.all()
    .find((service) => service.sid !== flex);
  if (!other) throw new Error('the demo account has only one conversation service');
  return other.sid;
}

function smsFlexFlow(): string {
  const flow = account()
    .flexFlows.all()
    .find((f) => f.channel_type === 'sms' && f.integration_type === 'studio');
  if (!flow) throw new Error('the demo account has no SMS Flex Flow with a Studio integration');
  return flow.sid;
}

/** A request each function would carry out for a caller who may make it. */
function validPayload(name: BackendEndpoint): Record<string, unknown> {
  switch (name) {
    case 'list-addresses':
      return { type: 'sms' };
    case 'create-address':
      return {
        type: 'sms',
        address: freeSmsNumber(account()),
        friendlyName: 'Support line',
        autoCreationEnabled: true,
        integration: { type: 'studio', studioFlowSid: messagingFlowSid(), retryCount: 3 },
      };
    case 'update-address':
      return {
        sid: someAddress().sid,
        autoCreationEnabled: true,
        integration: {
          type: 'webhook',
          webhookUrl: 'https://example.com/inbound',
          webhookMethod: 'POST',
          webhookFilters: ['onMessageAdded'],
        },
      };
    case 'delete-address':
      return { sid: someAddress().sid };
    case 'update-number-inbound':
      return { sid: numberWithSmsUrl().sid, smsUrl: '' };
    case 'set-default-conversation-service':
      return { serviceSid: otherService() };
    case 'delete-flex-flow':
    case 'migrate-flex-flow':
      return { sid: smsFlexFlow() };
    case 'trace-customer':
      return { customer: '+13115550101' };
    case 'close-conversation':
      return { sid: account().conversations.all()[0]?.sid ?? `CH${'0'.repeat(32)}` };
    case 'set-number-aside':
      return { channel: 'sms', address: String(account().incomingPhoneNumbers.all()[0]?.phone_number), aside: true };
    case 'list-alerts':
      return { address: someAddress().address, addressSid: someAddress().sid, days: 7 };
    default:
      return {};
  }
}

function expectErrorBody(response: FunctionResponse, status: number, code: string): void {
  expect({ status: response.status, problems: errorBodyProblems(response.body) }).toEqual({ status, problems: [] });
  expect((response.body as { error: { code: string } }).error.code).toBe(code);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
}

const isTokenCheck = (entry: { product: string; method: string; path: string }) =>
  entry.product === 'iam' &&
  entry.method === 'POST' &&
  entry.path === `/v1/Accounts/${t.sandbox.credentials.accountSid}/Tokens/validate`;

// ---------------------------------------------------------------------------------------------

describe('a caller without a valid token, or without the role, reaches nothing but the token check', () => {
  /** `iamChecks`: a missing token, or one not shaped like a Flex token, is refused without asking IAM. */
  const callers: {
    caller: string;
    token: () => string | undefined;
    status: number;
    code: string;
    iamChecks: number;
  }[] = [
    { caller: 'no token', token: () => undefined, status: 401, code: 'token_missing', iamChecks: 0 },
    { caller: 'an empty token', token: () => '', status: 401, code: 'token_missing', iamChecks: 0 },
    { caller: 'a garbage token', token: () => t.tokens.garbage(), status: 401, code: 'token_invalid', iamChecks: 0 },
    { caller: 'a forged token', token: () => t.tokens.forged(), status: 401, code: 'token_invalid', iamChecks: 1 },
    { caller: 'an expired token', token: () => t.tokens.expired(), status: 401, code: 'token_invalid', iamChecks: 1 },
    { caller: 'an agent’s token', token: () => t.tokens.agent(), status: 403, code: 'forbidden', iamChecks: 1 },
  ];
  const table = ALL_FUNCTIONS.flatMap((name) => callers.map((c) => ({ name, ...c })));

  test.each(table)('$name with $caller → $status $code', async ({ name, token, status, code, iamChecks }) => {
    const before = addressesNow();
    const flowsBefore = JSON.stringify(account().flexFlows.all());
    const sent = token();
    t.clearLog();
    const response = await t.callFunction(name, { token: sent, payload: validPayload(name) });
    expectErrorBody(response, status, code);
    const log = t.log();
    // IAM is asked at most once (only about a token that can be one), and nothing else.
    expect(log.filter(isTokenCheck)).toHaveLength(iamChecks);
    expect(beyondTokenCheck(log)).toEqual([]);
    expect(addressesNow()).toBe(before);
    expect(JSON.stringify(account().flexFlows.all())).toBe(flowsBefore);
  });

  test('an agent is refused again on a second call (the cached validation keeps the roles)', async () => {
    const token = t.tokens.agent();
    for (const name of ['list-addresses', 'create-address'] as const) {
      expectErrorBody(await t.callFunction(name, { token, payload: validPayload(name) }), 403, 'forbidden');
      expectErrorBody(await t.callFunction(name, { token, payload: validPayload(name) }), 403, 'forbidden');
    }
    expect(beyondTokenCheck(t.log())).toEqual([]);
  });

  test('a view load’s parallel calls to different functions with one token ask IAM once', async () => {
    const token = t.tokens.supervisor();
    t.clearLog();
    const answers = await Promise.all(
      READ_FUNCTIONS.map((name) => t.callFunction(name, { token, payload: validPayload(name) })),
    );
    expect(answers.map((a) => a.status)).toEqual(READ_FUNCTIONS.map(() => 200));
    expect(t.log().filter(isTokenCheck)).toHaveLength(1);
    await t.callFunction('list-phone-numbers', { token });
    expect(t.log().filter(isTokenCheck)).toHaveLength(1);
  });

  test('a token too long to be a Flex token is refused without asking IAM', async () => {
    const response = await t.callFunction('list-phone-numbers', { token: 'x'.repeat(9000) });
    expectErrorBody(response, 401, 'token_invalid');
    expect(t.log()).toEqual([]);
  });

  test('the rejection says why in words, and never echoes the token', async () => {
    const token = t.tokens.expired();
    const response = await t.callFunction('list-phone-numbers', { token });
    const { message } = (response.body as { error: { message: string } }).error;
    expect(message).toMatch(/sign in/i);
    expect(JSON.stringify(response.body)).not.toContain(token);
  });
});

describe.each(['supervisor', 'admin'] as const)('with a %s token, every function works', (role) => {
  const token = () => (role === 'admin' ? t.tokens.admin() : t.tokens.supervisor());

  test('list-phone-numbers returns every number, as the account has it', async () => {
    const { items, pages } = await listAll<PhoneNumberSummary>(t, 'list-phone-numbers', token());
    expect(pages).toBe(1);
    expect(items).toEqual(expectedPhoneNumbers(account()));
    expect(items.some((n) => n.smsUrl !== null)).toBe(true);
    expect(items.some((n) => !n.capabilities.sms)).toBe(true);
  });

  test('list-whatsapp-senders returns every sender with its status and offline reasons', async () => {
    const { items } = await listAll<WhatsAppSenderSummary>(t, 'list-whatsapp-senders', token());
    expect(items).toEqual(expectedSenders(account()));
    expect(items.some((s) => s.offlineReasons.length > 0)).toBe(true);
  });

  test('list-addresses returns every address, by type, and the non-phone group in one answer', async () => {
    const wire = account().addresses.all();
    const all = await listAll<AddressSummary>(t, 'list-addresses', token());
    expect(all.items.map((a) => a.sid)).toEqual(wire.map((a) => a.sid));
    for (const type of ['sms', 'whatsapp', 'chat', 'messenger', 'email'] as const) {
      const filtered = await listAll<AddressSummary>(t, 'list-addresses', token(), { type });
      expect(filtered.items.map((a) => a.sid)).toEqual(wire.filter((a) => a.type === type).map((a) => a.sid));
      expect(filtered.items.length).toBeGreaterThan(0);
    }
    // Chat, Messenger and the types Flex does not route (email, RCS on the seeded account): one call.
    const group = await listAll<AddressSummary>(t, 'list-addresses', token(), { group: 'non-phone' });
    expect(group.pages).toBe(1);
    expect(new Set(group.items.map((a) => a.type))).toEqual(new Set(['chat', 'messenger', 'email', 'rcs']));
    expect(group.items.map((a) => a.sid).sort()).toEqual(
      wire
        .filter((a) => a.type !== 'sms' && a.type !== 'whatsapp')
        .map((a) => a.sid)
        .sort(),
    );
    for (const payload of [{ group: 'phones' }, { group: 'non-phone', type: 'sms' }, { type: 'rcs' }]) {
      const refused = await t.callFunction('list-addresses', { token: token(), payload });
      expect(refused.status).toBe(400);
    }
    // Each summary reads the nested snake_case auto_creation correctly.
    for (const summary of all.items) {
      const auto = wire.find((a) => a.sid === summary.sid)?.auto_creation;
      expect(summary.autoCreationEnabled).toBe(auto?.enabled === true);
      expect(summary.integration.type).toBe(auto?.type);
      expect(summary.conversationServiceSid).toBe(auto?.conversation_service_sid ?? null);
      if (summary.integration.type === 'studio') {
        expect(summary.integration).toEqual({
          type: 'studio',
          studioFlowSid: auto?.studio_flow_sid,
          retryCount: auto?.studio_retry_count,
        });
      }
      if (summary.integration.type === 'webhook') {
        expect(summary.integration).toEqual({
          type: 'webhook',
          webhookUrl: auto?.webhook_url,
          webhookMethod: auto?.webhook_method,
          webhookFilters: auto?.webhook_filters,
        });
      }
    }
  });

  test('list-studio-flows returns every flow with its status', async () => {
    const { items } = await listAll<StudioFlowSummary>(t, 'list-studio-flows', token());
    expect(items).toEqual(expectedFlows(account()));
  });

  test('fetch-flex-configuration names Flex’s service, the default service and the workspace', async () => {
    const response = await t.callFunction('fetch-flex-configuration', { token: token(), payload: {} });
    expect(response.status).toBe(200);
    expect(response.body).toEqual(expectedFlexConfiguration(account()));
    expect(expectedFlexConfiguration(account()).conversationServices.length).toBeGreaterThan(1);
  });

  test('list-messaging-service-numbers maps each service to its numbers', async () => {
    const response = await t.callFunction('list-messaging-service-numbers', { token: token() });
    expect(response.status).toBe(200);
    expect(response.body).toEqual(expectedMessagingServiceNumbers(account()));
    expect(expectedMessagingServiceNumbers(account()).services.some((s) => s.phoneNumberSids.length > 0)).toBe(true);
  });

  test('list-flex-flows returns every legacy Flex Flow with its contact identity and integration', async () => {
    const { items } = await listAll<FlexFlowSummary>(t, 'list-flex-flows', token());
    const wire = account().flexFlows.all();
    expect(items.map((f) => f.sid)).toEqual(wire.map((f) => f.sid));
    for (const flow of items) {
      const source = wire.find((f) => f.sid === flow.sid);
      expect(flow.contactIdentity).toBe(source?.contact_identity || null);
      expect(flow.channelType).toBe(source?.channel_type);
      expect(flow.integration).toEqual(source?.integration);
    }
    expect(items.some((f) => f.channelType === 'sms' && f.contactIdentity)).toBe(true);
  });

  test('update-number-inbound clears a number’s "A message comes in" URL, answers the old value, and restores it', async () => {
    const number = numberWithSmsUrl();
    const old = number.sms_url;
    const cleared = await t.callFunction('update-number-inbound', {
      token: token(),
      payload: { sid: number.sid, smsUrl: '' },
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ previous: { smsUrl: old }, number: { sid: number.sid, smsUrl: null } });
    expect(account().incomingPhoneNumbers.get(number.sid).sms_url).toBe('');
    const restored = await t.callFunction('update-number-inbound', {
      token: token(),
      payload: { sid: number.sid, smsUrl: old },
    });
    expect(restored.status).toBe(200);
    expect(account().incomingPhoneNumbers.get(number.sid).sms_url).toBe(old);
  });

  test('update-number-inbound refuses anything but "" or a URL, and an unknown number is a 404', async () => {
    const sid = numberWithSmsUrl().sid;
    for (const payload of [
      { sid },
      { sid, smsUrl: 'javascript:alert(1)' },
      { sid, smsApplicationSid: 'XX' },
      { sid: 'PN1', smsUrl: '' },
    ]) {
      const response = await t.callFunction('update-number-inbound', { token: token(), payload });
      expectErrorBody(response, 400, 'invalid_input');
    }
    const unknown = await t.callFunction('update-number-inbound', {
      token: token(),
      payload: { sid: 'PN' + '0'.repeat(32), smsUrl: '' },
    });
    expectErrorBody(unknown, 404, 'not_found');
  });

  test('set-default-conversation-service changes the default and answers the previous one', async () => {
    const previous = String(account().conversationsConfiguration.default_chat_service_sid);
    const target = otherService();
    const response = await t.callFunction('set-default-conversation-service', {
      token: token(),
      payload: { serviceSid: target },
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      previousServiceSid: previous,
      defaultConversationServiceSid: target,
      history: RECORDED,
    });
    expect(account().conversationsConfiguration.default_chat_service_sid).toBe(target);
    const unknown = await t.callFunction('set-default-conversation-service', {
      token: token(),
      payload: { serviceSid: 'IS' + '0'.repeat(32) },
    });
    expectErrorBody(unknown, 404, 'not_found');
    expect(account().conversationsConfiguration.default_chat_service_sid).toBe(target);
  });

  test('create-address makes a Studio address for an SMS number, with the settings sent', async () => {
    const address = freeSmsNumber(account());
    const flow = messagingFlowSid();
    const service = account().conversationServices.all()[0].sid;
    const response = await t.callFunction('create-address', {
      token: token(),
      payload: {
        type: 'sms',
        address,
        friendlyName: '  Support line  ',
        autoCreationEnabled: true,
        integration: { type: 'studio', studioFlowSid: flow, retryCount: 2 },
        conversationServiceSid: service,
      },
    });
    expect(response.status).toBe(200);
    const created = account()
      .addresses.all()
      .find((a) => a.address === address);
    expect(created).toMatchObject({
      type: 'sms',
      friendly_name: 'Support line',
      auto_creation: {
        enabled: true,
        type: 'studio',
        studio_flow_sid: flow,
        studio_retry_count: 2,
        conversation_service_sid: service,
      },
    });
    expect(response.body as AddressSummary).toEqual({
      sid: created?.sid,
      type: 'sms',
      address,
      friendlyName: 'Support line',
      autoCreationEnabled: true,
      integration: { type: 'studio', studioFlowSid: flow, retryCount: 2 },
      conversationServiceSid: service,
      dateUpdated: expect.any(String),
      history: RECORDED,
    });
    expect(Date.parse(String((response.body as AddressSummary).dateUpdated))).toBe(
      Date.parse(String(created?.date_updated)),
    );
    expect(addressWrites(t.log())).toHaveLength(1);
  });

  test('create-address makes a chat and a Messenger address; their address rules refuse bad input before Twilio', async () => {
    const flow = messagingFlowSid();
    const settings = { autoCreationEnabled: true, integration: { type: 'studio', studioFlowSid: flow, retryCount: 2 } };
    for (const [type, address] of [
      ['chat', 'web-chat-support'],
      ['messenger', 'messenger:108811223344556'],
    ] as const) {
      const response = await t.callFunction('create-address', {
        token: token(),
        payload: { type, address, ...settings },
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ type, address, integration: { type: 'studio', studioFlowSid: flow } });
      expect(account().findAddress(address)?.type).toBe(type);
    }
    const writes = addressWrites(t.log()).length;
    for (const [type, address, message] of [
      ['messenger', '108811223344556', /^Enter the Messenger address as messenger: followed by the Facebook Page ID/],
      ['messenger', 'messenger:owl-shoes', /^Enter the Messenger address/],
      ['chat', 'web chat', /^Name the chat address with letters, digits/],
      ['rcs', 'rcs:owl_shoes_agent', undefined],
    ] as const) {
      const refused = await t.callFunction('create-address', {
        token: token(),
        payload: { type, address, ...settings },
      });
      expectErrorBody(refused, 400, 'invalid_input');
      const fields = (refused.body as { error: { fields?: Record<string, string> } }).error.fields ?? {};
      if (message) expect(fields.address).toMatch(message);
      else expect(fields.type).toBe('Choose SMS, WhatsApp, Chat, Facebook Messenger or Email.');
    }
    expect(addressWrites(t.log())).toHaveLength(writes);
  });

  test('create-address makes a webhook address for a WhatsApp sender', async () => {
    const address = freeWhatsAppSender();
    const response = await t.callFunction('create-address', {
      token: token(),
      payload: {
        type: 'whatsapp',
        address,
        autoCreationEnabled: false,
        integration: {
          type: 'webhook',
          webhookUrl: 'https://example.com/inbound?x=1',
          webhookMethod: 'GET',
          webhookFilters: ['onMessageAdded', 'onParticipantAdded'],
        },
      },
    });
    expect(response.status).toBe(200);
    const created = account()
      .addresses.all()
      .find((a) => a.address === address);
    expect(created?.type).toBe('whatsapp');
    expect(created?.friendly_name).toBeNull();
    expect(created?.auto_creation).toEqual({
      enabled: false,
      type: 'webhook',
      webhook_url: 'https://example.com/inbound?x=1',
      webhook_method: 'GET',
      webhook_filters: ['onMessageAdded', 'onParticipantAdded'],
    });
  });

  test('create-address for an address that already has one answers 409 and changes nothing', async () => {
    const existing = someAddress();
    const before = addressesNow();
    const response = await t.callFunction('create-address', {
      token: token(),
      payload: { ...validPayload('create-address'), address: existing.address },
    });
    expectErrorBody(response, 409, 'conflict');
    expect(addressesNow()).toBe(before);
  });

  test('update-address changes the settings and keeps type and address', async () => {
    const existing = someAddress();
    const response = await t.callFunction('update-address', {
      token: token(),
      payload: validPayload('update-address'),
    });
    expect(response.status).toBe(200);
    const updated = account().addresses.get(existing.sid);
    expect(updated.type).toBe(existing.type);
    expect(updated.address).toBe(existing.address);
    expect(updated.auto_creation).toMatchObject({
      enabled: true,
      type: 'webhook',
      webhook_url: 'https://example.com/inbound',
      webhook_method: 'POST',
      webhook_filters: ['onMessageAdded'],
    });
    expect(updated.auto_creation.studio_flow_sid).toBeUndefined();
    expect((response.body as AddressSummary).integration).toEqual({
      type: 'webhook',
      webhookUrl: 'https://example.com/inbound',
      webhookMethod: 'POST',
      webhookFilters: ['onMessageAdded'],
    });
  });

  test('update-address of an address that does not exist answers 404', async () => {
    const response = await t.callFunction('update-address', {
      token: token(),
      payload: { ...validPayload('update-address'), sid: `IG${'0'.repeat(32)}` },
    });
    expectErrorBody(response, 404, 'not_found');
  });

  test('delete-address deletes exactly that address', async () => {
    const existing = someAddress('whatsapp');
    const count = account().addresses.size;
    const response = await t.callFunction('delete-address', { token: token(), payload: { sid: existing.sid } });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ deleted: existing.sid, history: RECORDED });
    expect(account().addresses.find(existing.sid)).toBeUndefined();
    expect(account().addresses.size).toBe(count - 1);
    expect(addressWrites(t.log()).map((e) => `${e.method} ${e.path}`)).toEqual([
      `DELETE /v1/Configuration/Addresses/${existing.sid}`,
    ]);
    expectErrorBody(
      await t.callFunction('delete-address', { token: token(), payload: { sid: existing.sid } }),
      404,
      'not_found',
    );
  });
});

describe('paging with cursors', () => {
  test('list-phone-numbers returns all of more than 1000 numbers, each once, in order', async () => {
    t.reset({ numbers: 2345, whatsappSenders: 3, addresses: 5 });
    const { items, pages } = await listAll<PhoneNumberSummary>(t, 'list-phone-numbers', t.tokens.supervisor());
    expect(pages).toBe(3);
    expect(items.map((n) => n.sid)).toEqual(
      account()
        .incomingPhoneNumbers.all()
        .map((n) => n.sid),
    );
    // The cursor carried Twilio's PageToken: each page was asked for once, at 1000 a page.
    const pageRequests = t.log().filter((e) => e.product === 'api' && e.path.endsWith('/IncomingPhoneNumbers.json'));
    expect(pageRequests.map((e) => [e.query.PageSize, e.query.Page ?? '0', e.query.PageToken ?? null])).toEqual([
      ['1000', '0', null],
      ['1000', '1', 'PA000003E8'],
      ['1000', '2', 'PA000007D0'],
    ]);
  });

  test('list-addresses follows up to five of Twilio’s 50-item pages a call, through all of them', async () => {
    t.reset({ addresses: 623, numbers: 60 });
    const { items, pages } = await listAll<AddressSummary>(t, 'list-addresses', t.tokens.supervisor());
    // 13 pages of Twilio's, 5 a call.
    expect(pages).toBe(3);
    const twilioPages = t
      .log()
      .filter((e) => e.product === 'conversations' && e.path === '/v1/Configuration/Addresses');
    expect(twilioPages).toHaveLength(13);
    expect(new Set(twilioPages.map((e) => e.query.PageSize))).toEqual(new Set(['50']));
    expect(items.map((a) => a.sid)).toEqual(
      account()
        .addresses.all()
        .map((a) => a.sid),
    );
  });

  const cursorFunctions = [
    'list-phone-numbers',
    'list-whatsapp-senders',
    'list-addresses',
    'list-studio-flows',
  ] as const;
  const badCursors: { what: string; cursor: unknown }[] = [
    { what: 'junk', cursor: 'not a cursor' },
    { what: 'a URL', cursor: 'https://evil.example/2010-04-01/Accounts' },
    {
      what: 'a URL inside',
      cursor: Buffer.from(JSON.stringify({ p: 1, t: 'https://evil.example/x' })).toString('base64url'),
    },
    { what: 'a negative page', cursor: Buffer.from(JSON.stringify({ p: -1, t: 'PT00000032' })).toString('base64url') },
    { what: 'a number', cursor: 42 },
    { what: 'an object', cursor: { p: 1, t: 'PT00000032' } },
    { what: 'a huge string', cursor: 'A'.repeat(600) },
  ];
  test.each(cursorFunctions.flatMap((name) => badCursors.map((c) => ({ name, ...c }))))(
    '$name refuses $what as a cursor before calling Twilio',
    async ({ name, cursor }) => {
      const token = t.tokens.supervisor();
      t.clearLog();
      const response = await t.callFunction(name, { token, payload: { cursor } });
      expectErrorBody(response, 400, 'invalid_cursor');
      expect(beyondTokenCheck(t.log())).toEqual([]);
    },
  );
});

describe('the role environment settings', () => {
  test('MESSAGING_SETUP_WRITE_ROLES=admin makes a supervisor’s writes 403, and an admin’s still work', async () => {
    t.env.MESSAGING_SETUP_WRITE_ROLES = 'admin';
    const before = addressesNow();
    for (const name of ['create-address', 'update-address', 'delete-address'] as const) {
      const token = t.tokens.supervisor();
      t.clearLog();
      expectErrorBody(await t.callFunction(name, { token, payload: validPayload(name) }), 403, 'forbidden');
      expect(beyondTokenCheck(t.log())).toEqual([]);
    }
    expect(addressesNow()).toBe(before);
    // Reads keep their own (default) roles.
    expect((await t.callFunction('list-addresses', { token: t.tokens.supervisor() })).status).toBe(200);
    const created = await t.callFunction('create-address', {
      token: t.tokens.admin(),
      payload: validPayload('create-address'),
    });
    expect(created.status).toBe(200);
  });

  test('MESSAGING_SETUP_READ_ROLES can let agents read, but not write', async () => {
    t.env.MESSAGING_SETUP_READ_ROLES = 'agent, supervisor, admin';
    const token = t.tokens.agent();
    for (const name of READ_FUNCTIONS) {
      expect({ name, status: (await t.callFunction(name, { token, payload: validPayload(name) })).status }).toEqual({
        name,
        status: 200,
      });
    }
    expectErrorBody(
      await t.callFunction('create-address', { token, payload: validPayload('create-address') }),
      403,
      'forbidden',
    );
  });

  test('fetch-flex-configuration tells the caller whether its roles may write, by the same settings', async () => {
    t.env.MESSAGING_SETUP_WRITE_ROLES = 'admin';
    const asSupervisor = await t.callFunction('fetch-flex-configuration', { token: t.tokens.supervisor() });
    expect(asSupervisor.body).toEqual(expectedFlexConfiguration(account(), false));
    const asAdmin = await t.callFunction('fetch-flex-configuration', { token: t.tokens.admin() });
    expect(asAdmin.body).toEqual(expectedFlexConfiguration(account(), true));
  });
});

describe('CORS', () => {
  const origins = [
    { origin: 'https://flex.twilio.com', allowed: true },
    { origin: TEST_ORIGIN, allowed: true },
    { origin: 'https://evil.example', allowed: false },
    { origin: 'https://flex.twilio.com.evil.example', allowed: false },
    { origin: 'null', allowed: false },
  ];

  test.each(origins)('origin $origin: allowed $allowed, on success and on error', async ({ origin, allowed }) => {
    const ok = await t.callFunction('list-studio-flows', { token: t.tokens.supervisor(), origin });
    const refused = await t.callFunction('list-studio-flows', { token: t.tokens.garbage(), origin });
    expect(ok.status).toBe(200);
    expect(refused.status).toBe(401);
    for (const response of [ok, refused]) {
      expect(response.headers['access-control-allow-origin']).toBe(allowed ? origin : undefined);
      expect(response.headers.vary).toMatch(/Origin/);
    }
    if (allowed) expect(refused.headers['access-control-expose-headers']).toMatch(/Retry-After/);
  });

  test('no Origin header (a server-side caller) gets no CORS header, and never a wildcard', async () => {
    const response = await t.callFunction('list-studio-flows', { token: t.tokens.supervisor() });
    expect(response.status).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});

/** A create with three wrong fields: the address, the webhook URL (http) and its method. */
const INVALID_CREATE = {
  type: 'sms',
  address: 'whatsapp:+14155550123',
  autoCreationEnabled: true,
  integration: { type: 'webhook', webhookUrl: 'http://example.com', webhookMethod: 'PUT', webhookFilters: [] },
};

describe('the request itself', () => {
  test.each(['create-address', 'list-phone-numbers'] as const)(
    '%s: a form field other than Token and Payload is refused (400) before calling Twilio',
    async (name) => {
      for (const field of ['Foo', 'token', 'payload', 'Payload2', 'TokenResult', 'request']) {
        const token = t.tokens.supervisor();
        const before = addressesNow();
        t.clearLog();
        const response = await t.callFunction(name, {
          token,
          payload: validPayload(name),
          extraFields: { [field]: 'x' },
        });
        expect({ field, status: response.status }).toEqual({ field, status: 400 });
        expectErrorBody(response, 400, 'invalid_request');
        expect(beyondTokenCheck(t.log())).toEqual([]);
        expect(addressesNow()).toBe(before);
      }
    },
  );

  test('a Payload larger than the limit is refused with 413 before calling Twilio', async () => {
    const payload = { ...validPayload('create-address'), friendlyName: 'x'.repeat(MAX_PAYLOAD_BYTES) };
    const before = addressesNow();
    const response = await t.callFunction('create-address', { token: t.tokens.supervisor(), payload });
    expectErrorBody(response, 413, 'payload_too_large');
    expect(beyondTokenCheck(t.log())).toEqual([]);
    expect(addressesNow()).toBe(before);
  });

  test('a Payload that is not JSON, or JSON that is not an object, is refused with 400', async () => {
    for (const rawPayload of ['{', 'undefined', "{'type': 'sms'}", '[]', '"text"', '42', 'null']) {
      const response = await t.callFunction('create-address', { token: t.tokens.supervisor(), rawPayload });
      expect({ rawPayload, status: response.status }).toEqual({ rawPayload, status: 400 });
      expect(errorBodyProblems(response.body)).toEqual([]);
    }
    expect(addressWrites(t.log())).toEqual([]);
  });

  test('a request a read function does not take is refused with 400', async () => {
    for (const name of READ_FUNCTIONS) {
      const response = await t.callFunction(name, { token: t.tokens.supervisor(), payload: { limit: 5 } });
      expect({ name, status: response.status }).toEqual({ name, status: 400 });
      expectErrorBody(response, 400, 'invalid_input');
    }
  });

  test.each([
    ' https://example.com/inbound',
    'https://example.com/inbound\n',
    'https://exa\tmple.com/inbound',
    'https://example.com/a b',
    'https:example.com/inbound',
    'https:/example.com/inbound',
    'https:///example.com/inbound',
    'https:\\\\example.com\\inbound',
  ])('a webhook URL the URL parser would repair (%j) is refused, not sent as written', async (webhookUrl) => {
    const payload = {
      ...validPayload('update-address'),
      integration: { type: 'webhook', webhookUrl, webhookMethod: 'POST', webhookFilters: [] },
    };
    const response = await t.callFunction('update-address', { token: t.tokens.supervisor(), payload });
    expectErrorBody(response, 400, 'invalid_input');
    expect(Object.keys((response.body as { error: { fields: object } }).error.fields)).toEqual(['webhookUrl']);
    expect(addressWrites(t.log())).toEqual([]);
  });

  test('an invalid create names the fields that are wrong, and sends nothing to Twilio', async () => {
    const response = await t.callFunction('create-address', {
      token: t.tokens.supervisor(),
      payload: INVALID_CREATE,
    });
    expectErrorBody(response, 400, 'invalid_input');
    expect(Object.keys((response.body as { error: { fields: object } }).error.fields).sort()).toEqual([
      'address',
      'webhookMethod',
      'webhookUrl',
    ]);
    expect(beyondTokenCheck(t.log())).toEqual([]);
  });
});

describe('an error body says the same as keys of the contract’s messages, for a client that words them itself', () => {
  type KeyedError = {
    message: string;
    fields?: Record<string, string>;
    messageKey?: string;
    values?: unknown;
    fieldProblems?: FieldProblems;
  };
  const errorOf = (response: FunctionResponse) => (response.body as { error: KeyedError }).error;
  /** The English of the body is its key and values, worded from the contract's table. */
  const wordedAsSent = (error: KeyedError) => {
    const problem = readProblem({ key: error.messageKey, values: error.values });
    if (!problem) throw new Error(`no problem the table words: ${JSON.stringify(error)}`);
    return wordMessage(problem);
  };

  test('an invalid create: messageKey and values of the summary, and each field’s problem', async () => {
    const response = await t.callFunction('create-address', {
      token: t.tokens.supervisor(),
      payload: INVALID_CREATE,
    });
    expectErrorBody(response, 400, 'invalid_input');
    const error = errorOf(response);
    expect(error).toMatchObject({
      messageKey: 'MessagingSetupRuleFieldsSummary',
      values: { problems: expect.anything() },
    });
    expect(error.fieldProblems).toEqual({
      address: { key: 'MessagingSetupRuleAddressSms', values: { example: '+14155550123' } },
      webhookUrl: {
        key: 'MessagingSetupRuleUrlHttps',
        values: { label: { key: 'MessagingSetupRuleUrlLabelWebhook' } },
      },
      webhookMethod: { key: 'MessagingSetupRuleChooseMethod' },
    });
    expect(wordedAsSent(error)).toBe(error.message);
    expect(wordFields(error.fieldProblems ?? {})).toEqual(error.fields);
    expect(error.fields?.webhookUrl).toBe('The webhook URL must use https.');
  });

  test('a refused role: the roles are a value of its message, and no field problems', async () => {
    const response = await t.callFunction('list-phone-numbers', { token: t.tokens.agent() });
    expectErrorBody(response, 403, 'forbidden');
    const error = errorOf(response);
    expect(error).toMatchObject({
      messageKey: 'MessagingSetupRefusalForbidden',
      values: { roles: expect.any(String) },
    });
    expect(error.message).toBe(
      `Messaging Setup needs one of these Flex roles: ${String((error.values as { roles: string }).roles)}.`,
    );
    expect(wordedAsSent(error)).toBe(error.message);
    expect(error).not.toHaveProperty('fieldProblems');
  });

  test('Twilio’s own message is a value, not a key: data an account’s wording keeps', async () => {
    const response = await t.callFunction('delete-address', {
      token: t.tokens.supervisor(),
      payload: { sid: `IG${'0'.repeat(32)}` },
    });
    const error = errorOf(response);
    expect(response.status).toBe(404);
    expect(error.messageKey).toBe('MessagingSetupRefusalTwilioSays');
    expect(error.values).toEqual({ message: error.message });
  });
});
