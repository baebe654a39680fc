/**
 * Webchat through the built-in webhook handler, end to end over HTTP: the sandbox plays a chat
 * customer's messages (`POST /_sandbox/inbound`, `Source` SDK) to a chat address whose webhook is
 * the real backend's handler, which reads the conversation and its participants with twilio-node.
 * A customer's conversation becomes exactly one `chat` Interaction; an agent's SDK message — the
 * agent a participant beside the customer — starts nothing.
 */
import twilio from 'twilio';

import type { InboundResult } from '../../sandbox/server/inbound/types';
import { SandboxRequestClient } from '../src/twilio/sandboxRequestClient';
import { builtInAddress, messageAddedEvent } from './accountFixtures';
import { setUpBackend } from './harness';

const t = setUpBackend();

beforeEach(() => t.reset());

const CHAT_ADDRESS = 'owl-shoes-website';
const GUEST = 'guest-5f2a9c';
const AGENT = 'agent@owl-shoes.example';

const account = () => t.sandbox.account;
/** twilio-node against the sandbox, as a test's own view of "Twilio". */
const rest = () => {
  const { accountSid, authToken } = t.sandbox.credentials;
  return twilio(accountSid, authToken, { httpClient: new SandboxRequestClient(t.sandboxUrl) });
};

/** A chat address routed to the built-in handler, as the plugin's "Flex webhook (built in)" saves it. */
const builtInChatAddress = () =>
  builtInAddress(rest(), account(), { type: 'chat', address: CHAT_ADDRESS, webhookUrl: t.webhookUrl });

