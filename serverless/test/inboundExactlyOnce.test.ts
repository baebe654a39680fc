/**
 * Issue #25, part 1, over HTTP against the sandbox: the built-in webhook handler makes exactly one
 * Interaction per conversation under any interleaving — many first messages at once on every
 * channel, an Interaction whose answer was lost, a conversation whose attributes (and so its
 * marker) were replaced — and routes a chat customer whose conversation a bot joined first.
 */
import twilio from 'twilio';

import { backendSyncServiceSid } from '../../sandbox/server/generateAccount';
import { buildConversation } from '../../sandbox/server/resources/conversations';
import { claimsMapOf } from '../src/coordination/claims';
import { UNSETTLED_AFTER_MS } from '../src/inbound/conversationClaim';
import { SandboxRequestClient } from '../src/twilio/sandboxRequestClient';
import { messageAddedEvent } from './accountFixtures';
import { setUpBackend, type FunctionResponse } from './harness';

const t = setUpBackend();
beforeEach(() => t.reset());

const account = () => t.sandbox.account;
const rest = () => {
  const { accountSid, authToken } = t.sandbox.credentials;
  return twilio(accountSid, authToken, { httpClient: new SandboxRequestClient(t.sandboxUrl) });
};

/** Each channel's customer message, by the `Source` Conversations gives it. */
const CHANNELS = [
  ['sms', 'SMS'],
  ['whatsapp', 'WHATSAPP'],
  ['messenger', 'MESSENGER'],
  ['email', 'EMAIL'],
  ['chat', 'SDK'],
] as const;

const interactionsFor = (conversationSid: string) =>
  account()
    .interactions.all()
    .filter(
      (i) =>
        (i.channel as { properties?: { media_channel_sid?: string } }).properties?.media_channel_sid ===
        conversationSid,
    );

const outcomeOf = (response: FunctionResponse) => (response.body as { outcome?: string }).outcome;

/**
 * A conversation in Flex's service, as Conversations' auto-creation makes it (the sandbox's REST
 * subset has no conversation create).
 */
const createConversation = (friendlyName: string) =>
  account().conversations.add(
    buildConversation(account(), String(account().flexConfiguration.flex_service_instance_sid), friendlyName),
  );

/** A new conversation in Flex's service, and the event fields of its customer's message. */
interface CustomerConversation {
  sid: string;
  fields: Record<string, string>;
}

async function newConversation(source: string): Promise<CustomerConversation> {
  const conversation = createConversation(`customer ${source}`);
  if (source !== 'SDK') return { sid: conversation.sid, fields: { Source: source } };
  const guest = await rest()
    .conversations.v1.conversations(conversation.sid)
    .participants.create({ identity: 'guest-1' });
  return { sid: conversation.sid, fields: { Source: source, Author: 'guest-1', ParticipantSid: guest.sid } };
}

const customerMessage = (conversation: CustomerConversation) =>
  t.callWebhook(messageAddedEvent(account(), conversation.sid, conversation.fields));

describe.each(CHANNELS)('%s', (_, source) => {
  test.each([10, 50])('%i first messages at once to one new conversation: exactly one Interaction', async (count) => {
    const conversation = await newConversation(source);
    const answers = await Promise.all(Array.from({ length: count }, () => customerMessage(conversation)));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    expect(interactionsFor(conversation.sid)).toHaveLength(1);
    const outcomes = answers.map(outcomeOf);
    expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
    for (const outcome of outcomes) expect(['created', 'already_routed', 'in_progress']).toContain(outcome);
    // Once the winner is done, every later message is the routed conversation's.
    expect(await customerMessage(conversation)).toMatchObject({
      status: 200,
      body: { outcome: 'already_routed', interactionSid: interactionsFor(conversation.sid)[0].sid },
    });
  });
});

test('an Interaction whose answer was lost: still exactly one after the next messages', async () => {
  const conversation = await newConversation('SMS');
  t.faults({ rateReset: 1, products: ['flex-api'], methods: ['POST'], pathIncludes: '/v1/Interactions' }, 1);
  const first = await customerMessage(conversation);
  expect(first.status).toBeGreaterThanOrEqual(500);
  expect(interactionsFor(conversation.sid)).toHaveLength(1);
  t.faults({}, 1);
  for (let n = 0; n < 3; n += 1) {
    const next = await customerMessage(conversation);
    expect(next).toMatchObject({ status: 200, body: { outcome: 'in_progress' } });
  }
  expect(interactionsFor(conversation.sid)).toHaveLength(1);
});

