/**
 * Conversations through twilio-node, as the evidence of #26 reads them: the list (State,
 * StartDate/EndDate, paging), create, the state rules (closed is final: 50377; never created
 * closed: 50384), and ParticipantConversations by Address or Identity. Every answer is checked
 * against Twilio's spec after each test (harness).
 */
import type { InboundResult } from '../server/inbound/types';
import { buildConversation, buildParticipant, participantsOf } from '../server/resources/conversations';
import { restError, setUpSandbox, sids, TEST_RESET } from './harness';

const t = setUpSandbox();

beforeEach(async () => {
  await t.control.reset(TEST_RESET);
  t.recorder.clear();
});

const conversations = () => t.client.conversations.v1.conversations;
const seeded = () => t.sandbox.account.conversations.all();

async function play(from: string, to: string): Promise<InboundResult> {
  const response = await t.control.call('POST', '/inbound', { from, to, body: 'Hello' });
  if (response.status !== 200) throw new Error(`inbound answered ${response.status}`);
  return response.body as InboundResult;
}

const enabledSmsAddress = () => {
  const address = t.sandbox.account.addresses
    .all()
    .find((a) => a.type === 'sms' && a.auto_creation.enabled === true && a.auto_creation.type === 'studio');
  if (!address) throw new Error('no enabled SMS address');
  return address.address;
};

describe('listing conversations', () => {
  test('lists every conversation; State filters; paging walks them all', async () => {
    const all = await conversations().list();
    expect(sids(all)).toEqual(seeded().map((c) => c.sid));
    await conversations()(all[0].sid).update({ state: 'inactive' });
    await conversations()(all[1].sid).update({ state: 'closed' });
    expect(sids(await conversations().list({ state: 'inactive' }))).toEqual([all[0].sid]);
    expect(sids(await conversations().list({ state: 'closed' }))).toEqual([all[1].sid]);
    expect(sids(await conversations().list({ state: 'active' }))).toEqual(sids(all).slice(2));

    const first = await conversations().page({ pageSize: 2 });
    expect(first.instances).toHaveLength(2);
    const second = await first.nextPage();
    expect(sids(second?.instances ?? [])).toEqual(sids(all).slice(2, 4));
  });

  test('StartDate and EndDate bound the creation day (YYYY-MM-DD)', async () => {
    const all = await conversations().list();
    const day = String(seeded()[0].date_created).slice(0, 10);
    expect(await conversations().list({ startDate: day, endDate: day })).toHaveLength(all.length);
    expect(await conversations().list({ startDate: '2030-01-01' })).toEqual([]);
    expect(await conversations().list({ endDate: '2020-01-01' })).toEqual([]);
    const bad = await t.raw('conversations', '/v1/Conversations', { query: { StartDate: 'yesterday' } });
    expect(bad.status).toBe(400);
  });

  test('a created conversation is listed; created closed is refused with 50384', async () => {
    const made = await conversations().create({ friendlyName: 'Callback', uniqueName: 'callback-1' });
    expect(t.recorder.last().status).toBe(201);
    expect(made).toMatchObject({ friendlyName: 'Callback', uniqueName: 'callback-1', state: 'active' });
    expect(sids(await conversations().list())).toContain(made.sid);
    // The {Sid} path takes the unique name too.
    expect((await conversations()('callback-1').fetch()).sid).toBe(made.sid);
    const refused = await restError(conversations().create({ state: 'closed' }));
    expect(refused).toMatchObject({ status: 400, code: 50384 });
  });
});

describe('closed is final', () => {
  test('a closed conversation refuses any update, reopening included, with 50377', async () => {
    const [conversation] = seeded();
    await conversations()(conversation.sid).update({ state: 'closed' });
    const reopen = await restError(conversations()(conversation.sid).update({ state: 'active' }));
    expect(reopen).toMatchObject({ status: 400, code: 50377 });
    expect(reopen.message).toMatch(/closed/);
    expect(reopen.moreInfo).toBe('https://www.twilio.com/docs/errors/50377');
    const rename = await restError(conversations()(conversation.sid).update({ friendlyName: 'Again' }));
    expect(rename.code).toBe(50377);
    expect((await conversations()(conversation.sid).fetch()).state).toBe('closed');
  });

  test('inactive is not final: it goes back to active', async () => {
    const [conversation] = seeded();
    await conversations()(conversation.sid).update({ state: 'inactive' });
    expect((await conversations()(conversation.sid).update({ state: 'active' })).state).toBe('active');
  });
});

