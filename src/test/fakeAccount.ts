/**
 * A small, fixed account for the plugin's component tests: the lists the Messaging Setup view loads,
 * with one example of each row state the tables show.
 */
import type {
  AddressSummary,
  FlexConfigurationSummary,
  FlexFlowSummary,
  HistoryEntry,
  MessagingServiceNumbers,
  PhoneNumberSummary,
  SetAsideMark,
  StudioFlowSummary,
  WhatsAppSenderSummary,
} from '../contract/types';

/** A SID of the given prefix whose hex part is `n` (padded), so tests can tell them apart. */
export const sid = (prefix: string, n: number) => `${prefix}${n.toString(16).padStart(32, '0')}`;

export const MESSAGING_FLOW_SID = sid('FW', 1);
export const DRAFT_FLOW_SID = sid('FW', 2);
export const FLEX_SERVICE_SID = sid('IS', 1);
export const OTHER_SERVICE_SID = sid('IS', 2);

export const FLOWS: StudioFlowSummary[] = [
  { sid: MESSAGING_FLOW_SID, friendlyName: 'Messaging Flow', status: 'published', conversationRoute: 'sends-to-flex' },
  { sid: DRAFT_FLOW_SID, friendlyName: 'Survey draft', status: 'draft' },
];

export const FLEX_CONFIGURATION: FlexConfigurationSummary = {
  flexConversationServiceSid: FLEX_SERVICE_SID,
  defaultConversationServiceSid: FLEX_SERVICE_SID,
  workspaceSid: sid('WS', 1),
  conversationServices: [
    { sid: FLEX_SERVICE_SID, friendlyName: 'Flex Conversation Service' },
    { sid: OTHER_SERVICE_SID, friendlyName: 'Marketing' },
  ],
  callerMayWrite: true,
};

const phoneNumber = (n: number, phone: string, friendlyName: string, sms = true): PhoneNumberSummary => ({
  sid: sid('PN', n),
  phoneNumber: phone,
  friendlyName,
  capabilities: { sms, mms: sms, voice: true },
  smsUrl: null,
  smsApplicationSid: null,
});

export const NUMBERS = {
  support: phoneNumber(1, '+14155550101', 'Support line'),
  sales: phoneNumber(2, '+14155550102', 'Sales line'),
  billing: phoneNumber(3, '+14155550103', 'Billing line'),
  voiceOnly: phoneNumber(4, '+14155550104', 'Voice only', false),
};

export const SENDERS: Record<'online' | 'offline', WhatsAppSenderSummary> = {
  online: {
    sid: sid('XE', 1),
    senderId: 'whatsapp:+14155550201',
    status: 'ONLINE',
    profileName: 'Owl Shoes',
    offlineReasons: [],
  },
  offline: {
    sid: sid('XE', 2),
    senderId: 'whatsapp:+14155550202',
    status: 'OFFLINE',
    profileName: 'Owl Outlet',
    offlineReasons: ['Display name not approved'],
  },
};

export const ADDRESSES: Record<'support' | 'billing' | 'whatsapp' | 'foreign', AddressSummary> = {
  /** Support line: connected through the Messaging Flow. */
  support: {
    sid: sid('IG', 1),
    type: 'sms',
    address: NUMBERS.support.phoneNumber,
    friendlyName: 'Support SMS',
    autoCreationEnabled: true,
    integration: { type: 'studio', studioFlowSid: MESSAGING_FLOW_SID, retryCount: 3 },
    conversationServiceSid: FLEX_SERVICE_SID,
    dateUpdated: '2024-05-01T10:00:00Z',
  },
  /** Billing line: an address with auto-creation off — a problem. */
  billing: {
    sid: sid('IG', 2),
    type: 'sms',
    address: NUMBERS.billing.phoneNumber,
    friendlyName: null,
    autoCreationEnabled: false,
    integration: { type: 'studio', studioFlowSid: MESSAGING_FLOW_SID, retryCount: 1 },
    conversationServiceSid: null,
    dateUpdated: '2024-05-01T10:00:00Z',
  },
  /** The ONLINE sender, routed to a webhook. */
  whatsapp: {
    sid: sid('IG', 3),
    type: 'whatsapp',
    address: SENDERS.online.senderId,
    friendlyName: 'Shoes WhatsApp',
    autoCreationEnabled: true,
    integration: {
      type: 'webhook',
      webhookUrl: 'https://hooks.example.com/inbound',
      webhookMethod: 'POST',
      webhookFilters: ['onMessageAdded'],
    },
    conversationServiceSid: FLEX_SERVICE_SID,
    dateUpdated: '2024-05-01T10:00:00Z',
  },
  /** An address of a number this account does not own. */
  foreign: {
    sid: sid('IG', 4),
    type: 'sms',
    address: '+447700900123',
    friendlyName: 'Old UK line',
    autoCreationEnabled: true,
    integration: { type: 'default' },
    conversationServiceSid: null,
    dateUpdated: '2024-05-01T10:00:00Z',
  },
};

export interface FakeAccount {
  numbers: PhoneNumberSummary[];
  senders: WhatsAppSenderSummary[];
  addresses: AddressSummary[];
  studioFlows: StudioFlowSummary[];
  flexConfiguration: FlexConfigurationSummary;
  /** Messaging Services and their numbers (none by default). */
  messagingServiceNumbers: MessagingServiceNumbers['services'];
  /** Legacy Flex Flows (none by default). */
  flexFlows: FlexFlowSummary[];
  /** The change history, newest first (empty by default). */
  history: HistoryEntry[];
  /** The numbers and senders set aside as not for Flex (none by default). */
  setAsides: SetAsideMark[];
}

/** A fresh copy each call: the fake backend changes its account as the tests create and delete. */
export function defaultAccount(): FakeAccount {
  const account: FakeAccount = {
    numbers: Object.values(NUMBERS),
    senders: Object.values(SENDERS),
    addresses: Object.values(ADDRESSES),
    studioFlows: FLOWS,
    flexConfiguration: FLEX_CONFIGURATION,
    messagingServiceNumbers: [],
    flexFlows: [],
    history: [],
    setAsides: [],
  };
  // Plain JSON data: a JSON round trip is a deep copy (jsdom has no structuredClone).
  return JSON.parse(JSON.stringify(account)) as FakeAccount;
}

/** A legacy Flex Flow: an SMS flow to the Messaging Flow, retry count 2, unless `fields` say otherwise. */
export const flexFlowFixture = (n: number, fields: Partial<FlexFlowSummary> = {}): FlexFlowSummary => ({
  sid: sid('FO', n),
  friendlyName: `Flow ${n}`,
  channelType: 'sms',
  contactIdentity: null,
  enabled: true,
  integrationType: 'studio',
  integration: { flow_sid: MESSAGING_FLOW_SID, retry_count: 2 },
  longLived: false,
  janitorEnabled: true,
  chatServiceSid: sid('IS', 9),
  ...fields,
});
