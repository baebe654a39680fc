/**
 * The evidence of what happened to a customer's message (#26), through twilio-node: the inbound
 * Message resources (API 2010 Messages list: To, From, DateSent filters, newest first, paging),
 * the Monitor alerts a failed auto-creation writes (45761, 45763, 45764, 11200; list filters,
 * fetch), a message from a customer already in an open conversation going there with no
 * auto-creation, and the `evidence` reset's seeds. Every answer is checked against Twilio's spec
 * after each test (harness).
 */
import { EVIDENCE_CUSTOMERS, WEBCHAT_DEMO_DEPLOYMENT_KEY } from '../server/evidenceSeed';
import type { InboundResult } from '../server/inbound/types';
import type { AutoCreation } from '../server/state';
import { restError, setUpSandbox, sids, TEST_RESET } from './harness';
import { quietNumbers as quietNumbersOf } from './accountPicks';
import { setUpWebhookTarget, unreachableUrl } from './webhookTarget';

const t = setUpSandbox();
const webhooks = setUpWebhookTarget(t);

const CUSTOMER = '+13115552368';
const account = () => t.sandbox.account;
const flexServiceSid = () => String(account().flexConfiguration.flex_service_instance_sid);

async function play(from: string, to: string, body = 'Hello'): Promise<InboundResult> {
  const response = await t.control.call('POST', '/inbound', { from, to, body });
  if (response.status !== 200) throw new Error(`inbound answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as InboundResult;
}

const quietNumbers = () => quietNumbersOf(account());

async function createAddress(address: string, autoCreation: AutoCreation): Promise<string> {
  const form: Record<string, string | string[]> = { Type: 'sms', Address: address };
  for (const [key, value] of Object.entries(autoCreation)) {
    const name = `AutoCreation.${key.replace(/(^|_)([a-z])/g, (_m, _s, c: string) => c.toUpperCase())}`;
    form[name] = Array.isArray(value) ? value.map(String) : String(value);
  }
  const response = await t.raw('conversations', '/v1/Configuration/Addresses', { form });
  if (response.status !== 201) throw new Error(`address create answered ${response.status}`);
  return (response.body as { sid: string }).sid;
}

const alerts = () => t.client.monitor.v1.alerts;
const messages = () => t.client.messages;

describe('Messages: what Twilio received', () => {
  test('a played SMS becomes an inbound Message, received, whether or not a conversation takes it', async () => {
    const [number] = quietNumbers();
    await play(CUSTOMER, number, 'Where is my order?');
    const [message] = await messages().list({ to: number });
    expect(message).toMatchObject({
      sid: expect.stringMatching(/^SM[0-9a-f]{32}$/),
      accountSid: t.accountSid,
      direction: 'inbound',
      from: CUSTOMER,
      to: number,
      body: 'Where is my order?',
      status: 'received',
      numSegments: '1',
      numMedia: '0',
    });
    expect(message.dateSent).toBeInstanceOf(Date);
  });

  test('To and From filter; newest first; paging with PageSize and the next page URI', async () => {
    const [a, b] = quietNumbers();
    await play(CUSTOMER, a, 'one');
    await play('+13115550177', a, 'two');
    await play(CUSTOMER, b, 'three');
    expect((await messages().list()).map((m) => m.body)).toEqual(['three', 'two', 'one']);
    expect((await messages().list({ to: a })).map((m) => m.body)).toEqual(['two', 'one']);
    expect((await messages().list({ from: CUSTOMER })).map((m) => m.body)).toEqual(['three', 'one']);
    expect((await messages().list({ to: a, from: CUSTOMER })).map((m) => m.body)).toEqual(['one']);
    const first = await messages().page({ pageSize: 2 });
    expect(first.instances.map((m) => m.body)).toEqual(['three', 'two']);
    const next = await first.nextPage();
    expect(next?.instances.map((m) => m.body)).toEqual(['one']);
    const raw = await t.raw('api', `/2010-04-01/Accounts/${t.accountSid}/Messages.json`, { query: { PageSize: '1' } });
    expect(raw.body).toMatchObject({ page: 0, page_size: 1, start: 0, end: 0 });
    expect(String((raw.body as { next_page_uri: string }).next_page_uri)).toMatch(
      /^\/2010-04-01\/Accounts\/AC[0-9a-f]{32}\/Messages\.json\?.*PageToken=/,
    );
  });

  test('DateSent, DateSent> and DateSent< filter by the day or the moment sent', async () => {
    const [number] = quietNumbers();
    // Delivered into a conversation, each message is dated by the sandbox's clock, a second apart.
    await createAddress(number, { enabled: true, type: 'default', conversation_service_sid: flexServiceSid() });
    await play(CUSTOMER, number, 'first');
    await play(CUSTOMER, number, 'second');
    const [second, first] = await messages().list();
    const day = first.dateSent;
    expect(await messages().list({ dateSent: day })).toHaveLength(2);
    expect((await messages().list({ dateSentAfter: second.dateSent })).map((m) => m.body)).toEqual(['second']);
    expect((await messages().list({ dateSentBefore: first.dateSent })).map((m) => m.body)).toEqual(['first']);
    expect(await messages().list({ dateSent: new Date('2030-01-01T00:00:00Z') })).toEqual([]);
  });

  test('a message to a number that is not the account’s, or a chat message, is no Message resource', async () => {
    await play(CUSTOMER, '+15559990000');
    await t.control.reset({ ...TEST_RESET, otherChannels: true });
    await play('guest-1', 'flex-chat-default');
    expect(await messages().list()).toEqual([]);
  });

  test('the wrong account in the path is a 404', async () => {
    const wrong = await t.raw('api', `/2010-04-01/Accounts/AC${'0'.repeat(32)}/Messages.json`);
    expect(wrong.status).toBe(404);
  });
});

describe('a customer already in an open conversation', () => {
  /** A conversation made through the REST API, with the customer bound to the number. */
  async function restConversation(number: string) {
    const conversation = await t.client.conversations.v1.conversations.create({ friendlyName: 'Follow-up' });
    await t.client.conversations.v1
      .conversations(conversation.sid)
      .participants.create({ 'messagingBinding.address': CUSTOMER, 'messagingBinding.proxyAddress': number });
    return conversation.sid;
  }

  test('their message is appended there: no new conversation, no auto-creation, also when inactive', async () => {
    const [number] = quietNumbers();
    await createAddress(number, {
      enabled: true,
      type: 'webhook',
      conversation_service_sid: flexServiceSid(),
      webhook_url: webhooks.target.url,
      webhook_method: 'POST',
    });
    const sid = await restConversation(number);
    const before = account().conversations.size;
    const result = await play(CUSTOMER, number, 'Any news?');
    expect(result.conversation).toEqual({ sid, created: false, serviceSid: expect.stringMatching(/^IS/) });
    expect(result.message).toMatchObject({ index: 0 });
    expect(result.actions).toEqual([
      { kind: 'joined_conversation', conversationSid: sid, state: 'active', detail: expect.stringContaining(sid) },
    ]);
    expect(webhooks.target.received).toEqual([]);
    expect(account().conversations.size).toBe(before);

    await t.client.conversations.v1.conversations(sid).update({ state: 'inactive' });
    const again = await play(CUSTOMER, number, 'Hello?');
    expect(again.conversation?.sid).toBe(sid);
    expect(again.message).toMatchObject({ index: 1 });
    expect(again.actions[0]).toMatchObject({ kind: 'joined_conversation', state: 'inactive' });
  });

  test('once that conversation is closed, the next message is auto-created anew', async () => {
    const [number] = quietNumbers();
    await createAddress(number, { enabled: true, type: 'default', conversation_service_sid: flexServiceSid() });
    const sid = await restConversation(number);
    await t.client.conversations.v1.conversations(sid).update({ state: 'closed' });
    const result = await play(CUSTOMER, number);
    expect(result.conversation).toMatchObject({ created: true });
    expect(result.conversation?.sid).not.toBe(sid);
  });

  test('a second participant with the same pair is refused with 50416 while the first conversation is open', async () => {
    const [number] = quietNumbers();
    const sid = await restConversation(number);
    const other = await t.client.conversations.v1.conversations.create({ friendlyName: 'Second' });
    const binding = { 'messagingBinding.address': CUSTOMER, 'messagingBinding.proxyAddress': number };
    const refused = await restError(t.client.conversations.v1.conversations(other.sid).participants.create(binding));
    expect(refused).toMatchObject({ status: 409, code: 50416 });
    await t.client.conversations.v1.conversations(sid).update({ state: 'closed' });
    await t.client.conversations.v1.conversations(other.sid).participants.create(binding);
    expect((await play(CUSTOMER, number)).conversation?.sid).toBe(other.sid);
  });

  test('another customer, or the same customer to another number, is not appended', async () => {
    const [number, other] = quietNumbers();
    await createAddress(number, { enabled: true, type: 'default', conversation_service_sid: flexServiceSid() });
    await createAddress(other, { enabled: true, type: 'default', conversation_service_sid: flexServiceSid() });
    const sid = await restConversation(number);
    expect((await play('+13115550188', number)).conversation?.sid).not.toBe(sid);
    expect((await play(CUSTOMER, other)).conversation?.sid).not.toBe(sid);
  });
});

describe('Monitor alerts for a failed auto-creation', () => {
  test('a webhook address with no URL writes 45764 for the address', async () => {
    const [number] = quietNumbers();
    const addressSid = await createAddress(number, {
      enabled: true,
      type: 'webhook',
      conversation_service_sid: flexServiceSid(),
      webhook_url: webhooks.target.url,
      webhook_method: 'POST',
    });
    // The URL is emptied behind the API's back, as on the seeded address with an empty URL.
    const address = account().findAddress(addressSid);
    if (address) address.auto_creation.webhook_url = '';
    const result = await play(CUSTOMER, number);
    const [alert] = await alerts().list();
    expect(alert).toMatchObject({
      sid: expect.stringMatching(/^NO[0-9a-f]{32}$/),
      accountSid: t.accountSid,
      errorCode: '45764',
      logLevel: 'error',
      resourceSid: addressSid,
      serviceSid: result.conversation?.serviceSid,
      moreInfo: 'https://www.twilio.com/docs/errors/45764',
    });
    expect(alert.alertText).toContain(number);
    const fetched = await alerts()(alert.sid).fetch();
    expect(fetched).toMatchObject({ sid: alert.sid, errorCode: '45764', requestUrl: null });
    expect((await restError(alerts()(`NO${'0'.repeat(32)}`).fetch())).code).toBe(20404);
  });

  test('a Studio address to a flow that does not exist writes 45763; auto-creation off writes 45761', async () => {
    const [studioNumber, offNumber] = quietNumbers();
    const studioSid = await createAddress(studioNumber, {
      enabled: true,
      type: 'studio',
      conversation_service_sid: flexServiceSid(),
      studio_flow_sid: `FW${'0'.repeat(32)}`,
    });
    const offSid = await createAddress(offNumber, {
      enabled: false,
      type: 'default',
      conversation_service_sid: flexServiceSid(),
    });
    await play(CUSTOMER, studioNumber);
    await play(CUSTOMER, offNumber);
    const listed = await alerts().list();
    expect(listed.map((a) => [a.errorCode, a.resourceSid])).toEqual([
      ['45761', offSid],
      ['45763', studioSid],
    ]);
  });

  test('a webhook that fails writes 11200 with the request it made; one that answers 200 writes nothing', async () => {
    const [number, failing] = quietNumbers();
    await createAddress(number, {
      enabled: true,
      type: 'webhook',
      conversation_service_sid: flexServiceSid(),
      webhook_url: webhooks.target.url,
      webhook_method: 'POST',
      webhook_filters: ['onMessageAdded'],
    });
    await play(CUSTOMER, number);
    expect(await alerts().list()).toEqual([]);

    const url = await unreachableUrl();
    await createAddress(failing, {
      enabled: true,
      type: 'webhook',
      conversation_service_sid: flexServiceSid(),
      webhook_url: url,
      webhook_method: 'POST',
      webhook_filters: ['onMessageAdded'],
    });
    const result = await play(CUSTOMER, failing);
    const [alert] = await alerts().list();
    expect(alert).toMatchObject({
      errorCode: '11200',
      resourceSid: result.conversation?.sid,
      requestMethod: 'POST',
      requestUrl: url,
    });
  });

  test('LogLevel, StartDate and EndDate filter; newest first; paging', async () => {
    const numbers = quietNumbers().slice(0, 3);
    for (const number of numbers) {
      await createAddress(number, { enabled: false, type: 'default', conversation_service_sid: flexServiceSid() });
      await play(CUSTOMER, number);
    }
    const all = await alerts().list();
    expect(all).toHaveLength(3);
    expect(all.map((a) => a.alertText)).toEqual(
      [...numbers].reverse().map((n) => expect.stringContaining(n) as unknown as string),
    );
    expect(await alerts().list({ logLevel: 'error' })).toHaveLength(3);
    expect(await alerts().list({ logLevel: 'warning' })).toEqual([]);
    const newest = all[0].dateGenerated;
    expect(sids(await alerts().list({ startDate: newest }))).toEqual([all[0].sid]);
    expect(sids(await alerts().list({ endDate: all[2].dateGenerated }))).toEqual([all[2].sid]);
    expect(await alerts().list({ startDate: new Date('2030-01-01T00:00:00Z') })).toEqual([]);
    const first = await alerts().page({ pageSize: 2 });
    expect(sids(first.instances)).toEqual(sids(all).slice(0, 2));
    expect(sids((await first.nextPage())?.instances ?? [])).toEqual([all[2].sid]);
  });

  test('Monitor is a product of the sandbox: faults hit it, the request log names it', async () => {
    await t.control.clearRequests();
    await t.control.faults({ rate500: 1, products: ['monitor'] });
    expect((await restError(alerts().list())).status).toBe(500);
    await t.control.clearFaults();
    expect(await alerts().list()).toEqual([]);
    const { requests } = await t.control.requests();
    expect(requests.map((r) => [r.product, r.path, r.status])).toEqual([
      ['monitor', '/v1/Alerts', 500],
      ['monitor', '/v1/Alerts', 200],
    ]);
  });
});

describe('the evidence reset', () => {
  test('off by default; on, it adds stuck conversations, a completed task, alerts and inbound Messages', async () => {
    const plain = await t.control.reset(TEST_RESET);
    const conversationsBefore = account().conversations.size;
    expect(await alerts().list()).toEqual([]);
    const withEvidence = await t.control.reset({ ...TEST_RESET, evidence: true });
    // Nothing that was there changes: the same numbers, addresses and SIDs.
    expect(withEvidence).toMatchObject({ numbers: plain.numbers, addresses: plain.addresses });
    expect(account().conversations.size).toBe(conversationsBefore + 2);

    const c = EVIDENCE_CUSTOMERS;
    const [withTask] = await t.client.conversations.v1.participantConversations.list({
      address: c.stuckWithCompletedTask,
    });
    expect(withTask.conversationState).toBe('active');
    const workspace = String(account().flexConfiguration.taskrouter_workspace_sid);
    const [task] = await t.client.taskrouter.v1
      .workspaces(workspace)
      .tasks.list({ evaluateTaskAttributes: `conversationSid == "${withTask.conversationSid}"` });
    expect(task).toMatchObject({ assignmentStatus: 'completed' });

    const [withoutTask] = await t.client.conversations.v1.participantConversations.list({
      address: c.stuckWithoutTask,
    });
    expect(withoutTask.conversationState).toBe('active');
    expect(
      await t.client.taskrouter.v1
        .workspaces(workspace)
        .tasks.list({ evaluateTaskAttributes: `conversationSid == "${withoutTask.conversationSid}"` }),
    ).toEqual([]);

    // 45761 only when the seed has an address with auto-creation off on one of its numbers (seed 7 has none).
    expect((await alerts().list()).map((a) => a.errorCode)).toEqual(
      expect.arrayContaining(['11200', '45763', '45764', '45777']),
    );
    // A Webchat deployment key connected to no address: a warning about the account, naming the key.
    const webchat = (await alerts().list({ logLevel: 'warning' })).filter((a) => a.errorCode === '45777');
    expect(webchat).toEqual([
      expect.objectContaining({
        logLevel: 'warning',
        resourceSid: null,
        alertText: expect.stringContaining(WEBCHAT_DEMO_DEPLOYMENT_KEY) as unknown as string,
        moreInfo: 'https://www.twilio.com/docs/errors/45777',
      }),
    ]);
    const inbound = await messages().list();
    const senders = inbound.map((m) => m.from);
    expect(senders).toEqual(
      expect.arrayContaining([c.stuckWithCompletedTask, c.stuckWithoutTask, c.toMissingFlow, c.toNumberWithoutAddress]),
    );
    expect(senders.every((from) => (Object.values(c) as string[]).includes(from))).toBe(true);
    expect(inbound.every((m) => m.direction === 'inbound' && m.status === 'received')).toBe(true);

    // A new message from the stuck customer goes to their conversation, not a new one.
    const again = await play(c.stuckWithCompletedTask, withTask.participantMessagingBinding.proxy_address as string);
    expect(again.conversation).toMatchObject({ sid: withTask.conversationSid, created: false });
  });
});

describe('the account’s clock', () => {
  test('fixed by default: the same dates for the same options; `wall`: history from three days ago, and now is now', async () => {
    await t.control.reset(TEST_RESET);
    const [fixedNumber] = await t.client.incomingPhoneNumbers.list({ limit: 1 });
    expect(fixedNumber.dateCreated.toISOString()).toMatch(/^2026-01-05T09:/);

    const before = Date.now();
    await t.control.reset({ ...TEST_RESET, evidence: true, clock: 'wall' });
    const [wallNumber] = await t.client.incomingPhoneNumbers.list({ limit: 1 });
    const threeDays = 3 * 24 * 60 * 60 * 1000;
    expect(wallNumber.dateCreated.getTime()).toBeGreaterThanOrEqual(before - threeDays - 1000);
    expect(wallNumber.dateCreated.getTime()).toBeLessThan(before - threeDays + 60 * 60 * 1000);
    // The seeds' alerts are of those three days, so a "last 7 days" window finds them.
    const seededAlerts = await alerts().list();
    expect(seededAlerts.length).toBeGreaterThan(0);
    for (const alert of seededAlerts) expect(alert.dateGenerated.getTime()).toBeLessThan(before);
    // What happens now is dated now.
    await play('+13115550190', quietNumbers()[0]);
    const [newest] = await messages().list({ from: '+13115550190' });
    expect(Math.abs(newest.dateCreated.getTime() - Date.now())).toBeLessThan(5000);
    // The control API refuses a clock it does not know.
    expect((await t.control.call('POST', '/reset', { ...TEST_RESET, clock: 'sundial' })).status).toBe(400);
  });
});
