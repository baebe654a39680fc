import { BACKEND_SYNC_SERVICE_NAME } from '../../src/contract/types';
import { addEvidence } from './evidenceSeed';
import { addNumbersNotForFlex } from './setAsideSeed';
import { backendSyncServiceSid, buildSyncService, DEFAULT_SYNC_SERVICE } from './resources/sync';
import { SeededRandom } from './random';
import { buildIncomingPhoneNumber } from './resources/api2010';
import {
  buildAddressConfiguration,
  buildConversation,
  buildConversationService,
  buildConversationsConfiguration,
} from './resources/conversations';
import { buildFlexConfiguration, buildFlexFlow } from './resources/flex';
import { buildMessagingService, buildServicePhoneNumber, buildWhatsAppSender } from './resources/messaging';
import { buildStudioFlow } from './resources/studio';
import { REPLIES_ONLY, VOICE_ONLY } from './studioDefinitions';
import { buildTaskChannel, buildWorkflow, buildWorkspace } from './resources/taskrouter';
import { SandboxAccount, type AutoCreation, type IncomingPhoneNumber, type WireResource } from './state';

/** The `POST /_sandbox/reset` body: how big the generated account is, and its seed. */
export interface ResetOptions {
  numbers: number;
  whatsappSenders: number;
  addresses: number;
  flexFlows: number;
  studioFlows: number;
  seed: number;
  /** Extension: make the default Conversations service something other than Flex's. */
  defaultServiceIsFlex: boolean;
  /**
   * Extension: add the channels beside phone numbers (a chat address, a Messenger address,
   * email and RCS addresses, a Facebook Flex Flow; see addOtherChannels) on top of the counts.
   */
  otherChannels: boolean;
  /**
   * Extension: how many `email` addresses (see addEmailAddresses). Unset: 3 with otherChannels,
   * none without; set, exactly that many, with or without otherChannels.
   */
  emailAddresses?: number;
  /** Extension: the email domains the account has authenticated (default DEMO_EMAIL_DOMAINS). */
  emailDomains?: string[];
  /**
   * Extension: add the evidence of what happened to customers' messages (stuck conversations,
   * alerts, inbound Messages: evidenceSeed.ts), made last. Off unless asked; `npm start` asks.
   */
  evidence?: boolean;
  /**
   * Extension: `fixed` (the default) dates everything from a fixed moment of the seed, so the same
   * options give the same account to the byte; `wall` starts the account's history three days ago
   * and keeps its clock up with the wall clock, so ages read as they would on a live account and
   * what the backend asks for "the last days" (Monitor Alerts) finds what happened. `npm start` uses it.
   */
  clock?: 'fixed' | 'wall';
}

/** What a reset made: the account's SID, its counts, and the authenticated email domains. */
export type ResetCounts = Record<string, number | string | string[]>;

export const DEFAULT_RESET: ResetOptions = {
  numbers: 24,
  whatsappSenders: 6,
  addresses: 12,
  flexFlows: 5,
  studioFlows: 5,
  seed: 1,
  defaultServiceIsFlex: true,
  otherChannels: true,
};

export const RESET_LIMITS = {
  numbers: 100_000,
  whatsappSenders: 10_000,
  addresses: 200_000,
  flexFlows: 1_000,
  studioFlows: 1_000,
  emailAddresses: 10_000,
  emailDomains: 100,
};

/**
 * The email domains a generated account has added and authenticated (Flex › Manage › Email):
 * `.example` names, which can never be real (RFC 2606). `owl-shoes-outlet.example` is not one.
 */
export const DEMO_EMAIL_DOMAINS = ['owl-shoes.example', 'help.owl-shoes.example'] as const;
/** How many email addresses the other channels bring when the reset does not say. */
export const DEFAULT_EMAIL_ADDRESSES = 3;

export const MESSAGING_FLOW_NAME = 'Messaging Flow';
const OTHER_FLOWS: { name: string; status: 'draft' | 'published'; definition?: object }[] = [
  { name: 'Voice IVR', status: 'published', definition: VOICE_ONLY },
  { name: 'After Hours Messaging', status: 'draft', definition: REPLIES_ONLY },
  { name: 'Webchat Flow', status: 'published' },
  { name: 'Customer Survey', status: 'draft' },
];
const AREA_CODES = ['415', '628', '212', '646', '312', '206', '512', '303'];
const SENDER_STATUSES = [
  'ONLINE',
  'ONLINE',
  'OFFLINE',
  'PENDING_VERIFICATION',
  'ONLINE',
  'ONLINE:UPDATING',
  'DRAFT',
  'TWILIO_REVIEW',
];
const BRANDS = ['Owl Bank', 'Owl Shoes', 'Owl Air', 'Owl Health', 'Owl Energy'];
const SMS_REPLY_URL = 'https://demo.twilio.com/welcome/sms/reply';
const WEBHOOK_FILTERS = ['onMessageAdded', 'onParticipantAdded'];
/**
 * Legacy Flex Flows that cannot become a Conversations address as they are, by position in the
 * account's Flex Flows: one hands messages to an external webhook, one makes TaskRouter tasks
 * directly. Their contact identities are on no number, sender or address of the account.
 */
