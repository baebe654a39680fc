/**
 * The generated demo account, read through the API as the plugin reads it: it must show every
 * situation Messaging Setup diagnoses, so the default account (seed 1) is a realistic mix.
 */
import { DEFAULT_RESET } from '../server/generateAccount';
import { setUpSandbox } from './harness';

const t = setUpSandbox(DEFAULT_RESET);

interface DemoView {
  numbers: { phoneNumber: string; sms: boolean; smsUrl: string; smsApplication: boolean; sid: string }[];
  addresses: { address: string; type: string; autoCreation: Record<string, unknown> }[];
  inMessagingService: Set<string>;
  flexFlowIdentities: Set<string>;
  senders: { senderId: string; status: string }[];
  flows: { sid: string; friendlyName: string; status: string }[];
  flexServiceSid: string;
  defaultServiceSid: string;
  serviceSids: string[];
}

async function readDemoAccount(): Promise<DemoView> {
  const c = t.client;
  const numbers = await c.incomingPhoneNumbers.list();
  const inMessagingService = new Set<string>();
  for (const service of await c.messaging.v1.services.list()) {
    for (const member of await c.messaging.v1.services(service.sid).phoneNumbers.list())
      inMessagingService.add(member.phoneNumber);
  }
  const flexFlows = await c.flexApi.v1.flexFlow.list();
  return {
    numbers: numbers.map((n) => ({
      sid: n.sid,
      phoneNumber: n.phoneNumber,
      sms: n.capabilities.sms,
      smsUrl: n.smsUrl,
      smsApplication: Boolean(n.smsApplicationSid),
    })),
    addresses: (await c.conversations.v1.addressConfigurations.list()).map((a) => ({
      address: a.address,
      type: a.type,
      autoCreation: a.autoCreation as Record<string, unknown>,
    })),
    inMessagingService,
    flexFlowIdentities: new Set(
      flexFlows.map((f) => f.contactIdentity).filter((i): i is string => typeof i === 'string'),
    ),
    senders: (await c.messaging.v2.channelsSenders.list({ channel: 'whatsapp' })).map((s) => ({
      senderId: s.senderId,
      status: s.status,
    })),
    flows: (await c.studio.v2.flows.list()).map((f) => ({
      sid: f.sid,
      friendlyName: f.friendlyName,
      status: f.status,
    })),
    flexServiceSid: (await c.flexApi.v1.configuration().fetch()).flexServiceInstanceSid,
    defaultServiceSid: (await c.conversations.v1.configuration().fetch()).defaultChatServiceSid,
    serviceSids: (await c.conversations.v1.services.list()).map((s) => s.sid),
  };
}

