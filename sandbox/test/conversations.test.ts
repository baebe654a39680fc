/** Conversations v1 through twilio-node: configuration, address configurations, services, conversations. */
import type { AddressConfigurationType } from 'twilio/lib/rest/conversations/v1/addressConfiguration';

import { restError, sids, TEST_RESET, setUpSandbox } from './harness';

const t = setUpSandbox();

beforeEach(async () => {
  await t.control.reset(TEST_RESET);
  t.recorder.clear();
});

const addresses = () => t.client.conversations.v1.addressConfigurations;
const flexServiceSid = async () => (await t.client.flexApi.v1.configuration().fetch()).flexServiceInstanceSid;
const messagingFlowSid = async () => {
  const flows = await t.client.studio.v2.flows.list();
  const flow = flows.find((f) => f.friendlyName === 'Messaging Flow');
  if (!flow) throw new Error('no Messaging Flow in the demo account');
  return flow.sid;
};

/** An SMS-capable account number that has no address configuration yet. */
async function freePhoneNumber(): Promise<string> {
  const configured = new Set((await addresses().list()).map((a) => a.address));
  const numbers = await t.client.incomingPhoneNumbers.list();
  const free = numbers.find((n) => n.capabilities.sms && !configured.has(n.phoneNumber));
  if (!free) throw new Error('every SMS number already has an address');
  return free.phoneNumber;
}

/** A WhatsApp sender on the account that has no address configuration yet. */
async function freeWhatsAppSender(): Promise<string> {
  const configured = new Set((await addresses().list()).map((a) => a.address));
  const senders = await t.client.messaging.v2.channelsSenders.list({ channel: 'whatsapp' });
  const free = senders.find((s) => !configured.has(s.senderId));
  if (!free) throw new Error('every WhatsApp sender already has an address');
  return free.senderId;
}

/** Every address configuration, as the sandbox answers them, for "nothing changed" checks. */
const snapshot = async () => (await addresses().list()).map((a) => a.toJSON());

describe('Conversations Configuration', () => {
  test('fetch names the default conversation service, which exists and is Flex’s', async () => {
    const config = await t.client.conversations.v1.configuration().fetch();
    expect(config.accountSid).toBe(t.accountSid);
    expect(config.defaultChatServiceSid).toBe(await flexServiceSid());
    const service = await t.client.conversations.v1.services(config.defaultChatServiceSid).fetch();
    expect(service.friendlyName).toBe('Flex Conversations Service');
    expect(config.links.service).toBe(
      `https://conversations.twilio.com/v1/Services/${config.defaultChatServiceSid}/Configuration`,
    );
  });

  test('update changes the default service, and a fetch sees it', async () => {
    const flex = await flexServiceSid();
    const other = (await t.client.conversations.v1.services.list()).find((s) => s.sid !== flex);
    if (!other) throw new Error('the demo account has only one conversation service');
    const updated = await t.client.conversations.v1.configuration().update({ defaultChatServiceSid: other.sid });
    expect(updated.defaultChatServiceSid).toBe(other.sid);
    expect(updated.links.service).toContain(other.sid);
    expect((await t.client.conversations.v1.configuration().fetch()).defaultChatServiceSid).toBe(other.sid);
  });

  test('update to a service that does not exist fails and changes nothing', async () => {
    const before = await t.client.conversations.v1.configuration().fetch();
    const error = await restError(
      t.client.conversations.v1.configuration().update({ defaultChatServiceSid: `IS${'0'.repeat(32)}` }),
    );
    expect(error.status).toBe(404);
    expect(error.code).toBe(20404);
    expect((await t.client.conversations.v1.configuration().fetch()).defaultChatServiceSid).toBe(
      before.defaultChatServiceSid,
    );
  });
});

