/**
 * The built-in inbound webhook handler, called the way Twilio calls it: a form POST (or GET)
 * signed with the account's auth token. Anything unsigned or wrongly signed gets 403 and reaches
 * no Twilio API; a conversation gets exactly one Flex Interaction however many messages follow.
 */
import twilio from 'twilio';

import { messageAddedEvent } from './accountFixtures';
import { setUpBackend, type WebhookCallOptions } from './harness';

const t = setUpBackend();

beforeEach(() => t.reset());

const account = () => t.sandbox.account;
const authToken = () => t.sandbox.credentials.authToken;
const webhookUrl = () => t.webhookUrl;

function someConversation(): string {
  const [conversation] = account().conversations.all();
  if (!conversation) throw new Error('the demo account has no conversations');
  return conversation.sid;
}

/** An onMessageAdded event as a Conversations webhook sends it. */
const messageAdded = (conversationSid: string, overrides: Record<string, string> = {}) =>
  messageAddedEvent(account(), conversationSid, overrides);

/** Delivers `params` to the handler; signed correctly unless `signature` says otherwise (null: unsigned). */
async function deliver(params: Record<string, string>, options: WebhookCallOptions = {}) {
  const response = await t.callWebhook(params, options);
  return { status: response.status, body: response.body as Record<string, unknown> };
}

const interactionRequests = () =>
  t
    .log()
    .filter((entry) => entry.product === 'flex-api' && entry.method === 'POST' && entry.path === '/v1/Interactions');
const interactionsFor = (conversationSid: string) =>
  account()
    .interactions.all()
    .filter(
      (i) =>
        (i.channel as { properties: { media_channel_sid: string } }).properties.media_channel_sid === conversationSid,
    );

describe('only Twilio gets in', () => {
  const conversation = () => someConversation();
  /** The event under test; each case signs it (or not) its own way. */
  let event: Record<string, string> = {};
  const sign = (token: string) => twilio.getExpectedTwilioSignature(token, webhookUrl(), event);

  test.each([
    ['unsigned', () => ({ signature: null })],
    ['signed with another auth token', () => ({ signature: sign('f'.repeat(32)) })],
    [
      'signed for another URL',
      () => ({ signature: twilio.getExpectedTwilioSignature(authToken(), 'https://x.example/y', event) }),
    ],
    ['a signature that is not one', () => ({ signature: 'bm90IGEgc2lnbmF0dXJl' })],
  ])('%s → 403, no Twilio request, no Interaction', async (_label, delivery) => {
    event = messageAdded(conversation());
    t.clearLog();
    const response = await deliver(event, delivery());
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ error: { code: expect.stringMatching(/^signature_/) } });
    expect(t.log()).toEqual([]);
    expect(account().interactions.size).toBe(0);
  });

  test('a body changed after signing → 403', async () => {
    const signedEvent = messageAdded(conversation());
    const signature = twilio.getExpectedTwilioSignature(authToken(), webhookUrl(), signedEvent);
    t.clearLog();
    const response = await deliver({ ...signedEvent, Body: 'tampered' }, { signature });
    expect(response.status).toBe(403);
    expect(t.log()).toEqual([]);
  });
});

