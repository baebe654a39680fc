/**
 * Conversation Participants through twilio-node: the customer the inbound player adds with each
 * conversation it makes (an identity for chat, a messaging binding otherwise), an agent added over
 * REST, and the errors. Every answer is checked against Twilio's spec after each test (harness).
 */
import type { InboundResult } from '../server/inbound/types';
import { restError, setUpSandbox, TEST_RESET } from './harness';

const t = setUpSandbox();

beforeEach(async () => {
  await t.control.reset({ ...TEST_RESET, otherChannels: true });
  t.recorder.clear();
});

const participants = (conversationSid: string) => t.client.conversations.v1.conversations(conversationSid).participants;

/** Plays a customer message; the conversation it went to. */
async function play(from: string, to: string): Promise<string> {
  const response = await t.control.call('POST', '/inbound', { from, to, body: 'Hello' });
  const sid = (response.body as InboundResult).conversation?.sid;
  if (response.status !== 200 || !sid) throw new Error(`inbound answered ${response.status} without a conversation`);
  return sid;
}

describe('the customer of a played conversation', () => {
  test('a chat customer takes part through the SDK: an identity and no messaging binding', async () => {
    const conversationSid = await play('guest-5f2a9c', 'flex-chat-default');
    const list = await participants(conversationSid).list();
    expect(list).toHaveLength(1);
    expect(list[0].toJSON()).toMatchObject({
      conversationSid,
      accountSid: t.accountSid,
      sid: expect.stringMatching(/^MB[0-9a-f]{32}$/),
      identity: 'guest-5f2a9c',
      messagingBinding: null,
      attributes: '{}',
    });
    // A second message joins the same conversation; it adds nobody.
    expect(await play('guest-5f2a9c', 'flex-chat-default')).toBe(conversationSid);
    expect(await participants(conversationSid).list()).toHaveLength(1);
  });

  test('a Messenger customer takes part through a binding from their ID to the page, with no identity', async () => {
    const conversationSid = await play('messenger:7654321098765', 'messenger:106932781234567');
    const [customer] = await participants(conversationSid).list();
    expect(customer.identity).toBeNull();
    expect(customer.messagingBinding).toEqual({
      type: 'messenger',
      address: 'messenger:7654321098765',
      proxy_address: 'messenger:106932781234567',
    });
  });
});

describe('adding participants over REST', () => {
  test('an agent joins by identity, and the list shows both, the customer first', async () => {
    const conversationSid = await play('guest-5f2a9c', 'flex-chat-default');
    const agent = await participants(conversationSid).create({ identity: 'agent@owl-shoes.example' });
    expect(t.recorder.last().status).toBe(201);
    expect(agent).toMatchObject({ identity: 'agent@owl-shoes.example', messagingBinding: null });
    const list = await participants(conversationSid).list();
    expect(list.map((p) => p.identity)).toEqual(['guest-5f2a9c', 'agent@owl-shoes.example']);
  });

  test('a binding participant: type from the address (SMS, email), proxy address kept', async () => {
    const conversationSid = await play('guest-5f2a9c', 'flex-chat-default');
    const sms = await participants(conversationSid).create({
      'messagingBinding.address': '+13115552368',
      'messagingBinding.proxyAddress': '+14152000000',
    });
    expect(sms.identity).toBeNull();
    expect(sms.messagingBinding).toEqual({ type: 'sms', address: '+13115552368', proxy_address: '+14152000000' });
    const email = await participants(conversationSid).create({
      'messagingBinding.address': 'customer@example.net',
      'messagingBinding.proxyAddress': 'orders@owl-shoes.example',
    });
    expect(email.messagingBinding).toEqual({
      type: 'email',
      address: 'customer@example.net',
      proxy_address: 'orders@owl-shoes.example',
    });
  });

  test('neither an identity nor an address, or both: 400, nobody added', async () => {
    const conversationSid = await play('guest-5f2a9c', 'flex-chat-default');
    expect((await restError(participants(conversationSid).create({}))).status).toBe(400);
    const both = await restError(
      participants(conversationSid).create({ identity: 'agent', 'messagingBinding.address': '+13115552368' }),
    );
    expect(both).toMatchObject({ status: 400, code: 20001 });
    expect(await participants(conversationSid).list()).toHaveLength(1);
  });

  test('an unknown conversation is a 404; a deleted one takes its participants with it', async () => {
    expect((await restError(participants(`CH${'0'.repeat(32)}`).list())).code).toBe(20404);
    const conversationSid = await play('guest-5f2a9c', 'flex-chat-default');
    await t.client.conversations.v1.conversations(conversationSid).remove();
    expect((await restError(participants(conversationSid).list())).status).toBe(404);
    expect(t.sandbox.account.conversationParticipants.has(conversationSid)).toBe(false);
  });
});