describe('Address configurations', () => {
  test('list returns every address, and the Type filter matches case-insensitively', async () => {
    const all = await addresses().list();
    expect(all).toHaveLength(12);
    const sms = await addresses().list({ type: 'sms' });
    const smsOddCase = await addresses().list({ type: 'SmS' });
    const whatsapp = await addresses().list({ type: 'WhatsApp' });
    // twilio-node sends the filter as given, so the sandbox really saw the odd case.
    expect(t.recorder.all().some((x) => x.url.includes('Type=SmS'))).toBe(true);
    expect(sms.length).toBeGreaterThan(0);
    expect(whatsapp.length).toBeGreaterThan(0);
    expect(sms.every((a) => a.type === 'sms')).toBe(true);
    expect(whatsapp.every((a) => a.type === 'whatsapp')).toBe(true);
    expect(sids(smsOddCase)).toEqual(sids(sms));
    expect(sms.length + whatsapp.length).toBe(all.length);
  });

  test('create an SMS address that auto-creates conversations through a Studio flow', async () => {
    const [number, flowSid, serviceSid] = [await freePhoneNumber(), await messagingFlowSid(), await flexServiceSid()];
    const before = (await addresses().list()).length;
    const created = await addresses().create({
      type: 'sms',
      address: number,
      friendlyName: 'Support line',
      'autoCreation.enabled': true,
      'autoCreation.type': 'studio',
      'autoCreation.conversationServiceSid': serviceSid,
      'autoCreation.studioFlowSid': flowSid,
      'autoCreation.studioRetryCount': 2,
    });
    expect(t.recorder.last().status).toBe(201);
    expect(created.sid).toMatch(/^IG[0-9a-f]{32}$/);
    expect(created).toMatchObject({
      type: 'sms',
      address: number,
      friendlyName: 'Support line',
      accountSid: t.accountSid,
    });
    expect(created.autoCreation).toEqual({
      enabled: true,
      type: 'studio',
      conversation_service_sid: serviceSid,
      studio_flow_sid: flowSid,
      studio_retry_count: 2,
    });
    const fetched = await addresses()(created.sid).fetch();
    expect(fetched.toJSON()).toEqual(created.toJSON());
    expect(await addresses().list()).toHaveLength(before + 1);
  });

  test('create a WhatsApp address to a webhook: Type in odd case, filters as a list', async () => {
    const sender = await freeWhatsAppSender();
    const created = await addresses().create({
      type: 'whAtsAPP' as AddressConfigurationType,
      address: sender,
      'autoCreation.enabled': true,
      'autoCreation.type': 'webhook',
      'autoCreation.webhookUrl': 'https://owl-inbound.twil.io/inbound',
      'autoCreation.webhookMethod': 'POST' as 'post',
      'autoCreation.webhookFilters': ['onMessageAdded', 'onParticipantAdded'],
    });
    expect(t.recorder.last().status).toBe(201);
    expect(created.type).toBe('whatsapp');
    expect(created.address).toBe(sender);
    expect(created.autoCreation).toMatchObject({
      enabled: true,
      type: 'webhook',
      webhook_url: 'https://owl-inbound.twil.io/inbound',
      webhook_method: 'POST',
      webhook_filters: ['onMessageAdded', 'onParticipantAdded'],
    });
    expect((await addresses().list({ type: 'whatsapp' })).map((a) => a.address)).toContain(sender);
  });

  test('webhook filters arrive as repeated form keys, in order; a single filter is still a list', async () => {
    const sender = await freeWhatsAppSender();
    const many = await t.raw('conversations', '/v1/Configuration/Addresses', {
      form: {
        Type: 'WHATSAPP',
        Address: sender,
        'AutoCreation.Enabled': 'true',
        'AutoCreation.Type': 'webhook',
        'AutoCreation.WebhookUrl': 'https://example.com/hook',
        'AutoCreation.WebhookFilters': ['onMessageAdded', 'onMessageUpdated', 'onParticipantAdded'],
      },
    });
    expect(many.status).toBe(201);
    expect((many.body as { auto_creation: { webhook_filters: string[] } }).auto_creation.webhook_filters).toEqual([
      'onMessageAdded',
      'onMessageUpdated',
      'onParticipantAdded',
    ]);
    const number = await freePhoneNumber();
    const one = await addresses().create({
      type: 'sms',
      address: number,
      'autoCreation.enabled': true,
      'autoCreation.type': 'webhook',
      'autoCreation.webhookUrl': 'https://example.com/hook',
      'autoCreation.webhookFilters': ['onMessageAdded'],
    });
    expect(one.autoCreation.webhook_filters).toEqual(['onMessageAdded']);
  });

  test('fetch, update and delete by IG sid', async () => {
    const [first] = await addresses().list({ limit: 1 });
    const fetched = await addresses()(first.sid).fetch();
    expect(fetched.toJSON()).toEqual(first.toJSON());
    const updated = await addresses()(first.sid).update({ friendlyName: 'Renamed', 'autoCreation.enabled': false });
    expect(updated.friendlyName).toBe('Renamed');
    expect(updated.autoCreation.enabled).toBe(false);
    expect((await addresses()(first.sid).fetch()).friendlyName).toBe('Renamed');
    expect(await addresses()(first.sid).remove()).toBe(true);
    expect(t.recorder.last().status).toBe(204);
    expect((await restError(addresses()(first.sid).fetch())).status).toBe(404);
    expect(sids(await addresses().list())).not.toContain(first.sid);
  });

  test.each([
    ['sms', /^\+1\d{10}$/],
    ['whatsapp', /^whatsapp:\+\d+$/],
  ])('fetch, update and delete by the %s address itself, with + kept literal', async (type, shape) => {
    const [config] = await addresses().list({ type, limit: 1 });
    expect(config.address).toMatch(shape);
    await t.control.clearRequests();

    const fetched = await addresses()(config.address).fetch();
    expect(fetched.sid).toBe(config.sid);
    expect(t.recorder.last().url.endsWith(`/conversations/v1/Configuration/Addresses/${config.address}`)).toBe(true);

    const updated = await addresses()(config.address).update({ friendlyName: `By address ${type}` });
    expect(updated.sid).toBe(config.sid);
    expect((await addresses()(config.sid).fetch()).friendlyName).toBe(`By address ${type}`);

    expect(await addresses()(config.address).remove()).toBe(true);
    expect((await restError(addresses()(config.sid).fetch())).status).toBe(404);

    // The sandbox's log shows what reached it: the address as the path, `+` intact.
    const log = await t.control.requests();
    const byAddress = log.requests.filter((r) => !r.path.includes('/IG'));
    expect(byAddress.map((r) => [r.method, r.path, r.status])).toEqual([
      ['GET', `/v1/Configuration/Addresses/${config.address}`, 200],
      ['POST', `/v1/Configuration/Addresses/${config.address}`, 200],
      ['DELETE', `/v1/Configuration/Addresses/${config.address}`, 204],
    ]);
  });

  test('switching from Studio to a webhook drops the Studio settings', async () => {
    const [studio] = (await addresses().list()).filter((a) => a.autoCreation.type === 'studio');
    const updated = await addresses()(studio.sid).update({
      'autoCreation.type': 'webhook',
      'autoCreation.webhookUrl': 'https://example.com/hook',
      'autoCreation.webhookMethod': 'get',
    });
    expect(updated.autoCreation).toMatchObject({
      type: 'webhook',
      webhook_url: 'https://example.com/hook',
      webhook_method: 'GET',
    });
    expect(updated.autoCreation).not.toHaveProperty('studio_flow_sid');
    expect(updated.autoCreation).not.toHaveProperty('studio_retry_count');
  });

  test.each([
    ['sms', (all: { address: string }[]) => all.find((a) => a.address.startsWith('+'))],
    ['whatsapp', (all: { address: string }[]) => all.find((a) => a.address.startsWith('whatsapp:'))],
  ])('a second %s configuration for the same address is rejected with 409 naming the address', async (type, pick) => {
    const existing = pick(await addresses().list());
    if (!existing) throw new Error(`no ${type} address in the demo account`);
    const before = await snapshot();
    const error = await restError(
      addresses().create({
        type: type as AddressConfigurationType,
        address: existing.address,
        'autoCreation.enabled': true,
        'autoCreation.type': 'default',
      }),
    );
    expect(error.status).toBe(409);
    expect(typeof error.code).toBe('number');
    expect(error.message).toContain(existing.address);
    expect(await snapshot()).toEqual(before);
  });

  test('an unknown IG sid answers Twilio’s 404 body', async () => {
    const sid = `IG${'0'.repeat(32)}`;
    const error = await restError(addresses()(sid).fetch());
    expect(error).toMatchObject({ status: 404, code: 20404, moreInfo: 'https://www.twilio.com/docs/errors/20404' });
    expect(error.message).toContain(sid);
    const raw = await t.raw('conversations', `/v1/Configuration/Addresses/${sid}`);
    expect(raw.status).toBe(404);
    expect(raw.body).toEqual({
      code: 20404,
      message: `The requested resource /v1/Configuration/Addresses/${sid} was not found`,
      more_info: 'https://www.twilio.com/docs/errors/20404',
      status: 404,
    });
    expect((await restError(addresses()('+15550009999').remove())).status).toBe(404);
  });

  describe('invalid input answers 400 with a useful message and changes nothing', () => {
    test.each<[string, Record<string, string>, RegExp]>([
      ['a missing required Address', { Type: 'sms' }, /Missing required parameter Address/],
      ['a missing required Type', { Address: '+14155550100' }, /Missing required parameter Type/],
      ['a Type outside the enum', { Type: 'fax', Address: '+14155550100' }, /Type.*sms, whatsapp/],
      [
        'an AutoCreation.Type outside the enum',
        { Type: 'sms', Address: '+14155550100', 'AutoCreation.Type': 'lambda' },
        /AutoCreation\.Type/,
      ],
      [
        'a StudioFlowSid that is not a FW sid',
        { Type: 'sms', Address: '+14155550100', 'AutoCreation.Type': 'studio', 'AutoCreation.StudioFlowSid': 'FW123' },
        /AutoCreation\.StudioFlowSid/,
      ],
      ['an SMS address that is not E.164', { Type: 'sms', Address: '4155550100' }, /4155550100.*\+/],
      ['a WhatsApp address without its prefix', { Type: 'whatsapp', Address: '+14155550100' }, /whatsapp:\+/],
      [
        'Studio auto-creation without a flow',
        { Type: 'sms', Address: '+14155550100', 'AutoCreation.Enabled': 'true', 'AutoCreation.Type': 'studio' },
        /StudioFlowSid/,
      ],
    ])('create with %s', async (_what, form, message) => {
      const before = await snapshot();
      const response = await t.raw('conversations', '/v1/Configuration/Addresses', { form });
      expect(response.status).toBe(400);
      expect((response.body as { message: string }).message).toMatch(message);
      expect(await snapshot()).toEqual(before);
    });

    test('twilio-node surfaces the 400 as a RestException', async () => {
      const error = await restError(
        addresses().create({ type: 'fax' as AddressConfigurationType, address: '+14155550100' }),
      );
      expect(error.status).toBe(400);
      expect(error.message).toMatch(/Type/);
    });

    test('update with a bad StudioFlowSid', async () => {
      const [first] = await addresses().list({ limit: 1 });
      const before = await snapshot();
      const error = await restError(addresses()(first.sid).update({ 'autoCreation.studioFlowSid': 'not-a-flow' }));
      expect(error.status).toBe(400);
      expect(error.message).toMatch(/StudioFlowSid/);
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('pagination (v1 shape: absolute meta.next_page_url)', () => {
    test('list() follows next_page_url across pages: complete, in order, no duplicates', async () => {
      await t.control.reset({ ...TEST_RESET, addresses: 123 });
      t.recorder.clear();
      const all = await addresses().list();
      const pages = t.recorder.all();
      expect(pages).toHaveLength(3);
      const metas = pages.map(
        (p) =>
          (p.body as { meta: { page: number; page_size: number; next_page_url: string | null; key: string } }).meta,
      );
      expect(metas.map((m) => [m.page, m.page_size, m.key])).toEqual([
        [0, 50, 'address_configurations'],
        [1, 50, 'address_configurations'],
        [2, 50, 'address_configurations'],
      ]);
      expect(metas[0].next_page_url).toMatch(
        /^https:\/\/conversations\.twilio\.com\/v1\/Configuration\/Addresses\?.*Page=1/,
      );
      expect(metas[1].next_page_url).toMatch(
        /^https:\/\/conversations\.twilio\.com\/v1\/Configuration\/Addresses\?.*Page=2/,
      );
      expect(metas[2].next_page_url).toBeNull();
      expect(all).toHaveLength(123);
      expect(new Set(sids(all)).size).toBe(123);
      expect(sids(all)).toEqual(t.sandbox.account.addresses.all().map((a) => a.sid));
    });

    test('a PageSize above the spec maximum (50) is clamped, and paging still completes', async () => {
      await t.control.reset({ ...TEST_RESET, addresses: 123 });
      t.recorder.clear();
      const all = await addresses().list({ pageSize: 1000 });
      const pages = t.recorder.all();
      expect(pages[0].url).toContain('PageSize=1000');
      expect(
        pages.map((p) => (p.body as { address_configurations: unknown[]; meta: { page_size: number } }).meta.page_size),
      ).toEqual([50, 50, 50]);
      expect(pages.map((p) => (p.body as { address_configurations: unknown[] }).address_configurations.length)).toEqual(
        [50, 50, 23],
      );
      expect(new Set(sids(all)).size).toBe(123);
    });

    test('the Type filter is carried to every page', async () => {
      await t.control.reset({ ...TEST_RESET, addresses: 60 });
      t.recorder.clear();
      const sms = await addresses().list({ type: 'sms', pageSize: 7 });
      const expected = t.sandbox.account.addresses
        .all()
        .filter((a) => a.type === 'sms')
        .map((a) => a.sid);
      expect(t.recorder.all().length).toBeGreaterThanOrEqual(3);
      expect(t.recorder.all().every((x) => x.url.includes('Type=sms'))).toBe(true);
      expect(sids(sms)).toEqual(expected);
    });
  });
});

describe('Email address configurations', () => {
  const settings = async () => ({
    'autoCreation.enabled': true,
    'autoCreation.type': 'studio' as const,
    'autoCreation.conversationServiceSid': await flexServiceSid(),
    'autoCreation.studioFlowSid': await messagingFlowSid(),
    'autoCreation.studioRetryCount': 3,
  });

  test('on an authenticated domain: created like any address, and fetched, updated and deleted by the address itself', async () => {
    expect([...t.sandbox.account.emailDomains]).toContain('owl-shoes.example');
    const created = await addresses().create({
      type: 'email',
      address: 'billing@owl-shoes.example',
      friendlyName: 'Billing',
      ...(await settings()),
    });
    expect(t.recorder.last().status).toBe(201);
    expect(created).toMatchObject({ type: 'email', address: 'billing@owl-shoes.example', friendlyName: 'Billing' });
    expect(created.autoCreation).toMatchObject({ enabled: true, type: 'studio', studio_retry_count: 3 });
    expect((await addresses().list({ type: 'email' })).map((a) => a.sid)).toEqual([created.sid]);

    const byAddress = addresses()('billing@owl-shoes.example');
    expect((await byAddress.fetch()).sid).toBe(created.sid);
    const updated = await byAddress.update({
      'autoCreation.type': 'webhook',
      'autoCreation.webhookUrl': 'https://example.com/email-hook',
      'autoCreation.webhookFilters': ['onMessageAdded'],
    });
    expect(updated.autoCreation).toMatchObject({ type: 'webhook', webhook_url: 'https://example.com/email-hook' });
    expect(updated.autoCreation).not.toHaveProperty('studio_flow_sid');
    expect(await byAddress.remove()).toBe(true);
    expect((await restError(addresses()(created.sid).fetch())).status).toBe(404);
  });

  test('the domain is matched without regard to case; the mailbox is kept as written', async () => {
    const created = await addresses().create({
      type: 'email',
      address: 'Help@OWL-SHOES.example',
      ...(await settings()),
    });
    expect(created.address).toBe('Help@OWL-SHOES.example');
  });

  test.each([
    ['a domain the account never authenticated', 'orders@owl-shoes-outlet.example', 'owl-shoes-outlet.example'],
    ['a subdomain of an authenticated domain', 'news@eu.owl-shoes.example', 'eu.owl-shoes.example'],
  ])('on %s: 400 in Twilio’s error format naming the domain, and nothing made', async (_what, address, domain) => {
    const before = await snapshot();
    const response = await t.raw('conversations', '/v1/Configuration/Addresses', {
      form: { Type: 'email', Address: address, 'AutoCreation.Enabled': 'true', 'AutoCreation.Type': 'default' },
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      code: 20001,
      message: expect.stringContaining(`the domain ${domain} is not authenticated`),
      more_info: 'https://www.twilio.com/docs/errors/20001',
      status: 400,
    });
    const error = await restError(addresses().create({ type: 'email', address, ...(await settings()) }));
    expect(error).toMatchObject({ status: 400, code: 20001 });
    expect(error.message).toContain(domain);
    expect(await snapshot()).toEqual(before);
  });

  test('a domain the reset authenticates is accepted; one it leaves out is not', async () => {
    await t.control.reset({ ...TEST_RESET, emailDomains: ['owl-shoes-outlet.example'] });
    const created = await addresses().create({ type: 'email', address: 'orders@owl-shoes-outlet.example' });
    expect(created.type).toBe('email');
    const refused = await restError(addresses().create({ type: 'email', address: 'support@owl-shoes.example' }));
    expect(refused).toMatchObject({ status: 400, message: expect.stringContaining('owl-shoes.example') });
  });

  test.each(['support.owl-shoes.example', 'support@', 'two@at@owl-shoes.example', 'support@owl-shoes'])(
    'an address that is not one mailbox (%s) is a 400 naming the expected form',
    async (address) => {
      const before = await snapshot();
      const error = await restError(addresses().create({ type: 'email', address }));
      expect(error).toMatchObject({
        status: 400,
        code: 20001,
        message: expect.stringContaining('support@owl-shoes.example'),
      });
      expect(await snapshot()).toEqual(before);
    },
  );
});

describe('Conversation services', () => {
  test('list, create, fetch and delete', async () => {
    const before = await t.client.conversations.v1.services.list();
    expect(before.map((s) => s.friendlyName)).toEqual(['Flex Conversations Service', 'Default Conversations Service']);
    const created = await t.client.conversations.v1.services.create({ friendlyName: 'Owl Support' });
    expect(t.recorder.last().status).toBe(201);
    expect(created.sid).toMatch(/^IS[0-9a-f]{32}$/);
    expect(created.friendlyName).toBe('Owl Support');
    expect((await t.client.conversations.v1.services(created.sid).fetch()).friendlyName).toBe('Owl Support');
    expect(sids(await t.client.conversations.v1.services.list())).toEqual([...sids(before), created.sid]);
    expect(await t.client.conversations.v1.services(created.sid).remove()).toBe(true);
    expect((await restError(t.client.conversations.v1.services(created.sid).fetch())).status).toBe(404);
    expect(sids(await t.client.conversations.v1.services.list())).toEqual(sids(before));
  });

  test('create without FriendlyName is a 400 naming it', async () => {
    const response = await t.raw('conversations', '/v1/Services', { form: {} });
    expect(response.status).toBe(400);
    expect((response.body as { message: string }).message).toMatch(/FriendlyName/);
    expect(await t.client.conversations.v1.services.list()).toHaveLength(2);
  });
});

describe('Conversations', () => {
  const someConversation = () => t.sandbox.account.conversations.all()[0].sid;

  test('fetch a conversation in the Flex service', async () => {
    const conversation = await t.client.conversations.v1.conversations(someConversation()).fetch();
    expect(conversation.sid).toMatch(/^CH[0-9a-f]{32}$/);
    expect(conversation.chatServiceSid).toBe(await flexServiceSid());
    expect(conversation.state).toBe('active');
  });

  test('update changes what was sent and nothing else', async () => {
    const sid = someConversation();
    const before = await t.client.conversations.v1.conversations(sid).fetch();
    const updated = await t.client.conversations.v1.conversations(sid).update({
      friendlyName: 'Escalated',
      attributes: JSON.stringify({ priority: 'high' }),
      state: 'closed',
    });
    expect(updated).toMatchObject({
      friendlyName: 'Escalated',
      state: 'closed',
      chatServiceSid: before.chatServiceSid,
    });
    expect(JSON.parse(updated.attributes)).toEqual({ priority: 'high' });
    expect((await t.client.conversations.v1.conversations(sid).fetch()).friendlyName).toBe('Escalated');
  });

  test('a bad State is a 400; an unknown sid is a 404', async () => {
    const sid = someConversation();
    const bad = await t.raw('conversations', `/v1/Conversations/${sid}`, { form: { State: 'sleeping' } });
    expect(bad.status).toBe(400);
    expect((bad.body as { message: string }).message).toMatch(/State/);
    expect((await t.client.conversations.v1.conversations(sid).fetch()).state).toBe('active');
    expect((await restError(t.client.conversations.v1.conversations(`CH${'0'.repeat(32)}`).fetch())).code).toBe(20404);
  });
});