async function play(body: string, from = GUEST): Promise<InboundResult> {
  const response = await fetch(`${t.sandboxUrl}/_sandbox/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from, to: CHAT_ADDRESS, body }),
  });
  if (response.status !== 200) throw new Error(`inbound answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as InboundResult;
}

const conversationOf = (result: InboundResult) => {
  if (!result.conversation) throw new Error(`no conversation: ${JSON.stringify(result.actions)}`);
  return result.conversation.sid;
};

const requests = (product: string, method: string, pathPart: string) =>
  t.log().filter((e) => e.product === product && e.method === method && e.path.includes(pathPart));

/** An agent's SDK message in `conversationSid`, as Conversations would send it to the address's webhook. */
const agentMessage = (conversationSid: string, participantSid: string) =>
  messageAddedEvent(account(), conversationSid, {
    Source: 'SDK',
    Author: AGENT,
    ParticipantSid: participantSid,
    Body: 'Hi, this is Alex from Owl Shoes.',
  });

test('two chat messages: one chat Interaction on the chat task channel, one participants read', async () => {
  await builtInChatAddress();
  t.clearLog();
  const first = await play('Hi, where is my order?');
  const conversationSid = conversationOf(first);
  expect(first.actions).toEqual([
    expect.objectContaining({ kind: 'webhook_delivered', event: 'onMessageAdded', status: 200, ok: true }),
  ]);
  expect(first.interactions).toHaveLength(1);

  const second = await play('Order 1234');
  expect(conversationOf(second)).toBe(conversationSid);
  expect(second.interactions).toEqual(first.interactions);

  const posts = requests('flex-api', 'POST', '/v1/Interactions');
  expect(posts).toHaveLength(1);
  expect(JSON.parse(String(posts[0].params.Channel))).toEqual({
    type: 'chat',
    initiated_by: 'customer',
    properties: { media_channel_sid: conversationSid },
  });
  expect(JSON.parse(String(posts[0].params.Routing))).toMatchObject({
    properties: {
      task_channel_unique_name: 'chat',
      attributes: { from: GUEST, customerAddress: GUEST, channelType: 'chat', conversationSid },
    },
  });
  // The participants are read for the first message only; the second is told by the marker.
  expect(requests('conversations', 'GET', '/Participants')).toHaveLength(1);
  const [customer] = await rest().conversations.v1.conversations(conversationSid).participants.list();
  const attributes = JSON.parse(String(account().conversations.get(conversationSid).attributes)) as unknown;
  expect(attributes).toEqual({
    messagingSetup: { interactionSid: first.interactions[0], chatCustomerSid: customer.sid },
  });
});

test('an agent’s SDK message in the routed conversation, the agent a participant: ignored, nothing created', async () => {
  await builtInChatAddress();
  const conversationSid = conversationOf(await play('Hello?'));
  const agent = await rest().conversations.v1.conversations(conversationSid).participants.create({ identity: AGENT });
  t.clearLog();

  const response = await t.callWebhook(agentMessage(conversationSid, agent.sid));
  expect(response).toMatchObject({ status: 200, body: { outcome: 'ignored' } });
  expect(requests('flex-api', 'POST', '/v1/Interactions')).toEqual([]);
  expect(account().interactions.size).toBe(1);
  // The customer writing again is still their one conversation's task.
  expect((await play('Thanks!')).interactions).toHaveLength(1);
});

// Before issue #25 a second identity participant made the customer's message "not the customer's";
// now an author with an identity and no binding is the customer (chatCustomer.ts), and the claim,
// not the marker, says the conversation is routed (inboundExactlyOnce.test.ts has the bot-first case).
test('a routed chat whose marker was wiped, an agent added: the agent’s SDK message is ignored, the customer’s is already routed, nothing created', async () => {
  await builtInChatAddress();
  // The customer's conversation, made as Webchat makes it, before its webhook has been answered.
  const conversationSid = conversationOf(await play('Hello?'));
  account()
    .interactions.all()
    .forEach((i) => account().interactions.remove(i.sid));
  account().conversations.get(conversationSid).attributes = '{}';
  const participants = rest().conversations.v1.conversations(conversationSid).participants;
  const [customer] = await participants.list();
  const agent = await participants.create({ identity: AGENT });
  t.clearLog();

  const byAgent = await t.callWebhook(agentMessage(conversationSid, agent.sid));
  const byCustomer = await t.callWebhook(
    messageAddedEvent(account(), conversationSid, { Source: 'SDK', Author: GUEST, ParticipantSid: customer.sid }),
  );
  expect(byAgent).toMatchObject({ status: 200, body: { outcome: 'ignored', reason: expect.any(String) } });
  expect(byCustomer).toMatchObject({ status: 200, body: { outcome: 'already_routed' } });
  expect(requests('flex-api', 'POST', '/v1/Interactions')).toEqual([]);
});

test('an SDK message in an SMS conversation: its author has a binding, so ignored; routed, the agent’s is ignored too', async () => {
  const sms = '+13115552368';
  const [number] = account()
    .incomingPhoneNumbers.all()
    .filter((n) => n.capabilities.sms && !account().findAddress(n.phone_number));
  await rest().conversations.v1.addressConfigurations.create({
    type: 'sms',
    address: number.phone_number,
    'autoCreation.enabled': true,
    'autoCreation.type': 'default',
  });
  const played = await fetch(`${t.sandboxUrl}/_sandbox/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from: sms, to: number.phone_number }),
  });
  const conversationSid = conversationOf((await played.json()) as InboundResult);
  const [customer] = await rest().conversations.v1.conversations(conversationSid).participants.list();

  const sdkFromBinding = await t.callWebhook(
    messageAddedEvent(account(), conversationSid, { Source: 'SDK', Author: sms, ParticipantSid: customer.sid }),
  );
  expect(sdkFromBinding.body).toMatchObject({ outcome: 'ignored', reason: expect.stringMatching(/not a chat/) });

  const created = await t.callWebhook(
    messageAddedEvent(account(), conversationSid, { Author: sms, ParticipantSid: customer.sid }),
  );
  expect(created.body).toMatchObject({ outcome: 'created' });
  const agent = await rest().conversations.v1.conversations(conversationSid).participants.create({ identity: AGENT });
  const byAgent = await t.callWebhook(agentMessage(conversationSid, agent.sid));
  expect(byAgent.body).toMatchObject({ outcome: 'ignored' });
  expect(account().interactions.size).toBe(1);
});