test('an Interaction create Twilio refuses gives the conversation back: the next message routes it', async () => {
  const conversation = await newConversation('SMS');
  t.faults({ rate500: 0, rate429: 1, retryAfterSeconds: 0, products: ['flex-api'], methods: ['POST'] }, 1);
  expect((await customerMessage(conversation)).status).toBeGreaterThanOrEqual(400);
  expect(interactionsFor(conversation.sid)).toHaveLength(0);
  t.faults({}, 1);
  expect(await customerMessage(conversation)).toMatchObject({ status: 200, body: { outcome: 'created' } });
  expect(interactionsFor(conversation.sid)).toHaveLength(1);
});

test('replaced conversation attributes (the marker gone): still one Interaction', async () => {
  const conversation = await newConversation('WHATSAPP');
  const first = await customerMessage(conversation);
  expect(first).toMatchObject({ status: 200, body: { outcome: 'created' } });
  await rest().conversations.v1.conversations(conversation.sid).update({ attributes: '{"crm":"replaced"}' });
  const answers = await Promise.all(Array.from({ length: 5 }, () => customerMessage(conversation)));
  for (const answer of answers) {
    expect(answer).toMatchObject({ status: 200, body: { outcome: 'already_routed' } });
  }
  expect(interactionsFor(conversation.sid)).toHaveLength(1);
});

test('a failed marker write does not cause a second Interaction', async () => {
  const conversation = await newConversation('MESSENGER');
  t.faults({ rate500: 1, products: ['conversations'], methods: ['POST'] }, 1);
  expect(await customerMessage(conversation)).toMatchObject({ status: 200, body: { outcome: 'created' } });
  t.faults({}, 1);
  expect(await customerMessage(conversation)).toMatchObject({ status: 200, body: { outcome: 'already_routed' } });
  expect(interactionsFor(conversation.sid)).toHaveLength(1);
});

test('a chat a bot joined by identity before the customer: the customer’s SDK message routes the customer', async () => {
  const { sid } = createConversation('bot first');
  const participants = rest().conversations.v1.conversations(sid).participants;
  const bot = await participants.create({ identity: 'faq-bot' });
  const guest = await participants.create({ identity: 'guest-7' });
  // The bot writes by REST: Source API, not a customer's.
  const botMessage = await t.callWebhook(
    messageAddedEvent(account(), sid, { Source: 'API', Author: 'faq-bot', ParticipantSid: bot.sid }),
  );
  expect(botMessage).toMatchObject({ status: 200, body: { outcome: 'ignored' } });
  const customer = await t.callWebhook(
    messageAddedEvent(account(), sid, { Source: 'SDK', Author: 'guest-7', ParticipantSid: guest.sid }),
  );
  expect(customer).toMatchObject({ status: 200, body: { outcome: 'created' } });
  expect(interactionsFor(sid)).toHaveLength(1);
  // Routed, the customer is the conversation's chat customer; the bot's SDK message is not theirs.
  const marker = (JSON.parse(String(account().conversations.get(sid).attributes)) as { messagingSetup: unknown })
    .messagingSetup;
  expect(marker).toMatchObject({ chatCustomerSid: guest.sid });
  const botSdk = await t.callWebhook(
    messageAddedEvent(account(), sid, { Source: 'SDK', Author: 'faq-bot', ParticipantSid: bot.sid }),
  );
  expect(botSdk).toMatchObject({ status: 200, body: { outcome: 'ignored' } });
});