const UNMIGRATABLE_FLEX_FLOWS: Record<
  number,
  (sids: { chatService: string; workspace: string; workflow: string }) => Record<string, unknown>
> = {
  3: ({ chatService }) => ({
    FriendlyName: 'Flex SMS External Webhook Flow',
    ChatServiceSid: chatService,
    ChannelType: 'sms',
    ContactIdentity: '+15550001234',
    Enabled: true,
    IntegrationType: 'external',
    'Integration.Url': 'https://example.com/flex-flow-handler',
    'Integration.RetryCount': 1,
    LongLived: false,
    JanitorEnabled: true,
  }),
  4: ({ chatService, workspace, workflow }) => ({
    FriendlyName: 'Flex Custom Channel Task Flow',
    ChatServiceSid: chatService,
    ChannelType: 'custom',
    Enabled: true,
    IntegrationType: 'task',
    'Integration.WorkspaceSid': workspace,
    'Integration.WorkflowSid': workflow,
    'Integration.Channel': 'default',
    LongLived: true,
    JanitorEnabled: false,
  }),
};
/** Generated data is dated from here, so the same seed gives the same dates. */
const EPOCH = Date.UTC(2026, 0, 5, 9, 0, 0);
/** With the wall clock, how long before now the generated account's history starts. */
const WALL_CLOCK_HISTORY_MS = 3 * 24 * 60 * 60 * 1000;

/** Unique, realistic North American numbers: `+1 <area> 2xx-xxxx`. */
function phoneNumberAt(index: number): string {
  const area = AREA_CODES[index % AREA_CODES.length];
  const line = 2_000_000 + Math.floor(index / AREA_CODES.length) * 7 + (index % 7);
  return `+1${area}${String(line).padStart(7, '0')}`;
}

interface Scenario {
  sms: boolean;
  smsUrl: boolean;
  smsApplication: boolean;
  inMessagingService: boolean;
}

/** Which problems a generated number has; most numbers are plain. */
function scenarioFor(random: SeededRandom): Scenario {
  const roll = random.next();
  return {
    sms: roll >= 0.08,
    smsUrl: roll >= 0.08 && roll < 0.22,
    smsApplication: roll >= 0.22 && roll < 0.26,
    inMessagingService: random.chance(0.12),
  };
}

/**
 * Every seed's account has each problem at least once, at these positions (when the account has
 * that many numbers); the rest are drawn at random.
 */
const GUARANTEED: Record<number, Partial<Scenario>> = {
  // Numbers 0 and 2 get the first two addresses (Studio "Messaging Flow", enabled, Flex's service):
  // 0 is correctly configured, 2 also has an "A message comes in" URL (clearing it makes it ready).
  0: { sms: true, smsUrl: false, smsApplication: false, inMessagingService: false },
  1: { sms: true, smsUrl: true, smsApplication: false },
  2: { sms: true, smsUrl: true, smsApplication: false, inMessagingService: false },
  3: { sms: true, smsUrl: false, smsApplication: true },
  5: { sms: true, inMessagingService: true },
  7: { sms: false, smsUrl: false, smsApplication: false, inMessagingService: false },
};

