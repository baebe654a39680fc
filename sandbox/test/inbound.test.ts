/**
 * `POST /_sandbox/inbound`: one customer message played the way Twilio handles it: the address's
 * auto-creation (conversation, Studio flow, signed webhooks, or nothing) and the handlers that run
 * in parallel. Webhooks go to a real local server that checks Twilio's signature.
 */
import { sendSignedWebhook } from '../server/inbound/signedWebhook';
import type { InboundAction, InboundResult } from '../server/inbound/types';
import type { AutoCreation } from '../server/state';
import { TEST_RESET, setUpSandbox, type RawResponse } from './harness';
import { quietNumbers as quietNumbersOf } from './accountPicks';
import { setUpWebhookTarget, startWebhookTarget, unreachableUrl } from './webhookTarget';

const t = setUpSandbox();
const webhooks = setUpWebhookTarget(t);

const CUSTOMER = '+13115552368';
const OTHER_CUSTOMER = '+13115550199';
const SID = (prefix: string) => expect.stringMatching(new RegExp(`^${prefix}[0-9a-f]{32}$`));
const ISO_DATE = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);

async function play(from: string, to: string, body?: string, subject?: string): Promise<InboundResult> {
  const response = await t.control.call('POST', '/inbound', { from, to, body, subject });
  if (response.status !== 200) throw new Error(`inbound answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as InboundResult;
}

const kinds = (result: InboundResult) => result.actions.map((a) => a.kind);
function actionOf<K extends InboundAction['kind']>(result: InboundResult, kind: K) {
  const action = result.actions.find((a): a is Extract<InboundAction, { kind: K }> => a.kind === kind);
  if (!action) throw new Error(`no ${kind} action in ${JSON.stringify(result.actions)}`);
  return action;
}

const account = () => t.sandbox.account;
const flexServiceSid = () => String(account().flexConfiguration.flex_service_instance_sid);
const messagingFlow = () => {
  const flow = account()
    .studioFlows.all()
    .find((f) => f.friendly_name === 'Messaging Flow');
  if (!flow) throw new Error('no Messaging Flow in the demo account');
  return flow;
};

const quietNumbers = () => quietNumbersOf(account());

function quietNumber(): string {
  const [number] = quietNumbers();
  if (!number) throw new Error('the demo account has no quiet number');
  return number;
}

/** Creates an address through the REST API, as the plugin would. */
async function createAddress(address: string, autoCreation: AutoCreation): Promise<string> {
  const form: Record<string, string | string[]> = {
    Type: address.startsWith('whatsapp:') ? 'whatsapp' : address.includes('@') ? 'email' : 'sms',
    Address: address,
  };
  for (const [key, value] of Object.entries(autoCreation)) {
    const name = `AutoCreation.${key.replace(/(^|_)([a-z])/g, (_m, _s, c: string) => c.toUpperCase())}`;
    form[name] = Array.isArray(value) ? value.map(String) : String(value);
  }
  const response = await t.raw('conversations', '/v1/Configuration/Addresses', { form });
  if (response.status !== 201) throw new Error(`address create answered ${response.status}`);
  return (response.body as { sid: string }).sid;
}

const webhookAddress = (address: string, extra: Partial<AutoCreation> = {}) =>
  createAddress(address, {
    enabled: true,
    type: 'webhook',
    conversation_service_sid: flexServiceSid(),
    webhook_url: webhooks.target.url,
    webhook_method: 'POST',
    ...extra,
  });

const studioAddress = (address: string, flowSid: string) =>
  createAddress(address, {
    enabled: true,
    type: 'studio',
    conversation_service_sid: flexServiceSid(),
    studio_flow_sid: flowSid,
    studio_retry_count: 3,
  });

describe('request validation', () => {
  test.each<[string, unknown]>([
    ['no to', { from: CUSTOMER }],
    ['no from', { to: '+14155550100' }],
    ['a from that is not E.164', { from: '4155550100', to: '+14155550100' }],
    ['a to with a channel other than whatsapp', { from: 'messenger:+14155550100', to: 'messenger:+14155550101' }],
    ['an SMS customer writing to a WhatsApp sender', { from: CUSTOMER, to: 'whatsapp:+14155550100' }],
    ['a WhatsApp customer writing to an SMS number', { from: `whatsapp:${CUSTOMER}`, to: '+14155550100' }],
    ['a body that is not a string', { from: CUSTOMER, to: '+14155550100', body: 5 }],
    ['a body above 1600 characters', { from: CUSTOMER, to: '+14155550100', body: 'x'.repeat(1601) }],
    ['an email customer writing to an SMS number', { from: 'customer@example.net', to: '+14155550100' }],
    ['an SMS customer writing to an email address', { from: CUSTOMER, to: 'orders@owl-shoes.example' }],
    ['a subject on an SMS', { from: CUSTOMER, to: '+14155550100', subject: 'Hello' }],
    [
      'a subject above 998 characters',
      { from: 'customer@example.net', to: 'orders@owl-shoes.example', subject: 'x'.repeat(999) },
    ],
    ['an unknown field', { from: CUSTOMER, to: '+14155550100', media: 'x' }],
    ['a JSON array', [CUSTOMER]],
  ])('%s is a 400 and plays nothing', async (_what, body) => {
    const response: RawResponse = await t.control.call('POST', '/inbound', body);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: { code: 'invalid_control_request', message: expect.any(String) } });
    expect((await t.control.call('GET', '/inbound')).body).toEqual({ count: 0, events: [] });
  });
});

describe('messages that no conversation receives', () => {
  test('no address for the number: not delivered, nothing created', async () => {
    const number = quietNumber();
    const conversationsBefore = account().conversations.size;
    const result = await play(CUSTOMER, number, 'Hello?');
    expect(result).toEqual({
      from: CUSTOMER,
      to: number,
      address: null,
      conversation: null,
      message: null,
      actions: [{ kind: 'not_delivered', reason: 'no_address', detail: expect.stringContaining(number) }],
      interactions: [],
    });
    expect(account().conversations.size).toBe(conversationsBefore);
  });

  test('auto-creation switched off: not delivered, and the address is named', async () => {
    const number = quietNumber();
    const sid = await studioAddress(number, messagingFlow().sid);
    await t.client.conversations.v1.addressConfigurations(sid).update({ 'autoCreation.enabled': false });
    const result = await play(CUSTOMER, number);
    expect(result.address).toEqual({ sid, type: 'sms', integration: 'studio' });
    expect(result.conversation).toBeNull();
    expect(result.actions).toEqual([
      { kind: 'not_delivered', reason: 'auto_creation_disabled', detail: expect.stringMatching(/auto-creation/) },
    ]);
  });

  test('an address whose conversation service was deleted: not delivered', async () => {
    const number = quietNumber();
    const service = await t.client.conversations.v1.services.create({ friendlyName: 'Soon gone' });
    await createAddress(number, { enabled: true, type: 'default', conversation_service_sid: service.sid });
    await t.client.conversations.v1.services(service.sid).remove();
    const result = await play(CUSTOMER, number);
    expect(result.conversation).toBeNull();
    expect(result.actions).toEqual([
      { kind: 'not_delivered', reason: 'conversation_service_missing', detail: expect.stringContaining(service.sid) },
    ]);
  });
});

describe('Studio addresses', () => {
  test('the first message makes a conversation and starts an execution; later ones continue it', async () => {
    const number = quietNumber();
    const flow = messagingFlow();
    const addressSid = await studioAddress(number, flow.sid);

    const first = await play(CUSTOMER, number, 'Hi, I need help');
    expect(first).toEqual({
      from: CUSTOMER,
      to: number,
      address: { sid: addressSid, type: 'sms', integration: 'studio' },
      conversation: { sid: SID('CH'), created: true, serviceSid: flexServiceSid() },
      message: { sid: SID('IM'), index: 0 },
      actions: [
        {
          kind: 'studio_execution',
          flowSid: flow.sid,
          executionSid: SID('FN'),
          newExecution: true,
          detail: expect.stringContaining('Messaging Flow'),
        },
      ],
      interactions: [],
    });
    // The conversation is a real one: the REST API serves it (and the harness checks it against the spec).
    const conversationSid = first.conversation?.sid ?? '';
    const conversation = await t.client.conversations.v1.conversations(conversationSid).fetch();
    expect(conversation).toMatchObject({ chatServiceSid: flexServiceSid(), state: 'active' });
    expect(conversation.messagingServiceSid).toMatch(/^MG/);

    const second = await play(CUSTOMER, number, 'Anyone there?');
    expect(second.conversation).toEqual({ sid: conversationSid, created: false, serviceSid: flexServiceSid() });
    expect(second.message).toEqual({ sid: SID('IM'), index: 1 });
    expect(second.message?.sid).not.toBe(first.message?.sid);
    const execution = actionOf(second, 'studio_execution');
    expect(execution).toMatchObject({
      executionSid: actionOf(first, 'studio_execution').executionSid,
      newExecution: false,
    });

    const otherCustomer = await play(OTHER_CUSTOMER, number);
    expect(otherCustomer.conversation?.sid).not.toBe(conversationSid);
    expect(otherCustomer.message?.index).toBe(0);
    expect(actionOf(otherCustomer, 'studio_execution').newExecution).toBe(true);
  });

  test('a missing flow or a draft flow: the conversation is made, but the flow fails', async () => {
    const [missingNumber, draftNumber] = quietNumbers();
    const missingFlow = `FW${'0'.repeat(32)}`;
    await studioAddress(missingNumber, missingFlow);
    const draft = account()
      .studioFlows.all()
      .find((f) => f.status === 'draft');
    if (!draft) throw new Error('no draft flow in the demo account');
    await studioAddress(draftNumber, draft.sid);

    const missing = await play(CUSTOMER, missingNumber);
    expect(missing.conversation?.created).toBe(true);
    expect(missing.actions).toEqual([
      {
        kind: 'studio_failed',
        flowSid: missingFlow,
        reason: 'flow_missing',
        detail: expect.stringMatching(/not exist/),
      },
    ]);
    const unpublished = await play(CUSTOMER, draftNumber);
    expect(unpublished.actions).toEqual([
      {
        kind: 'studio_failed',
        flowSid: draft.sid,
        reason: 'flow_not_published',
        detail: expect.stringMatching(/not published/),
      },
    ]);
  });

  test('a conversation made in the Conversations default service when the address names none', async () => {
    const number = quietNumber();
    await createAddress(number, { enabled: true, type: 'studio', studio_flow_sid: messagingFlow().sid });
    const result = await play(CUSTOMER, number);
    expect(result.conversation?.serviceSid).toBe(account().conversationsConfiguration.default_chat_service_sid);
  });
});

describe('chat and Messenger addresses', () => {
  test('a chat customer reaches the default chat address and its Studio flow; a Messenger message its page', async () => {
    await t.control.reset({ otherChannels: true });
    const chat = await play('guest-5f2a9c', 'flex-chat-default', 'Hi from the website');
    expect(chat.address).toMatchObject({ type: 'chat', integration: 'studio' });
    expect(chat.conversation).toMatchObject({ created: true });
    expect(chat.actions).toEqual([
      expect.objectContaining({
        kind: 'studio_execution',
        newExecution: true,
        detail: expect.stringContaining('Chat Flow'),
      }),
    ]);
    const messenger = await play('messenger:7654321098765', 'messenger:106932781234567', 'Hello page');
    expect(messenger.address).toMatchObject({ type: 'messenger', integration: 'studio' });
    expect(messenger.actions).toEqual([expect.objectContaining({ kind: 'studio_execution', newExecution: true })]);
    // Channels do not mix: a phone customer cannot write to a page.
    expect((await t.control.call('POST', '/inbound', { from: CUSTOMER, to: 'messenger:106932781234567' })).status).toBe(
      400,
    );
  });
});

describe('email addresses', () => {
  const EMAIL_CUSTOMER = 'customer@example.net';
  const emailAddress = (address: string) => {
    const found = account().findAddress(address);
    if (!found) throw new Error(`no address ${address} in the demo account`);
    return found;
  };

  test('an email to the demo’s address for "Email Flow": a conversation with the customer’s email binding, and an execution', async () => {
    await t.control.reset({ otherChannels: true });
    const orders = emailAddress('orders@owl-shoes.example');
    const result = await play(EMAIL_CUSTOMER, orders.address, 'Where is my order?', 'Order 1234');
    expect(result).toMatchObject({
      address: { sid: orders.sid, type: 'email', integration: 'studio' },
      conversation: { created: true, serviceSid: flexServiceSid() },
      message: { index: 0 },
    });
    expect(result.actions).toEqual([
      expect.objectContaining({
        kind: 'studio_execution',
        flowSid: orders.auto_creation.studio_flow_sid,
        newExecution: true,
        detail: expect.stringContaining('Email Flow'),
      }),
    ]);
    const conversationSid = result.conversation?.sid ?? '';
    // Email in Flex sends through no Messaging Service.
    expect((await t.client.conversations.v1.conversations(conversationSid).fetch()).messagingServiceSid).toBeNull();
    const participants = await t.client.conversations.v1.conversations(conversationSid).participants.list();
    expect(participants.map((p) => [p.identity, p.messagingBinding])).toEqual([
      [null, { type: 'email', address: EMAIL_CUSTOMER, proxy_address: orders.address }],
    ]);

    // The demo's other email addresses: one with no integration, one to a flow that is gone.
    expect(kinds(await play(EMAIL_CUSTOMER, 'support@owl-shoes.example'))).toEqual(['no_integration']);
    expect((await play(EMAIL_CUSTOMER, 'returns@help.owl-shoes.example')).actions).toEqual([
      expect.objectContaining({ kind: 'studio_failed', reason: 'flow_missing' }),
    ]);
  });

  test('an email to a webhook address: signed events with Source EMAIL, the email binding and the subject', async () => {
    await webhookAddress('help@owl-shoes.example');
    const first = await play(EMAIL_CUSTOMER, 'help@owl-shoes.example', 'My parcel never came.', 'Missing parcel');
    expect(first.address).toMatchObject({ type: 'email', integration: 'webhook' });
    expect(webhooks.target.received.map((h) => [h.params.EventType, h.signatureValid])).toEqual([
      ['onConversationAdded', true],
      ['onParticipantAdded', true],
      ['onMessageAdded', true],
    ]);
    const [conversationAdded, participantAdded, messageAdded] = webhooks.target.received.map((h) => h.params);
    for (const params of [conversationAdded, participantAdded, messageAdded]) {
      expect(params).toMatchObject({ Source: 'EMAIL', ConversationSid: first.conversation?.sid });
      expect(params).not.toHaveProperty('MessagingServiceSid');
    }
    expect(participantAdded).toMatchObject({
      'MessagingBinding.Type': 'email',
      'MessagingBinding.Address': EMAIL_CUSTOMER,
      'MessagingBinding.ProxyAddress': 'help@owl-shoes.example',
    });
    expect(messageAdded).toMatchObject({
      Author: EMAIL_CUSTOMER,
      Body: 'My parcel never came.',
      Subject: 'Missing parcel',
      Index: '0',
    });

    // A reply without a subject joins the conversation and sends no Subject.
    webhooks.target.received.length = 0;
    const reply = await play(EMAIL_CUSTOMER, 'help@owl-shoes.example', 'Any news?');
    expect(reply.conversation).toMatchObject({ sid: first.conversation?.sid, created: false });
    expect(webhooks.target.received.map((h) => h.params.EventType)).toEqual(['onMessageAdded']);
    expect(webhooks.target.received[0].params).not.toHaveProperty('Subject');
  });

  test('once the task is completed the conversation is closed, and the customer’s next email starts a new one', async () => {
    await studioAddress('help@owl-shoes.example', messagingFlow().sid);
    const first = await play(EMAIL_CUSTOMER, 'help@owl-shoes.example', 'Hello');
    await t.client.conversations.v1.conversations(first.conversation?.sid ?? '').update({ state: 'closed' });
    const next = await play(EMAIL_CUSTOMER, 'help@owl-shoes.example', 'Re: Hello');
    expect(next.conversation?.created).toBe(true);
    expect(next.conversation?.sid).not.toBe(first.conversation?.sid);
    expect(actionOf(next, 'studio_execution').newExecution).toBe(true);
  });

  test('an email to an address that has no configuration is not delivered', async () => {
    const result = await play(EMAIL_CUSTOMER, 'nobody@owl-shoes.example', 'Hello?');
    expect(result).toMatchObject({ address: null, conversation: null, message: null, interactions: [] });
    expect(result.actions).toEqual([
      { kind: 'not_delivered', reason: 'no_address', detail: expect.stringContaining('nobody@owl-shoes.example') },
    ]);
  });

  test('a chat customer whose identity looks like an email address still writes to a chat address as chat', async () => {
    await t.control.reset({ otherChannels: true });
    const chat = await play('guest@example.net', 'flex-chat-default', 'Hi');
    expect(chat.address).toMatchObject({ type: 'chat' });
    const [guest] = await t.client.conversations.v1.conversations(chat.conversation?.sid ?? '').participants.list();
    expect([guest.identity, guest.messagingBinding]).toEqual(['guest@example.net', null]);
  });
});

describe('default addresses', () => {
  test('the conversation is made, with nothing that routes it to an agent', async () => {
    const number = quietNumber();
    await createAddress(number, { enabled: true, type: 'default', conversation_service_sid: flexServiceSid() });
    const result = await play(CUSTOMER, number);
    expect(result.address?.integration).toBe('default');
    const conversationSid = result.conversation?.sid;
    expect(result.actions).toEqual([
      { kind: 'no_integration', conversationSid, detail: expect.stringMatching(/nothing routes it to an agent/) },
    ]);
  });
});

describe('webhook addresses', () => {
  test('POST: every event on the first message, signed, with Twilio’s fields; then only onMessageAdded', async () => {
    const number = quietNumber();
    await webhookAddress(number);
    const first = await play(CUSTOMER, number, 'Where is my order?');
    const conversationSid = first.conversation?.sid ?? '';

    expect(webhooks.target.received.map((h) => [h.method, h.params.EventType, h.signatureValid])).toEqual([
      ['POST', 'onConversationAdded', true],
      ['POST', 'onParticipantAdded', true],
      ['POST', 'onMessageAdded', true],
    ]);
    expect(webhooks.target.received.every((h) => h.contentType?.startsWith('application/x-www-form-urlencoded'))).toBe(
      true,
    );
    const [conversationAdded, participantAdded, messageAdded] = webhooks.target.received.map((h) => h.params);
    const common = {
      AccountSid: t.accountSid,
      ChatServiceSid: flexServiceSid(),
      ConversationSid: conversationSid,
      WebhookSid: SID('WH'),
      WebhookType: 'webhook',
      RetryCount: '0',
      Source: 'SMS',
      MessagingServiceSid: SID('MG'),
    };
    expect(messageAdded).toEqual({
      ...common,
      EventType: 'onMessageAdded',
      MessageSid: first.message?.sid,
      ParticipantSid: SID('MB'),
      Author: CUSTOMER,
      Body: 'Where is my order?',
      Index: '0',
      DateCreated: ISO_DATE,
      Attributes: '{}',
    });
    expect(conversationAdded).toMatchObject({
      ...common,
      EventType: 'onConversationAdded',
      State: 'active',
      'MessagingBinding.Address': CUSTOMER,
      'MessagingBinding.ProxyAddress': number,
    });
    expect(participantAdded).toMatchObject({
      ...common,
      EventType: 'onParticipantAdded',
      ParticipantSid: messageAdded.ParticipantSid,
      'MessagingBinding.Type': 'sms',
      'MessagingBinding.Address': CUSTOMER,
    });
    expect(new Set(webhooks.target.received.map((h) => h.params.WebhookSid)).size).toBe(1);
    expect(first.actions).toEqual(
      ['onConversationAdded', 'onParticipantAdded', 'onMessageAdded'].map((event) => ({
        kind: 'webhook_delivered',
        url: webhooks.target.url,
        method: 'POST',
        event,
        status: 200,
        ok: true,
        detail: expect.stringContaining(event),
      })),
    );

    webhooks.target.received.length = 0;
    const second = await play(CUSTOMER, number, 'Hello again');
    expect(second.conversation).toMatchObject({ sid: conversationSid, created: false });
    expect(webhooks.target.received.map((h) => h.params.EventType)).toEqual(['onMessageAdded']);
    expect(webhooks.target.received[0].params).toMatchObject({
      Index: '1',
      Body: 'Hello again',
      ParticipantSid: messageAdded.ParticipantSid,
      WebhookSid: messageAdded.WebhookSid,
      MessageSid: second.message?.sid,
    });
    expect(webhooks.target.received[0].signatureValid).toBe(true);
  });

  test('GET with a filter: only the filtered event, its fields in the signed query string', async () => {
    const number = quietNumber();
    await webhookAddress(number, { webhook_method: 'GET', webhook_filters: ['onMessageAdded'] });
    const result = await play(CUSTOMER, number, 'a b&c=d');
    expect(webhooks.target.received).toHaveLength(1);
    const [hook] = webhooks.target.received;
    expect(hook).toMatchObject({ method: 'GET', signatureValid: true });
    expect(hook.url.startsWith(`${webhooks.target.url}?`)).toBe(true);
    expect(hook.params).toMatchObject({ EventType: 'onMessageAdded', Body: 'a b&c=d', Author: CUSTOMER, Index: '0' });
    expect(result.actions).toEqual([
      expect.objectContaining({ kind: 'webhook_delivered', method: 'GET', status: 200 }),
    ]);
  });

  test.each<[string, 'POST' | 'GET']>([
    ['POST', 'POST'],
    ['GET', 'GET'],
  ])(
    '%s to a webhook URL with its own query string: the URL as configured, signed with its query',
    async (_m, method) => {
      const number = quietNumber();
      const url = `${webhooks.target.url}?tenant=a&team=support%20EU`;
      await webhookAddress(number, { webhook_url: url, webhook_method: method, webhook_filters: ['onMessageAdded'] });
      const result = await play(CUSTOMER, number, 'a b&c=d');
      expect(webhooks.target.received).toHaveLength(1);
      const [hook] = webhooks.target.received;
      expect(hook).toMatchObject({ method, signatureValid: true });
      if (method === 'POST') {
        expect(hook.url).toBe(url);
        expect(hook.params).toMatchObject({ EventType: 'onMessageAdded', Body: 'a b&c=d' });
        expect(hook.params).not.toHaveProperty('tenant');
      } else {
        // Twilio appends a GET's parameters to the configured query string.
        expect(hook.url.startsWith(`${url}&`)).toBe(true);
        expect(hook.params).toMatchObject({ tenant: 'a', team: 'support EU', EventType: 'onMessageAdded' });
      }
      expect(result.actions).toEqual([
        expect.objectContaining({ kind: 'webhook_delivered', url, method, status: 200 }),
      ]);
    },
  );

  test('a signature made with another auth token does not validate (the check is real)', async () => {
    const number = quietNumber();
    await webhookAddress(number, { webhook_filters: ['onMessageAdded'] });
    await play(CUSTOMER, number, 'x');
    const other = await startWebhookTarget('0'.repeat(32));
    try {
      await sendSignedWebhook(other.url, 'POST', webhooks.target.received[0].params, t.authToken);
      expect(other.received[0].signatureValid).toBe(false);
    } finally {
      await other.close();
    }
  });

  test('the target calls the REST API back while the sandbox waits: its Interaction is in the result', async () => {
    const number = quietNumber();
    await webhookAddress(number, { webhook_filters: ['onMessageAdded'] });
    const config = await t.client.flexApi.v1.configuration().fetch();
    webhooks.target.respondWith(async (hook) => {
      await t.client.flexApi.v1.interaction.create({
        channel: {
          type: 'sms',
          initiated_by: 'customer',
          properties: { media_channel_sid: hook.params.ConversationSid },
        },
        routing: {
          properties: {
            workspace_sid: config.taskrouterWorkspaceSid,
            workflow_sid: config.taskrouterTargetWorkflowSid,
            task_channel_unique_name: 'sms',
            attributes: { from: hook.params.Author },
          },
        },
      });
      return 200;
    });
    const result = await play(CUSTOMER, number);
    expect(result.interactions).toEqual([SID('KD')]);
    const interaction = await t.client.flexApi.v1.interaction(result.interactions[0]).fetch();
    expect(interaction.channel.properties.media_channel_sid).toBe(result.conversation?.sid);
  });

  test('a non-2xx answer is delivered but not ok', async () => {
    const number = quietNumber();
    await webhookAddress(number, { webhook_filters: ['onMessageAdded'] });
    webhooks.target.respondWith(() => 500);
    const result = await play(CUSTOMER, number);
    expect(result.actions).toEqual([
      expect.objectContaining({ kind: 'webhook_delivered', event: 'onMessageAdded', status: 500, ok: false }),
    ]);
  });

  test('an unreachable URL, or the seeded address with an empty URL: webhook_failed', async () => {
    const number = quietNumber();
    const url = await unreachableUrl();
    await webhookAddress(number, { webhook_url: url, webhook_filters: ['onMessageAdded'] });
    const unreachable = await play(CUSTOMER, number);
    expect(unreachable.conversation?.created).toBe(true);
    expect(unreachable.actions).toEqual([
      {
        kind: 'webhook_failed',
        url,
        method: 'POST',
        event: 'onMessageAdded',
        error: expect.stringMatching(/refused/),
        detail: expect.stringContaining(url),
      },
    ]);

    const empty = account()
      .addresses.all()
      .find((a) => a.auto_creation.type === 'webhook' && a.auto_creation.webhook_url === '');
    if (!empty) throw new Error('the demo account has no webhook address without a URL');
    const noUrl = await play(CUSTOMER, empty.address);
    expect(noUrl.actions.filter((a) => a.kind.startsWith('webhook'))).toEqual([
      expect.objectContaining({ kind: 'webhook_failed', url: '', error: 'the address has no webhook URL' }),
    ]);
  });

  test('a target slower than the timeout is a failure that names the timeout', async () => {
    webhooks.target.respondWith(() => new Promise((resolve) => setTimeout(() => resolve(200), 1000)));
    const outcome = await sendSignedWebhook(
      webhooks.target.url,
      'POST',
      { EventType: 'onMessageAdded' },
      t.authToken,
      200,
    );
    expect(outcome).toEqual({ answered: false, error: "no answer within 0.2 s (Twilio's webhook timeout)" });
  });

  test('WhatsApp: Source WHATSAPP, whatsapp: addresses as Author and binding', async () => {
    const taken = new Set(
      account()
        .addresses.all()
        .map((a) => a.address),
    );
    const heldByFlexFlow = new Set(
      account()
        .flexFlows.all()
        .map((f) => f.contact_identity),
    );
    const sender = account()
      .channelSenders.all()
      .map((s) => String(s.sender_id))
      .find((s) => !taken.has(s) && !heldByFlexFlow.has(s));
    if (!sender) throw new Error('the demo account has no WhatsApp sender without an address');
    await webhookAddress(sender, { webhook_filters: ['onParticipantAdded', 'onMessageAdded'] });
    const customer = `whatsapp:${CUSTOMER}`;
    const result = await play(customer, sender, 'Hola');
    expect(result.address?.type).toBe('whatsapp');
    expect(webhooks.target.received.map((h) => h.params.EventType)).toEqual(['onParticipantAdded', 'onMessageAdded']);
    expect(webhooks.target.received[0].params).toMatchObject({
      Source: 'WHATSAPP',
      'MessagingBinding.Type': 'whatsapp',
      'MessagingBinding.Address': customer,
      'MessagingBinding.ProxyAddress': sender,
    });
    expect(webhooks.target.received[1].params).toMatchObject({ Source: 'WHATSAPP', Author: customer, Body: 'Hola' });
  });
});

describe('conversation reuse', () => {
  test('a closed conversation is not reused: the next message starts a new one', async () => {
    const number = quietNumber();
    await webhookAddress(number);
    const first = await play(CUSTOMER, number);
    const firstSid = first.conversation?.sid ?? '';
    await t.client.conversations.v1.conversations(firstSid).update({ state: 'closed' });

    webhooks.target.received.length = 0;
    const next = await play(CUSTOMER, number);
    expect(next.conversation).toMatchObject({ created: true });
    expect(next.conversation?.sid).not.toBe(firstSid);
    expect(next.message?.index).toBe(0);
    expect(webhooks.target.received.map((h) => h.params.EventType)).toEqual([
      'onConversationAdded',
      'onParticipantAdded',
      'onMessageAdded',
    ]);
  });

  test('a deleted conversation is not reused either', async () => {
    const number = quietNumber();
    await studioAddress(number, messagingFlow().sid);
    const first = await play(CUSTOMER, number);
    await t.client.conversations.v1.conversations(first.conversation?.sid ?? '').remove();
    const next = await play(CUSTOMER, number);
    expect(next.conversation?.created).toBe(true);
    expect(actionOf(next, 'studio_execution').newExecution).toBe(true);
  });
});

describe('handlers that take the message in parallel', () => {
  test('a number’s "A message comes in" URL or SMS application runs alongside the address', async () => {
    const a = account();
    const withUrl = a.incomingPhoneNumbers.all().find((n) => n.sms_url && a.findAddress(n.phone_number));
    const withApp = a.incomingPhoneNumbers.all().find((n) => n.sms_application_sid);
    if (!withUrl || !withApp) throw new Error('the demo account lacks a number with a handler');

    const result = await play(CUSTOMER, withUrl.phone_number);
    expect(result.conversation?.created).toBe(true);
    expect(actionOf(result, 'number_handler_triggered')).toEqual({
      kind: 'number_handler_triggered',
      phoneNumberSid: withUrl.sid,
      smsUrl: withUrl.sms_url,
      smsApplicationSid: null,
      detail: expect.stringContaining(String(withUrl.sms_url)),
    });
    const app = await play(CUSTOMER, withApp.phone_number);
    expect(actionOf(app, 'number_handler_triggered')).toMatchObject({
      smsUrl: null,
      smsApplicationSid: withApp.sms_application_sid,
    });
  });

  test('a legacy Flex Flow holding the number or sender takes the message too', async () => {
    const heldFlows = account()
      .flexFlows.all()
      .filter((f) => f.contact_identity);
    expect(heldFlows.map((f) => f.channel_type).sort()).toEqual(['sms', 'sms', 'whatsapp']);
    for (const flow of heldFlows) {
      const identity = String(flow.contact_identity);
      const from = identity.startsWith('whatsapp:') ? `whatsapp:${CUSTOMER}` : CUSTOMER;
      const result = await play(from, identity);
      expect(actionOf(result, 'flex_flow_triggered')).toEqual({
        kind: 'flex_flow_triggered',
        flexFlowSid: flow.sid,
        friendlyName: flow.friendly_name,
        detail: expect.stringContaining(flow.sid),
      });
    }
  });

  test('the external-webhook Flex Flow’s number has no address: not delivered, but the Flex Flow takes it', async () => {
    const external = account()
      .flexFlows.all()
      .find((f) => f.integration_type === 'external');
    const identity = String(external?.contact_identity);
    const result = await play(CUSTOMER, identity);
    expect(kinds(result)).toEqual(['not_delivered', 'flex_flow_triggered']);
  });

  test('a disabled Flex Flow takes nothing', async () => {
    const [flow] = account()
      .flexFlows.all()
      .filter((f) => f.channel_type === 'sms' && f.integration_type === 'studio');
    await t.client.flexApi.v1.flexFlow(flow.sid).update({ enabled: false });
    const result = await play(CUSTOMER, String(flow.contact_identity));
    expect(kinds(result)).not.toContain('flex_flow_triggered');
  });
});

describe('GET /_sandbox/inbound', () => {
  test('lists the results oldest first; a reset clears them', async () => {
    const number = quietNumber();
    const first = await play(CUSTOMER, number, 'one');
    const second = await play(OTHER_CUSTOMER, number, 'two');
    expect((await t.control.call('GET', '/inbound')).body).toEqual({ count: 2, events: [first, second] });
    await t.control.reset(TEST_RESET);
    expect((await t.control.call('GET', '/inbound')).body).toEqual({ count: 0, events: [] });
  });

  test('the same seed and the same messages give the same SIDs', async () => {
    const number = quietNumber();
    await studioAddress(number, messagingFlow().sid);
    const before = await play(CUSTOMER, number);
    await t.control.reset(TEST_RESET);
    await studioAddress(number, messagingFlow().sid);
    expect(await play(CUSTOMER, number)).toEqual(before);
  });
});