describe('a claim left behind by a call that died', () => {
  /** Writes the conversation's claim straight into Sync, as a call that died would have left it. */
  async function leftClaim(conversationSid: string, data: Record<string, unknown>): Promise<void> {
    const maps = rest().sync.v1.services(backendSyncServiceSid(t.sandbox.account)).syncMaps;
    const key = `conversation:${conversationSid}`;
    await maps.create({ uniqueName: claimsMapOf(key) }).catch(() => undefined);
    await maps(claimsMapOf(key)).syncMapItems.create({ key, data });
  }
  const LONG_AGO = () => Date.now() - 60_000;

  test('before sending anything (`claimed`, past the lease): 10 messages at once take it over, one Interaction', async () => {
    const conversation = await newConversation('SMS');
    await leftClaim(conversation.sid, { state: 'claimed', at: LONG_AGO(), _nonce: 'dead' });
    const answers = await Promise.all(Array.from({ length: 10 }, () => customerMessage(conversation)));
    expect(answers.map(outcomeOf).filter((o) => o === 'created')).toHaveLength(1);
    expect(interactionsFor(conversation.sid)).toHaveLength(1);
  });

  test('still within the lease: in progress, nothing made', async () => {
    const conversation = await newConversation('SMS');
    await leftClaim(conversation.sid, { state: 'claimed', at: Date.now(), _nonce: 'alive' });
    expect(await customerMessage(conversation)).toMatchObject({ status: 200, body: { outcome: 'in_progress' } });
    expect(interactionsFor(conversation.sid)).toHaveLength(0);
  });

  test.each([
    [
      'after saying it would create (`creating`, past the lease, before its task could show)',
      { state: 'creating', at: Date.now() - 40_000 },
    ],
    ['unreadable (not a shape this handler writes)', { state: 'routed', at: 'yesterday' }],
  ])('%s: never taken over, nothing made', async (_, data) => {
    const conversation = await newConversation('SMS');
    await leftClaim(conversation.sid, data);
    expect(await customerMessage(conversation)).toMatchObject({ status: 200, body: { outcome: 'in_progress' } });
    expect(interactionsFor(conversation.sid)).toHaveLength(0);
  });

  describe('an Interaction create whose answer was lost, long enough ago: its task is looked up first', () => {
    const SETTLED = () => Date.now() - UNSETTLED_AFTER_MS - 1000;
    const tasksFor = (conversationSid: string) =>
      [...account().tasks.values()]
        .flatMap((byWorkspace) => byWorkspace.all())
        .filter((task) => String(task.attributes).includes(conversationSid));

    test.each(['unconfirmed', 'creating'])(
      '`%s`, and the Interaction was made: routed by its task, no second Interaction',
      async (state) => {
        const conversation = await newConversation('SMS');
        // The create that was sent and whose answer never came: Flex made it (and its task).
        const workspace = String(account().flexConfiguration.taskrouter_workspace_sid);
        await rest().flexApi.v1.interaction.create({
          channel: { type: 'sms', initiated_by: 'customer', properties: { media_channel_sid: conversation.sid } },
          routing: {
            properties: {
              workspace_sid: workspace,
              workflow_sid: String(account().flexConfiguration.taskrouter_target_workflow_sid),
              task_channel_unique_name: 'sms',
              attributes: { conversationSid: conversation.sid, channelType: 'sms' },
            },
          },
        });
        const [task] = tasksFor(conversation.sid);
        expect(task).toBeDefined();
        await leftClaim(conversation.sid, { state, at: SETTLED(), _nonce: 'lost' });
        const answers = await Promise.all(Array.from({ length: 5 }, () => customerMessage(conversation)));
        expect(answers.map(outcomeOf)).toContain('already_routed');
        expect(answers.map(outcomeOf)).not.toContain('created');
        expect(interactionsFor(conversation.sid)).toHaveLength(1);
        expect(await customerMessage(conversation)).toMatchObject({
          status: 200,
          body: { outcome: 'already_routed', taskSid: task.sid },
        });
      },
    );

    test('`unconfirmed`, and the create never happened: 10 messages at once make exactly one Interaction', async () => {
      const conversation = await newConversation('SMS');
      await leftClaim(conversation.sid, { state: 'unconfirmed', at: SETTLED(), _nonce: 'lost' });
      const answers = await Promise.all(Array.from({ length: 10 }, () => customerMessage(conversation)));
      expect(answers.map(outcomeOf).filter((o) => o === 'created')).toHaveLength(1);
      expect(interactionsFor(conversation.sid)).toHaveLength(1);
    });
  });
});