describe('ParticipantConversations', () => {
  test('by Address: the conversations a customer takes part in through a binding, with their states', async () => {
    const customer = '+13115550142';
    const first = await play(customer, enabledSmsAddress());
    const firstSid = first.conversation?.sid ?? '';
    await conversations()(firstSid).update({ state: 'closed' });
    const second = await play(customer, enabledSmsAddress());
    const found = await t.client.conversations.v1.participantConversations.list({ address: customer });
    // Sorted by conversation SID, as Twilio sorts them (not by date).
    const expected: [string, string][] = [
      [firstSid, 'closed'],
      [String(second.conversation?.sid), 'active'],
    ];
    expect(found.map((f) => [f.conversationSid, f.conversationState])).toEqual(
      expected.sort((a, b) => a[0].localeCompare(b[0])),
    );
    expect(found.find((f) => f.conversationState === 'active')).toMatchObject({
      participantIdentity: null,
      participantMessagingBinding: { type: 'sms', address: customer, proxy_address: enabledSmsAddress() },
      chatServiceSid: second.conversation?.serviceSid,
      participantSid: expect.stringMatching(/^MB[0-9a-f]{32}$/),
    });
    expect(await t.client.conversations.v1.participantConversations.list({ address: '+13115550000' })).toEqual([]);
  });

  test('by Identity: a chat customer; neither Identity nor Address is a 400', async () => {
    await t.control.reset({ ...TEST_RESET, otherChannels: true });
    const chat = await play('guest-42', 'flex-chat-default');
    const found = await t.client.conversations.v1.participantConversations.list({ identity: 'guest-42' });
    expect(found.map((f) => f.conversationSid)).toEqual([chat.conversation?.sid]);
    expect(found[0]).toMatchObject({ participantIdentity: 'guest-42', participantMessagingBinding: null });
    expect((await t.raw('conversations', '/v1/ParticipantConversations')).status).toBe(400);
  });

  test('the root list is the default service’s only; a service’s own list is that service’s; an unknown service is a 404', async () => {
    const customer = '+13115550143';
    const account = t.sandbox.account;
    const defaultService = String(account.conversationsConfiguration.default_chat_service_sid);
    const other = account.conversationServices.all().find((s) => s.sid !== defaultService);
    if (!other) throw new Error('the account has one conversation service');
    const inDefault = await play(customer, enabledSmsAddress());
    expect(inDefault.conversation?.serviceSid).toBe(defaultService);
    // A conversation of the same customer in the other service (as a misrouted address makes it).
    // (The sandbox's REST subset has no service-scoped create: it is made in its state.)
    const elsewhere = account.conversations.add(buildConversation(account, other.sid, ''));
    participantsOf(account, elsewhere.sid).add(
      buildParticipant(account, elsewhere.sid, {
        binding: { type: 'sms', address: customer, proxy_address: '+15005550006' },
      }),
    );
    const root = await t.client.conversations.v1.participantConversations.list({ address: customer });
    expect(root.map((f) => f.conversationSid)).toEqual([inDefault.conversation?.sid]);
    const inOther = await t.client.conversations.v1
      .services(other.sid)
      .participantConversations.list({ address: customer });
    expect(inOther.map((f) => [f.conversationSid, f.chatServiceSid])).toEqual([[elsewhere.sid, other.sid]]);
    const unknown = await t.raw('conversations', `/v1/Services/IS${'0'.repeat(32)}/ParticipantConversations`, {
      query: { Address: customer },
    });
    expect(unknown.status).toBe(404);
  });
});

describe('the default service and the others', () => {
  test('root Conversations reach the default service’s only; /v1/Services/{IS}/Conversations reach that service’s', async () => {
    const account = t.sandbox.account;
    const defaultService = String(account.conversationsConfiguration.default_chat_service_sid);
    const other = account.conversationServices.all().find((s) => s.sid !== defaultService);
    if (!other) throw new Error('the account has one conversation service');
    const service = t.client.conversations.v1.services(other.sid);
    const made = await service.conversations.create({ friendlyName: 'Elsewhere' });
    expect(made.chatServiceSid).toBe(other.sid);
    await service.conversations(made.sid).participants.create({
      'messagingBinding.address': '+13115550144',
      'messagingBinding.proxyAddress': '+15005550006',
    });
    expect(sids(await service.conversations.list())).toContain(made.sid);
    expect(sids(await conversations().list())).not.toContain(made.sid);
    // By its root path it does not exist, as in Twilio: every operation is a 404.
    expect((await t.raw('conversations', `/v1/Conversations/${made.sid}`)).status).toBe(404);
    expect((await t.raw('conversations', `/v1/Conversations/${made.sid}/Participants`)).status).toBe(404);
    expect(await restError(conversations()(made.sid).update({ state: 'closed' }))).toMatchObject({ status: 404 });
    // Through its service: fetched, its participants listed, closed.
    expect((await service.conversations(made.sid).fetch()).state).toBe('active');
    expect(await service.conversations(made.sid).participants.list()).toHaveLength(1);
    expect((await service.conversations(made.sid).update({ state: 'closed' })).state).toBe('closed');
    // A default-service conversation is not in the other service.
    const [home] = await conversations().list({ limit: 1 });
    expect((await t.raw('conversations', `/v1/Services/${other.sid}/Conversations/${home.sid}`)).status).toBe(404);
  });
});