describe('a conversation becomes exactly one Flex task', () => {
  test('two onMessageAdded for one conversation create one Interaction, with the Flex configuration’s routing', async () => {
    const conversationSid = someConversation();
    t.clearLog();

    const first = await deliver(messageAdded(conversationSid));
    const second = await deliver(messageAdded(conversationSid, { Body: 'Are you there?' }));

    expect(first).toMatchObject({ status: 200, body: { outcome: 'created', conversationSid } });
    const interactionSid = first.body.interactionSid as string;
    expect(second).toMatchObject({ status: 200, body: { outcome: 'already_routed', interactionSid } });
    const posts = interactionRequests();
    expect(posts).toHaveLength(1);
    expect(JSON.parse(String(posts[0].params.Channel))).toEqual({
      type: 'sms',
      initiated_by: 'customer',
      properties: { media_channel_sid: conversationSid },
    });
    const flex = account().flexConfiguration;
    expect(JSON.parse(String(posts[0].params.Routing))).toEqual({
      properties: {
        workspace_sid: flex.taskrouter_workspace_sid,
        workflow_sid: flex.taskrouter_target_workflow_sid,
        task_channel_unique_name: 'sms',
        attributes: { from: '+14155550199', customerAddress: '+14155550199', channelType: 'sms', conversationSid },
      },
    });
    expect(interactionsFor(conversationSid).map((i) => i.sid)).toEqual([interactionSid]);
    const attributes = JSON.parse(String(account().conversations.get(conversationSid).attributes)) as unknown;
    expect(attributes).toEqual({ messagingSetup: { interactionSid } });
  });

  test('many messages, one Interaction', async () => {
    const conversationSid = someConversation();
    for (let i = 0; i < 5; i += 1) expect((await deliver(messageAdded(conversationSid))).status).toBe(200);
    expect(interactionsFor(conversationSid)).toHaveLength(1);
  });

  test('the conversation’s own attributes are kept beside the marker', async () => {
    const conversationSid = someConversation();
    account().conversations.get(conversationSid).attributes = JSON.stringify({ customerId: 'C-42' });
    t.clearLog();
    const { body } = await deliver(messageAdded(conversationSid));
    expect(JSON.parse(String(account().conversations.get(conversationSid).attributes))).toEqual({
      customerId: 'C-42',
      messagingSetup: { interactionSid: body.interactionSid },
    });
    const update = t.log().find((e) => e.product === 'conversations' && e.method === 'POST');
    // Through the event's service (ChatServiceSid): the root path reaches the default service's only.
    expect(update?.path).toBe(
      `/v1/Services/${account().flexConfiguration.flex_service_instance_sid}/Conversations/${conversationSid}`,
    );
  });

  test('a WhatsApp message makes a whatsapp Interaction on the chat task channel', async () => {
    const conversationSid = someConversation();
    t.clearLog();
    await deliver(messageAdded(conversationSid, { Source: 'WHATSAPP', Author: 'whatsapp:+447700900123' }));
    const [post] = interactionRequests();
    expect(JSON.parse(String(post.params.Channel))).toMatchObject({ type: 'whatsapp' });
    expect(JSON.parse(String(post.params.Routing))).toMatchObject({
      properties: { task_channel_unique_name: 'chat', attributes: { from: 'whatsapp:+447700900123' } },
    });
  });

  test('a Messenger message makes a messenger Interaction on the chat task channel', async () => {
    const conversationSid = someConversation();
    t.clearLog();
    await deliver(messageAdded(conversationSid, { Source: 'MESSENGER', Author: 'messenger:7654321098765' }));
    const [post] = interactionRequests();
    expect(JSON.parse(String(post.params.Channel))).toMatchObject({ type: 'messenger' });
    expect(JSON.parse(String(post.params.Routing))).toMatchObject({
      properties: { task_channel_unique_name: 'chat', attributes: { from: 'messenger:7654321098765' } },
    });
    expect(interactionsFor(conversationSid)).toHaveLength(1);
  });

  test('an email makes an email Interaction on the email task channel', async () => {
    const conversationSid = someConversation();
    t.clearLog();
    await deliver(messageAdded(conversationSid, { Source: 'EMAIL', Author: 'customer@example.net' }));
    const [post] = interactionRequests();
    expect(JSON.parse(String(post.params.Channel))).toMatchObject({ type: 'email' });
    expect(JSON.parse(String(post.params.Routing))).toMatchObject({
      properties: {
        task_channel_unique_name: 'email',
        attributes: { from: 'customer@example.net', channelType: 'email' },
      },
    });
    expect(interactionsFor(conversationSid)).toHaveLength(1);
  });

  test('the routing settings in the environment win over the Flex configuration', async () => {
    const conversationSid = someConversation();
    t.env.MESSAGING_SETUP_WORKSPACE_SID = `WS${'a'.repeat(32)}`;
    t.env.MESSAGING_SETUP_WORKFLOW_SID = `WW${'b'.repeat(32)}`;
    t.env.MESSAGING_SETUP_TASK_CHANNEL = 'priority-sms';
    t.clearLog();
    await deliver(messageAdded(conversationSid));
    const [post] = interactionRequests();
    expect(JSON.parse(String(post.params.Routing))).toMatchObject({
      properties: {
        workspace_sid: `WS${'a'.repeat(32)}`,
        workflow_sid: `WW${'b'.repeat(32)}`,
        task_channel_unique_name: 'priority-sms',
      },
    });
    // Nothing left to read from the Flex configuration.
    expect(t.log().filter((e) => e.product === 'flex-api' && e.method === 'GET')).toEqual([]);
  });

  test('a signed GET (webhook method GET) works the same', async () => {
    const conversationSid = someConversation();
    const response = await deliver(messageAdded(conversationSid), { method: 'GET' });
    expect(response).toMatchObject({ status: 200, body: { outcome: 'created' } });
  });
});

describe('what does not start a task', () => {
  test.each([
    ['another event', { EventType: 'onParticipantAdded' }],
    ['an agent’s message (SDK)', { Source: 'SDK', Author: 'agent@example.com' }],
    ['a message sent over the API', { Source: 'API' }],
  ])('%s is answered 200 "ignored" and creates nothing', async (_label, overrides) => {
    const conversationSid = someConversation();
    t.clearLog();
    const response = await deliver(messageAdded(conversationSid, overrides));
    expect(response).toMatchObject({ status: 200, body: { outcome: 'ignored' } });
    expect(interactionRequests()).toEqual([]);
  });

  test('a malformed ConversationSid is a 400; an unknown conversation a 404; neither creates anything', async () => {
    expect((await deliver(messageAdded('CH123'))).status).toBe(400);
    expect((await deliver(messageAdded(`CH${'0'.repeat(32)}`))).status).toBe(404);
    expect(account().interactions.size).toBe(0);
  });
});