describe('the default demo account (seed 1)', () => {
  let demo: DemoView;
  beforeAll(async () => {
    demo = await readDemoAccount();
  });

  test('has the default counts, and the other channels on top (6 addresses, "Chat Flow" and "Email Flow")', () => {
    expect([demo.numbers.length, demo.senders.length, demo.addresses.length, demo.flows.length]).toEqual([
      24,
      6,
      12 + 6,
      5 + 2,
    ]);
  });

  test('has a chat address to "Chat Flow", a Messenger address, an RCS address, and a Facebook Flex Flow', () => {
    const chatFlow = demo.flows.find((f) => f.friendlyName === 'Chat Flow');
    expect(chatFlow?.status).toBe('published');
    const byType = (type: string) => demo.addresses.filter((a) => a.type === type);
    expect(byType('chat')).toEqual([
      expect.objectContaining({
        address: 'flex-chat-default',
        autoCreation: expect.objectContaining({ type: 'studio', studio_flow_sid: chatFlow?.sid }),
      }),
    ]);
    expect(byType('messenger').map((a) => a.address)).toEqual(['messenger:106932781234567']);
    expect(byType('rcs')).toHaveLength(1);
    // The Facebook flow holds the page that has no address yet: it can be migrated.
    expect(demo.flexFlowIdentities.has('108811223344556')).toBe(true);
  });

  test('has email addresses: one to the published "Email Flow", one to a flow that does not exist, one with no integration', () => {
    const emailFlow = demo.flows.find((f) => f.friendlyName === 'Email Flow');
    expect(emailFlow?.status).toBe('published');
    const flowSids = new Set(demo.flows.map((f) => f.sid));
    const emails = demo.addresses.filter((a) => a.type === 'email');
    expect(emails.map((a) => [a.address, a.autoCreation.type])).toEqual([
      ['support@owl-shoes.example', 'default'],
      ['orders@owl-shoes.example', 'studio'],
      ['returns@help.owl-shoes.example', 'studio'],
    ]);
    expect(emails[1].autoCreation).toMatchObject({ enabled: true, studio_flow_sid: emailFlow?.sid });
    expect(flowSids.has(String(emails[2].autoCreation.studio_flow_sid))).toBe(false);
    // Every one is on a domain the account has authenticated, as Twilio requires.
    const domains = t.sandbox.account.emailDomains;
    expect(emails.every((a) => domains.has(a.address.split('@')[1]))).toBe(true);
  });

  test('has SMS numbers with an address and SMS numbers without one', () => {
    const configured = new Set(demo.addresses.map((a) => a.address));
    const sms = demo.numbers.filter((n) => n.sms);
    expect(sms.some((n) => configured.has(n.phoneNumber))).toBe(true);
    expect(sms.some((n) => !configured.has(n.phoneNumber))).toBe(true);
  });

  test('has numbers that cannot do SMS', () => {
    expect(demo.numbers.some((n) => !n.sms)).toBe(true);
  });

  test('has numbers whose "A message comes in" URL is set, and numbers where it is empty', () => {
    expect(demo.numbers.some((n) => n.smsUrl !== '')).toBe(true);
    expect(demo.numbers.some((n) => n.sms && n.smsUrl === '')).toBe(true);
  });

  test('has numbers in a Messaging Service', () => {
    const accountNumbers = new Set(demo.numbers.map((n) => n.phoneNumber));
    expect(demo.inMessagingService.size).toBeGreaterThan(0);
    expect([...demo.inMessagingService].every((n) => accountNumbers.has(n))).toBe(true);
  });

  test('has numbers and a WhatsApp sender still held by a legacy Flex Flow', () => {
    expect(demo.numbers.some((n) => demo.flexFlowIdentities.has(n.phoneNumber))).toBe(true);
    expect(demo.senders.some((s) => demo.flexFlowIdentities.has(s.senderId))).toBe(true);
  });

  test('has WhatsApp senders in several statuses, ONLINE among them, and a WhatsApp address', () => {
    const statuses = new Set(demo.senders.map((s) => s.status));
    expect(statuses.has('ONLINE')).toBe(true);
    expect(statuses.size).toBeGreaterThanOrEqual(3);
    expect(demo.addresses.some((a) => a.type === 'whatsapp')).toBe(true);
  });

  test('has Studio flows published and draft, with one published "Messaging Flow"', () => {
    expect(demo.flows.filter((f) => f.friendlyName === 'Messaging Flow').map((f) => f.status)).toEqual(['published']);
    expect(demo.flows.some((f) => f.status === 'draft')).toBe(true);
  });

  test('has addresses of each integration type, and some that are broken', () => {
    const types = new Set(demo.addresses.map((a) => a.autoCreation.type));
    expect(types).toEqual(new Set(['studio', 'webhook', 'default']));
    const drafts = new Set(demo.flows.filter((f) => f.status === 'draft').map((f) => f.sid));
    const broken = demo.addresses.filter(
      (a) => a.autoCreation.enabled === false || drafts.has(String(a.autoCreation.studio_flow_sid)),
    );
    expect(broken.length).toBeGreaterThan(0);
  });

  test('has a correctly configured number, and one that is correct but for its "A message comes in" URL', () => {
    const messagingFlow = demo.flows.find((f) => f.friendlyName === 'Messaging Flow')?.sid;
    const wellRouted = (phoneNumber: string) =>
      demo.addresses.some(
        (a) =>
          a.address === phoneNumber &&
          a.autoCreation.enabled === true &&
          a.autoCreation.type === 'studio' &&
          a.autoCreation.studio_flow_sid === messagingFlow &&
          a.autoCreation.conversation_service_sid === demo.flexServiceSid,
      );
    const alone = (phoneNumber: string) =>
      !demo.inMessagingService.has(phoneNumber) && !demo.flexFlowIdentities.has(phoneNumber);
    const routed = demo.numbers.filter((n) => n.sms && wellRouted(n.phoneNumber) && alone(n.phoneNumber));
    expect(routed.some((n) => n.smsUrl === '' && !n.smsApplication)).toBe(true);
    expect(routed.some((n) => n.smsUrl !== '' && !n.smsApplication)).toBe(true);
  });

  test('Flex’s conversation service exists and is the default', () => {
    expect(demo.serviceSids).toContain(demo.flexServiceSid);
    expect(demo.defaultServiceSid).toBe(demo.flexServiceSid);
  });
});

// What the generator guarantees by construction, whatever the seed.
describe.each([2, 3, 99])('a demo account with seed %i', (seed) => {
  test('keeps the structural mix', async () => {
    await t.control.reset({ ...DEFAULT_RESET, seed });
    const demo = await readDemoAccount();
    const configured = new Set(demo.addresses.map((a) => a.address));
    expect(demo.numbers.some((n) => configured.has(n.phoneNumber))).toBe(true);
    expect(demo.numbers.some((n) => n.sms && !configured.has(n.phoneNumber))).toBe(true);
    expect(demo.numbers.some((n) => demo.flexFlowIdentities.has(n.phoneNumber))).toBe(true);
    expect(new Set(demo.senders.map((s) => s.status)).size).toBeGreaterThanOrEqual(3);
    expect(demo.flows.filter((f) => f.friendlyName === 'Messaging Flow').map((f) => f.status)).toEqual(['published']);
    expect(demo.serviceSids).toContain(demo.flexServiceSid);
  });
});