function integrationFor(
  index: number,
  random: SeededRandom,
  flows: { messaging: string; draft: string | undefined; voice: string | undefined },
  flexService: string,
  otherService: string,
): AutoCreation {
  // The first addresses cover each way an address can be wrong, so every seed's account shows
  // every diagnosis (when it has that many addresses); the rest follow the cycle below.
  const studio = {
    enabled: true,
    type: 'studio' as const,
    conversation_service_sid: flexService,
    studio_retry_count: 3,
  };
  if (index === 3 && flows.draft) return { ...studio, studio_flow_sid: flows.draft };
  if (index === 4) return { ...studio, studio_flow_sid: random.sid('FW') };
  if (index === 5) {
    return {
      enabled: true,
      type: 'webhook',
      conversation_service_sid: flexService,
      webhook_url: '',
      webhook_method: 'POST',
      webhook_filters: ['onMessageAdded'],
    };
  }
  if (index === 6) return { ...studio, conversation_service_sid: otherService, studio_flow_sid: flows.messaging };
  // A published flow that answers calls only: it hands no conversation to Flex.
  if (index === 10 && flows.voice) return { ...studio, studio_flow_sid: flows.voice };
  const kind = index % 10;
  if (kind === 7) {
    return {
      enabled: true,
      type: 'webhook',
      conversation_service_sid: flexService,
      webhook_url: `https://owl-${random.hex(4)}.twil.io/inbound`,
      webhook_method: 'POST',
      webhook_filters: [...WEBHOOK_FILTERS],
    };
  }
  if (kind === 8) return { enabled: true, type: 'default', conversation_service_sid: flexService };
  if (kind === 9) {
    // Realistic problems: auto-creation switched off, or pointing at a draft flow.
    return index % 20 === 9 || !flows.draft
      ? {
          enabled: false,
          type: 'studio',
          conversation_service_sid: flexService,
          studio_flow_sid: flows.messaging,
          studio_retry_count: 3,
        }
      : {
          enabled: true,
          type: 'studio',
          conversation_service_sid: flexService,
          studio_flow_sid: flows.draft,
          studio_retry_count: 3,
        };
  }
  return {
    enabled: true,
    type: 'studio',
    conversation_service_sid: flexService,
    studio_flow_sid: flows.messaging,
    studio_retry_count: 3,
  };
}

/** Builds a whole demo account from a seed; the same options always give the same account. */
export function generateAccount(accountSid: string, options: ResetOptions): SandboxAccount {
  const random = new SeededRandom(options.seed);
  const wall = options.clock === 'wall';
  const start = wall ? Date.now() - WALL_CLOCK_HISTORY_MS : EPOCH;
  const account = new SandboxAccount(accountSid, random, new Date(start));
  for (const domain of options.emailDomains ?? DEMO_EMAIL_DOMAINS) account.emailDomains.add(domain.toLowerCase());

  // Conversations: Flex's service, a second one, and the account default.
  const flexService = account.conversationServices.add(buildConversationService(account, 'Flex Conversations Service'));
  const otherService = account.conversationServices.add(
    buildConversationService(account, 'Default Conversations Service'),
  );
  const legacyChatService = random.sid('IS');
  const messagingServices = [
    account.messagingServices.add(buildMessagingService(account, 'Default Conversations Messaging Service')),
    account.messagingServices.add(buildMessagingService(account, 'Marketing Notifications')),
  ];
  account.conversationsConfiguration = buildConversationsConfiguration(
    account,
    options.defaultServiceIsFlex ? flexService.sid : otherService.sid,
    messagingServices[0].sid,
  );
  for (let i = 0; i < 3; i += 1)
    account.conversations.add(buildConversation(account, flexService.sid, `Customer conversation ${i + 1}`));

  // TaskRouter as Flex provisions it.
  const workspace = account.workspaces.add(buildWorkspace(account, 'Flex Task Assignment'));
  const workflows = SandboxAccount.childOf(
    account.workflows,
    workspace.sid,
    `/v1/Workspaces/${workspace.sid}/Workflows`,
  );
  const workflow = workflows.add(
    buildWorkflow(
      account,
      workspace.sid,
      'Assign to Anyone',
      JSON.stringify({ task_routing: { filters: [], default_filter: { queue: random.sid('WQ') } } }),
    ),
  );
  const channels = SandboxAccount.childOf(
    account.taskChannels,
    workspace.sid,
    `/v1/Workspaces/${workspace.sid}/TaskChannels`,
  );
  for (const name of ['default', 'voice', 'chat', 'sms', 'video', 'email']) {
    channels.add(buildTaskChannel(account, workspace.sid, name, name[0].toUpperCase() + name.slice(1)));
  }
  account.flexConfiguration = buildFlexConfiguration(account, {
    flexService: flexService.sid,
    chatService: legacyChatService,
    messagingService: messagingServices[0].sid,
    workspace: workspace.sid,
    workflow: workflow.sid,
  });

  // Studio flows: "Messaging Flow" first (Flex's out-of-the-box flow), then a mix of statuses.
  const studioFlows: WireResource[] = [];
  for (let i = 0; i < options.studioFlows; i += 1) {
    const spec =
      i === 0 ? { name: MESSAGING_FLOW_NAME, status: 'published' as const } : OTHER_FLOWS[(i - 1) % OTHER_FLOWS.length];
    const suffix = i > OTHER_FLOWS.length ? ` ${Math.floor((i - 1) / OTHER_FLOWS.length) + 1}` : '';
    studioFlows.push(
      account.studioFlows.add(
        buildStudioFlow(account, {
          friendly_name: spec.name + suffix,
          status: spec.status,
          definition: 'definition' in spec ? spec.definition : undefined,
        }),
      ),
    );
  }
  const messagingFlow = studioFlows[0]?.sid ?? random.sid('FW');
  const draftFlow = studioFlows.find((f) => f.status === 'draft')?.sid;

  // Phone numbers with a realistic spread of problems.
  const numbers: IncomingPhoneNumber[] = [];
  for (let i = 0; i < options.numbers; i += 1) {
    const scenario = { ...scenarioFor(random), ...GUARANTEED[i] };
    const number = account.incomingPhoneNumbers.add(
      buildIncomingPhoneNumber(account, {
        phone_number: phoneNumberAt(i),
        capabilities: { voice: true, sms: scenario.sms, mms: scenario.sms, fax: false },
        sms_url: scenario.smsUrl ? SMS_REPLY_URL : '',
        sms_application_sid: scenario.smsApplication ? random.sid('AP') : '',
      }),
    );
    numbers.push(number);
    if (scenario.inMessagingService && scenario.sms) {
      const service = messagingServices[i % messagingServices.length];
      SandboxAccount.childOf(
        account.messagingServiceNumbers,
        service.sid,
        `/v1/Services/${service.sid}/PhoneNumbers`,
      ).add(buildServicePhoneNumber(account, service.sid, number));
    }
  }
  const smsNumbers = numbers.filter((n) => n.capabilities.sms);

  // WhatsApp senders: the first ones on account numbers, in several statuses.
  const senders: WireResource[] = [];
  for (let i = 0; i < options.whatsappSenders; i += 1) {
    const onAccount = smsNumbers[smsNumbers.length - 1 - i];
    const e164 = onAccount && i % 3 !== 2 ? onAccount.phone_number : `+4420${String(7946_0000 + i).padStart(8, '0')}`;
    const status = SENDER_STATUSES[i % SENDER_STATUSES.length];
    senders.push(
      account.channelSenders.add(
        buildWhatsAppSender(account, {
          sender_id: `whatsapp:${e164}`,
          status,
          profile_name: BRANDS[i % BRANDS.length],
          offline_reasons:
            status === 'OFFLINE'
              ? [
                  {
                    code: '63116',
                    message: 'The WhatsApp Business Account is restricted',
                    more_info: 'https://www.twilio.com/docs/errors/63116',
                  },
                ]
              : null,
        }),
      ),
    );
  }

  // Legacy Flex Flows: a webchat flow, then SMS/WhatsApp flows still holding a number. The flows
  // at UNMIGRATABLE_FLEX_FLOWS' positions are made at the very end (see there).
  for (let i = 0; i < options.flexFlows; i += 1) {
    if (i in UNMIGRATABLE_FLEX_FLOWS) continue;
    const isWeb = i === 0;
    const holdsSender = i % 3 === 2 && senders.length > 0;
    const number = smsNumbers[(i * 5 + 2) % Math.max(1, smsNumbers.length)];
    const identity = isWeb ? undefined : holdsSender ? String(senders[0].sender_id) : number?.phone_number;
    account.flexFlows.add(
      buildFlexFlow(account, {
        FriendlyName: isWeb ? 'Flex Web Channel Flow' : `Flex ${holdsSender ? 'WhatsApp' : 'SMS'} Channel Flow ${i}`,
        ChatServiceSid: legacyChatService,
        ChannelType: isWeb ? 'web' : holdsSender ? 'whatsapp' : 'sms',
        ContactIdentity: identity,
        Enabled: true,
        IntegrationType: 'studio',
        'Integration.FlowSid': messagingFlow,
        'Integration.RetryCount': 3,
        LongLived: false,
        JanitorEnabled: true,
      }),
    );
  }

  // Address configurations: mostly account numbers, then WhatsApp senders, then numbers that are
  // on another account (they show up in the Addresses tab only).
  const voiceFlow = studioFlows.find((f) => f.definition === VOICE_ONLY)?.sid;
  const flows = { messaging: messagingFlow, draft: draftFlow, voice: voiceFlow };
  let made = 0;
  const smsTargets = smsNumbers.filter((_, i) => i % 3 !== 1);
  for (const number of smsTargets) {
    if (made >= Math.ceil(options.addresses * 0.75)) break;
    account.addresses.add(
      buildAddressConfiguration(account, {
        type: 'sms',
        address: number.phone_number,
        friendly_name: `SMS ${number.friendly_name as string}`,
        auto_creation: integrationFor(made, random, flows, flexService.sid, otherService.sid),
      }),
    );
    made += 1;
  }
  for (const sender of senders) {
    if (made >= options.addresses || sender.status !== 'ONLINE' || senders.indexOf(sender) % 2 === 1) continue;
    account.addresses.add(
      buildAddressConfiguration(account, {
        type: 'whatsapp',
        address: String(sender.sender_id),
        friendly_name: `WhatsApp ${(sender.profile as { name: string }).name}`,
        auto_creation: integrationFor(made, random, flows, flexService.sid, otherService.sid),
      }),
    );
    made += 1;
  }
  for (let i = 0; made < options.addresses; i += 1) {
    account.addresses.add(
      buildAddressConfiguration(account, {
        type: 'sms',
        address: `+1555${String(100_0000 + i).padStart(7, '0')}`,
        friendly_name: 'Number on another account',
        auto_creation: integrationFor(made, random, flows, flexService.sid, otherService.sid),
      }),
    );
    made += 1;
  }

  // Last, so that adding them left the SIDs of everything above as they were.
  for (const [position, build] of Object.entries(UNMIGRATABLE_FLEX_FLOWS)) {
    if (Number(position) >= options.flexFlows) continue;
    account.flexFlows.add(
      buildFlexFlow(
        account,
        build({ chatService: legacyChatService, workspace: workspace.sid, workflow: workflow.sid }),
      ),
    );
  }
  const emailAddresses = options.emailAddresses ?? (options.otherChannels ? DEFAULT_EMAIL_ADDRESSES : 0);
  if (options.otherChannels) {
    addOtherChannels(
      account,
      { chatService: legacyChatService, flexService: flexService.sid, messagingFlow },
      emailAddresses > 0,
    );
    addEmailAddresses(account, flexService.sid, 1, emailAddresses);
  } else {
    addEmailAddresses(account, flexService.sid, 0, emailAddresses);
  }
  // Every Twilio account has a default Sync Service, addressed as `default` (its unique name). Made
  // last, so every SID above stays as it was.
  const syncDefault = buildSyncService(account, 'Default Service');
  syncDefault.unique_name = DEFAULT_SYNC_SERVICE;
  account.syncServices.add(syncDefault);
  // The backend's own Sync Service, as `npm run deploy:backend` makes it on a real account (ACLs
  // on, no Flex token granted it: serverless/src/history/historyLocation.ts), so `npm start` and
  // the tests keep the history where a Flex user's token cannot write it.
  const backendService = buildSyncService(account, BACKEND_SYNC_SERVICE_NAME);
  backendService.acl_enabled = true;
  account.syncServices.add(backendService);
  if (options.evidence) {
    addEvidence(account);
    addNumbersNotForFlex(account);
  }
  // The seeds are dated from three days ago on; what happens from here on is dated now.
  if (wall) account.keepUpWithWallClock();
  return account;
}

/** Two Facebook Pages connected to the account (Console › Channels › Facebook Messenger). */
export const FACEBOOK_PAGES = [
  { id: '106932781234567', name: 'Owl Shoes' },
  { id: '108811223344556', name: 'Owl Shoes Outlet' },
] as const;

/**
 * The channels beside phone numbers, as a Flex account has them: the default chat address to
 * "Chat Flow", a Messenger address for the first Facebook Page (the second has none), the first
 * email address (emailAddressAt(0), with `firstEmail`), an RCS address (a type Flex does not
 * route), and legacy web and Facebook Flex Flows. Made after everything else, so that the SIDs
 * above stay as they were; the other email addresses come after these, for the same reason.
 */
function addOtherChannels(
  account: SandboxAccount,
  sids: { chatService: string; flexService: string; messagingFlow: string },
  firstEmail: boolean,
): void {
  const chatFlow = account.studioFlows.add(
    buildStudioFlow(account, { friendly_name: 'Chat Flow', status: 'published' }),
  );
  const studio = (flow: string, retry: number): AutoCreation => ({
    enabled: true,
    type: 'studio',
    conversation_service_sid: sids.flexService,
    studio_flow_sid: flow,
    studio_retry_count: retry,
  });
  const [page, pageWithoutAddress] = FACEBOOK_PAGES;
  const extra: Parameters<typeof buildAddressConfiguration>[1][] = [
    {
      type: 'chat',
      address: 'flex-chat-default',
      friendly_name: 'Default chat address',
      auto_creation: studio(String(chatFlow.sid), 3),
    },
    {
      type: 'messenger',
      address: `messenger:${page.id}`,
      friendly_name: page.name,
      auto_creation: studio(sids.messagingFlow, 3),
    },
    ...(firstEmail ? [emailAddressAt(0, { flexService: sids.flexService, emailFlow: '', missingFlow: '' })] : []),
    {
      type: 'rcs',
      address: 'rcs:owl_shoes_agent',
      friendly_name: 'RCS agent',
      auto_creation: { enabled: false, type: 'default' },
    },
  ];
  for (const params of extra) account.addresses.add(buildAddressConfiguration(account, params));
  account.flexFlows.add(
    buildFlexFlow(account, {
      FriendlyName: 'Flex Facebook Channel Flow',
      ChatServiceSid: sids.chatService,
      ChannelType: 'facebook',
      ContactIdentity: pageWithoutAddress.id,
      Enabled: true,
      IntegrationType: 'studio',
      'Integration.FlowSid': sids.messagingFlow,
      'Integration.RetryCount': 2,
      LongLived: false,
      JanitorEnabled: true,
    }),
  );
}

/**
 * The email addresses of a generated account, by position, so that every seed shows each case:
 * a mailbox with the default integration, one routed to the published "Email Flow" (ready), one
 * to a Studio flow that no longer exists (the diagnosis shows it); then a cycle of Studio,
 * webhook and default addresses on the second domain.
 */
function emailAddressAt(
  index: number,
  sids: { flexService: string; emailFlow: string; missingFlow: string },
): Parameters<typeof buildAddressConfiguration>[1] {
  const studio = (flow: string): AutoCreation => ({
    enabled: true,
    type: 'studio',
    conversation_service_sid: sids.flexService,
    studio_flow_sid: flow,
    studio_retry_count: 3,
  });
  if (index === 0) {
    return {
      type: 'email',
      address: 'support@owl-shoes.example',
      friendly_name: 'Support inbox',
      auto_creation: { enabled: true, type: 'default' },
    };
  }
  if (index === 1) {
    return {
      type: 'email',
      address: 'orders@owl-shoes.example',
      friendly_name: 'Orders',
      auto_creation: studio(sids.emailFlow),
    };
  }
  if (index === 2) {
    return {
      type: 'email',
      address: 'returns@help.owl-shoes.example',
      friendly_name: 'Returns',
      auto_creation: studio(sids.missingFlow),
    };
  }
  const kind = index % 3;
  const auto_creation: AutoCreation =
    kind === 0
      ? studio(sids.emailFlow)
      : kind === 1
        ? {
            enabled: true,
            type: 'webhook',
            conversation_service_sid: sids.flexService,
            webhook_url: 'https://owl-shoes-email.twil.io/inbound',
            webhook_method: 'POST',
            webhook_filters: ['onMessageAdded'],
          }
        : { enabled: true, type: 'default', conversation_service_sid: sids.flexService };
  return {
    type: 'email',
    address: `inbox-${index}@help.owl-shoes.example`,
    friendly_name: `Inbox ${index}`,
    auto_creation,
  };
}

/**
 * Email addresses at positions `from` up to `count` (emailAddressAt), with the published "Email
 * Flow" they route to, as Flex's email setup recommends a flow of its own
 * (twilio.com/docs/flex/admin-guide/setup/email/address-creation). Made last (see addOtherChannels).
 */
function addEmailAddresses(account: SandboxAccount, flexService: string, from: number, count: number): void {
  if (from >= count) return;
  // Position 1 on routes to "Email Flow"; position 2 to a flow that does not exist.
  const emailFlow =
    count > 1
      ? account.studioFlows.add(buildStudioFlow(account, { friendly_name: 'Email Flow', status: 'published' }))
      : undefined;
  const sids = {
    flexService,
    emailFlow: emailFlow?.sid ?? '',
    missingFlow: count > 2 ? account.random.sid('FW') : '',
  };
  for (let i = from; i < count; i += 1) {
    account.addresses.add(buildAddressConfiguration(account, emailAddressAt(i, sids)));
  }
}

/** The account's backend Sync Service (made with every account above; tests and the bench find it here). */
export { backendSyncServiceSid };
