import { created, noContent, ok, type OperationHandlers, type OperationRequest } from '../operation';
import { pageV1 } from '../pagination';
import {
  SandboxAccount,
  type AddressConfiguration,
  type AutoCreation,
  type Collection,
  type WireResource,
} from '../state';
import { invalidParameter, notFound, TwilioApiError } from '../twilioError';
import { applyParams, isoDate } from '../wireFormat';
import { resourceHandlers } from './resourceHandlers';

const HOST = 'https://conversations.twilio.com';

/**
 * Twilio rejects a second configuration for the same address. No public source gives the code,
 * so the sandbox picks one and documents it; clients should show the message, not branch on it.
 */
export const ADDRESS_EXISTS_CODE = 50438;

const E164 = /^\+[1-9]\d{1,14}$/;
/** One mailbox, `local@domain` with a dotted domain: what an `email` address configuration holds. */
export const EMAIL_ADDRESS =
  /^[^\s@]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
const ADDRESS_RULES: Record<string, { pattern: RegExp; example: string }> = {
  sms: { pattern: E164, example: '+13115552368' },
  whatsapp: { pattern: /^whatsapp:\+[1-9]\d{1,14}$/, example: 'whatsapp:+13115552368' },
  messenger: { pattern: /^messenger:\d+$/, example: 'messenger:106932781234567' },
  email: { pattern: EMAIL_ADDRESS, example: 'support@owl-shoes.example' },
};

/** The domain of an email address (after its last `@`), lower case. */
export const emailDomainOf = (address: string): string => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

/**
 * Twilio creates an `email` address only on a domain the account has added and authenticated
 * (twilio.com/docs/flex/admin-guide/setup/email/address-creation). Its answer otherwise is not in
 * a source here: the sandbox answers 400 / 20001 naming the domain (docs/SANDBOX.md says so).
 */
function assertEmailDomainAuthenticated(account: SandboxAccount, address: string): void {
  const domain = emailDomainOf(address);
  if (account.emailDomains.has(domain)) return;
  throw invalidParameter(
    `Address ${address} cannot be used: the domain ${domain} is not authenticated on this account. Add and authenticate the domain for email first.`,
  );
}

/** Keys of `auto_creation` that belong to one integration type only. */
const INTEGRATION_KEYS: Record<string, string[]> = {
  studio: ['studio_flow_sid', 'studio_retry_count'],
  webhook: ['webhook_url', 'webhook_method', 'webhook_filters'],
  default: [],
};

export function buildAddressConfiguration(
  account: SandboxAccount,
  fields: {
    type: string;
    address: string;
    friendly_name?: string | null;
    auto_creation: AutoCreation;
    address_country?: string | null;
  },
): AddressConfiguration {
  const sid = account.random.sid('IG');
  const now = isoDate(account.now());
  return {
    sid,
    account_sid: account.accountSid,
    type: fields.type,
    address: fields.address,
    friendly_name: fields.friendly_name ?? null,
    address_country: fields.address_country ?? null,
    auto_creation: fields.auto_creation,
    date_created: now,
    date_updated: now,
    url: `${HOST}/v1/Configuration/Addresses/${sid}`,
  };
}

function normaliseAutoCreation(autoCreation: AutoCreation): AutoCreation {
  const result: AutoCreation = { ...autoCreation };
  // Responses echo the method in upper case whatever case was sent.
  if (typeof result.webhook_method === 'string') result.webhook_method = result.webhook_method.toUpperCase();
  // Switching integration drops the settings of the one left behind.
  if (result.type) {
    for (const [type, keys] of Object.entries(INTEGRATION_KEYS)) {
      if (type !== result.type) for (const key of keys) delete result[key];
    }
  }
  if (result.type === 'studio' && result.enabled && !result.studio_flow_sid) {
    throw invalidParameter('AutoCreation.StudioFlowSid is required when AutoCreation.Type is studio');
  }
  if (result.type === 'webhook' && result.enabled && !result.webhook_url) {
    throw invalidParameter('AutoCreation.WebhookUrl is required when AutoCreation.Type is webhook');
  }
  return result;
}

function autoCreationFrom(body: Record<string, unknown>, current: AutoCreation = {}): AutoCreation {
  const holder: Record<string, unknown> = { auto_creation: { ...current } };
  const autoCreationParams = Object.fromEntries(Object.entries(body).filter(([k]) => k.startsWith('AutoCreation.')));
  applyParams(holder, autoCreationParams);
  return normaliseAutoCreation(holder.auto_creation as AutoCreation);
}

function addressOr404(req: OperationRequest): AddressConfiguration {
  const address = req.account.findAddress(req.params.Sid);
  if (!address) throw notFound(`/v1/Configuration/Addresses/${req.params.Sid}`);
  return address;
}

export function buildConversationService(account: SandboxAccount, friendlyName: string): WireResource {
  const sid = account.random.sid('IS');
  const now = isoDate(account.now());
  const url = `${HOST}/v1/Services/${sid}`;
  return {
    sid,
    account_sid: account.accountSid,
    friendly_name: friendlyName,
    date_created: now,
    date_updated: now,
    url,
    links: {
      conversations: `${url}/Conversations`,
      users: `${url}/Users`,
      roles: `${url}/Roles`,
      bindings: `${url}/Bindings`,
      configuration: `${url}/Configuration`,
      participant_conversations: `${url}/ParticipantConversations`,
      conversation_with_participants: `${url}/ConversationWithParticipants`,
    },
  };
}

export function buildConversation(account: SandboxAccount, serviceSid: string, friendlyName: string): WireResource {
  const sid = account.random.sid('CH');
  const now = isoDate(account.now());
  const url = `${HOST}/v1/Conversations/${sid}`;
  return {
    sid,
    account_sid: account.accountSid,
    chat_service_sid: serviceSid,
    messaging_service_sid: null,
    friendly_name: friendlyName,
    unique_name: null,
    attributes: '{}',
    state: 'active',
    date_created: now,
    date_updated: now,
    timers: {},
    url,
    links: {
      participants: `${url}/Participants`,
      messages: `${url}/Messages`,
      webhooks: `${url}/Webhooks`,
    },
    bindings: null,
  };
}

/** How a participant takes part: through the Conversations SDK (an identity), or a messaging binding. */
export type ParticipantOf =
  { identity: string } | { binding: { type: string; address: string; proxy_address: string | null } };

/**
 * A Conversation Participant as Twilio answers it: `identity` is set if (and only if) the
 * participant uses the Conversations SDK (a Webchat customer, an agent), and then
 * `messaging_binding` is null (the spec's "createChat" example); an SMS, WhatsApp, Messenger or
 * email customer has a binding and no identity.
 */
export function buildParticipant(
  account: SandboxAccount,
  conversationSid: string,
  who: ParticipantOf,
  fields: { sid?: string; attributes?: string; dateCreated?: string } = {},
): WireResource {
  const sid = fields.sid ?? account.random.sid('MB');
  const now = fields.dateCreated ?? isoDate(account.now());
  return {
    account_sid: account.accountSid,
    conversation_sid: conversationSid,
    sid,
    identity: 'identity' in who ? who.identity : null,
    attributes: fields.attributes ?? '{}',
    messaging_binding: 'binding' in who ? { ...who.binding } : null,
    role_sid: null,
    date_created: now,
    date_updated: now,
    url: `${HOST}/v1/Conversations/${conversationSid}/Participants/${sid}`,
    last_read_message_index: null,
    last_read_timestamp: null,
  };
}

/** The participants of a conversation (made on first use); none once the conversation is deleted. */
export const participantsOf = (account: SandboxAccount, conversationSid: string): Collection<WireResource> =>
  SandboxAccount.childOf(
    account.conversationParticipants,
    conversationSid,
    `/v1/Conversations/${conversationSid}/Participants`,
  );

/** The conversation of a Participants request, in the request's service; 404 when that service has none. */
const conversationParticipants = (req: OperationRequest) =>
  participantsOf(req.account, scopedConversation(req, req.params.ConversationSid).sid);

function participantFrom(body: Record<string, unknown>): ParticipantOf {
  const text = (name: string) => (typeof body[name] === 'string' && body[name] !== '' ? body[name] : undefined);
  const identity = text('Identity');
  const address = text('MessagingBinding.Address');
  if (identity !== undefined && address !== undefined) {
    throw invalidParameter('A participant has either an Identity (SDK) or a MessagingBinding.Address, not both');
  }
  if (identity !== undefined) return { identity };
  if (address === undefined) throw invalidParameter('Identity or MessagingBinding.Address is required');
  const proxy = text('MessagingBinding.ProxyAddress') ?? null;
  const type = address.startsWith('whatsapp:')
    ? 'whatsapp'
    : address.startsWith('messenger:')
      ? 'messenger'
      : EMAIL_ADDRESS.test(address)
        ? 'email'
        : 'sms';
  return { binding: { type, address, proxy_address: proxy } };
}

export function buildConversationsConfiguration(
  account: SandboxAccount,
  defaultChatServiceSid: string,
  defaultMessagingServiceSid: string,
) {
  return {
    account_sid: account.accountSid,
    default_chat_service_sid: defaultChatServiceSid,
    default_messaging_service_sid: defaultMessagingServiceSid,
    default_inactive_timer: null,
    default_closed_timer: null,
    url: `${HOST}/v1/Configuration`,
    links: {
      service: `${HOST}/v1/Services/${defaultChatServiceSid}/Configuration`,
      webhooks: `${HOST}/v1/Configuration/Webhooks`,
    },
  };
}

const conversationServices = resourceHandlers((req) => req.account.conversationServices);

/**
 * Twilio refuses any update of a closed conversation: error 50377 "Can't update conversation as
 * it's in final closed state" (twilio.com/docs/api/errors/50377); and a conversation cannot be
 * created closed: 50384 "Initial state can't be 'closed'" (…/errors/50384). The HTTP status is
 * not on those pages: 400 here.
 */
export const CONVERSATION_CLOSED_CODE = 50377;
export const INITIAL_STATE_CLOSED_CODE = 50384;

/** A conversation by SID or unique name (the `{Sid}` path parameter takes either, the spec says). */
export function conversationOr404(account: SandboxAccount, sidOrUniqueName: string): WireResource {
  return (
    account.conversations.find(sidOrUniqueName) ??
    account.conversations.all().find((c) => c.unique_name === sidOrUniqueName) ??
    account.conversations.get(sidOrUniqueName)
  );
}

/** `YYYY-MM-DD` (or a date-time) as a bound of ListConversation's StartDate/EndDate: the day's start or end. */
function dayBound(value: unknown, end: boolean): number | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const bare = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const time = Date.parse(bare ? `${value}T${end ? '23:59:59' : '00:00:00'}Z` : value);
  if (Number.isNaN(time)) throw invalidParameter(`Invalid date ${value}: use YYYY-MM-DD`);
  return time;
}

/** Fields the Conversation create and update take, beside State (handled apart). */
function applyConversationParams(conversation: WireResource, body: Record<string, unknown>): void {
  applyParams(conversation, body, [
    'State',
    'Timers.Inactive',
    'Timers.Closed',
    'Bindings.Email.Address',
    'Bindings.Email.Name',
    'DateCreated',
    'DateUpdated',
  ]);
  if (typeof body.DateCreated === 'string') conversation.date_created = body.DateCreated;
  if (typeof body['Bindings.Email.Address'] === 'string' || typeof body['Bindings.Email.Name'] === 'string') {
    conversation.bindings = {
      email: {
        address: body['Bindings.Email.Address'] ?? null,
        name: body['Bindings.Email.Name'] ?? null,
      },
    };
  }
}

/**
 * Twilio keeps one participant per (address, proxy address) pair across open conversations, "in
 * order to route inbound messages correctly": a second one is refused with 50416 "Participant and
 * proxy address pair is already in use" (twilio.com/docs/api/errors/50416). The HTTP status is not
 * on the page: 409 here. A closed conversation frees its pairs.
 */
export const PAIR_IN_USE_CODE = 50416;

function assertPairFree(account: SandboxAccount, binding: { address: string; proxy_address: string | null }): void {
  for (const conversation of account.conversations.all()) {
    if (conversation.state === 'closed') continue;
    for (const participant of account.conversationParticipants.get(conversation.sid)?.all() ?? []) {
      const other = participant.messaging_binding as { address?: unknown; proxy_address?: unknown } | null;
      if (other?.address === binding.address && other.proxy_address === binding.proxy_address) {
        throw new TwilioApiError(
          409,
          PAIR_IN_USE_CODE,
          `Participant and proxy address pair ${binding.address}, ${String(binding.proxy_address)} is already in use by conversation ${conversation.sid}`,
        );
      }
    }
  }
}

/**
 * One row of ParticipantConversations: a conversation a participant is in, with the
 * participant's and the conversation's fields side by side (the spec's
 * `conversations.v1.participant_conversation`).
 */
function participantConversation(account: SandboxAccount, conversation: WireResource, participant: WireResource) {
  const service = String(conversation.chat_service_sid);
  return {
    account_sid: account.accountSid,
    chat_service_sid: service,
    participant_sid: participant.sid,
    participant_user_sid: null,
    participant_identity: participant.identity ?? null,
    participant_messaging_binding: participant.messaging_binding ?? null,
    conversation_sid: conversation.sid,
    conversation_unique_name: conversation.unique_name ?? null,
    conversation_friendly_name: conversation.friendly_name ?? null,
    conversation_attributes: conversation.attributes ?? '{}',
    conversation_date_created: conversation.date_created,
    conversation_date_updated: conversation.date_updated,
    conversation_created_by: 'system',
    conversation_state: conversation.state,
    conversation_timers: conversation.timers ?? {},
    links: {
      participant: `${HOST}/v1/Conversations/${conversation.sid}/Participants/${participant.sid}`,
      conversation: `${HOST}/v1/Conversations/${conversation.sid}`,
    },
  };
}

/** Every (conversation, participant) pair whose participant has this identity or binding address. */
export function conversationsOfParticipant(
  account: SandboxAccount,
  who: { identity?: string; address?: string },
): { conversation: WireResource; participant: WireResource }[] {
  const found: { conversation: WireResource; participant: WireResource }[] = [];
  for (const conversation of account.conversations.all()) {
    for (const participant of account.conversationParticipants.get(conversation.sid)?.all() ?? []) {
      const binding = participant.messaging_binding as { address?: unknown } | null;
      if (
        (who.identity !== undefined && participant.identity === who.identity) ||
        (who.address !== undefined && binding?.address === who.address)
      ) {
        found.push({ conversation, participant });
      }
    }
  }
  return found;
}

/** A ParticipantConversations list: the participant's conversations in one service, by conversation SID. */
function participantConversations(req: OperationRequest, serviceSid: string) {
  const identity = typeof req.query.Identity === 'string' ? req.query.Identity : undefined;
  const address = typeof req.query.Address === 'string' ? req.query.Address : undefined;
  if (identity === undefined && address === undefined) {
    throw invalidParameter('Either Identity or Address is required');
  }
  const items = conversationsOfParticipant(req.account, { identity, address })
    .filter(({ conversation }) => conversation.chat_service_sid === serviceSid)
    .sort((a, b) => String(a.conversation.sid).localeCompare(String(b.conversation.sid)))
    .map(({ conversation, participant }) => participantConversation(req.account, conversation, participant));
  return ok(pageV1(items, 'conversations', req));
}

/** The conversation service a Conversations request is scoped to: its ChatServiceSid (404 when unknown), else the default. */
function scopeOf(req: OperationRequest): string {
  const { ChatServiceSid } = req.params;
  if (ChatServiceSid !== undefined) return req.account.conversationServices.get(ChatServiceSid).sid;
  return String(req.account.conversationsConfiguration.default_chat_service_sid);
}

/** A conversation of the request's service by SID or unique name; 404 when that service has none. */
function scopedConversation(req: OperationRequest, sidOrUniqueName: string): WireResource {
  const conversation = conversationOr404(req.account, sidOrUniqueName);
  if (conversation.chat_service_sid !== scopeOf(req)) throw notFound(req.path);
  return conversation;
}

function listConversations(req: OperationRequest) {
  const service = scopeOf(req);
  const state = typeof req.query.State === 'string' ? req.query.State : undefined;
  const start = dayBound(req.query.StartDate, false);
  const end = dayBound(req.query.EndDate, true);
  const items = req.account.conversations
    .all()
    .filter((c) => c.chat_service_sid === service)
    .filter((c) => !state || c.state === state)
    .filter((c) => {
      const at = Date.parse(String(c.date_created));
      return (start === undefined || at >= start) && (end === undefined || at <= end);
    });
  return ok(pageV1(items, 'conversations', req));
}

function createConversation(req: OperationRequest) {
  const { account, body } = req;
  if (body.State === 'closed') {
    throw new TwilioApiError(400, INITIAL_STATE_CLOSED_CODE, "Initial state can't be 'closed'");
  }
  const conversation = buildConversation(account, scopeOf(req), '');
  conversation.friendly_name = null;
  conversation.messaging_service_sid = account.conversationsConfiguration.default_messaging_service_sid ?? null;
  applyConversationParams(conversation, body);
  if (typeof body.State === 'string') conversation.state = body.State;
  return created(account.conversations.add(conversation));
}

function updateConversation(req: OperationRequest) {
  const conversation = scopedConversation(req, req.params.Sid);
  if (conversation.state === 'closed') {
    throw new TwilioApiError(
      400,
      CONVERSATION_CLOSED_CODE,
      `Can't update conversation ${conversation.sid} as it's in final closed state`,
    );
  }
  applyConversationParams(conversation, req.body);
  if (typeof req.body.State === 'string') conversation.state = req.body.State;
  conversation.date_updated = isoDate(req.account.now());
  return ok(conversation);
}

function deleteConversation(req: OperationRequest) {
  const conversation = scopedConversation(req, req.params.Sid);
  req.account.conversations.remove(conversation.sid);
  req.account.conversationParticipants.delete(conversation.sid);
  return noContent();
}

const listParticipants = (req: OperationRequest) =>
  ok(pageV1(conversationParticipants(req).all(), 'participants', req));

function createParticipant(req: OperationRequest) {
  const participants = conversationParticipants(req);
  const who = participantFrom(req.body);
  if ('binding' in who && who.binding.proxy_address !== null) assertPairFree(req.account, who.binding);
  const participant = buildParticipant(req.account, req.params.ConversationSid, who, {
    ...(typeof req.body.Attributes === 'string' ? { attributes: req.body.Attributes } : {}),
  });
  return created(participants.add(participant));
}

export const conversationsHandlers: OperationHandlers = {
  FetchConfiguration: ({ account }) => ok(account.conversationsConfiguration),

  UpdateConfiguration: ({ account, body }) => {
    const config = account.conversationsConfiguration;
    if (typeof body.DefaultChatServiceSid === 'string') account.conversationServices.get(body.DefaultChatServiceSid);
    applyParams(config, body);
    config.links = {
      ...(config.links as object),
      service: `${HOST}/v1/Services/${String(config.default_chat_service_sid)}/Configuration`,
    };
    return ok(config);
  },

  ListConfigurationAddress: (req) => {
    const type = typeof req.query.Type === 'string' ? req.query.Type.toLowerCase() : undefined;
    const items = req.account.addresses.all().filter((a) => !type || a.type === type);
    return ok(pageV1(items, 'address_configurations', req));
  },

  CreateConfigurationAddress: ({ account, body }) => {
    const type = String(body.Type).toLowerCase();
    const address = String(body.Address);
    const rule = ADDRESS_RULES[type];
    if (rule && !rule.pattern.test(address)) {
      throw invalidParameter(`Invalid Address for Type ${type}: ${address} (expected the form ${rule.example})`);
    }
    if (type === 'email') assertEmailDomainAuthenticated(account, address);
    if (account.findAddress(address)) {
      throw new TwilioApiError(409, ADDRESS_EXISTS_CODE, `Address configuration already exists for address ${address}`);
    }
    const config = buildAddressConfiguration(account, {
      type,
      address,
      friendly_name: typeof body.FriendlyName === 'string' ? body.FriendlyName : null,
      address_country: typeof body.AddressCountry === 'string' ? body.AddressCountry : null,
      auto_creation: autoCreationFrom(body),
    });
    return created(account.addresses.add(config));
  },

  FetchConfigurationAddress: (req) => ok(addressOr404(req)),

  UpdateConfigurationAddress: (req) => {
    const address = addressOr404(req);
    const autoCreation = autoCreationFrom(req.body, address.auto_creation);
    if (typeof req.body.FriendlyName === 'string') address.friendly_name = req.body.FriendlyName;
    address.auto_creation = autoCreation;
    address.date_updated = isoDate(req.account.now());
    return ok(address);
  },

  DeleteConfigurationAddress: (req) => {
    req.account.addresses.remove(addressOr404(req).sid);
    return noContent();
  },

  ListService: (req) => ok(pageV1(req.account.conversationServices.all(), 'services', req)),

  CreateService: ({ account, body }) =>
    created(account.conversationServices.add(buildConversationService(account, String(body.FriendlyName)))),

  FetchService: conversationServices.fetch,
  DeleteService: conversationServices.remove,

  // Root Conversations are the default service's ("in your account's default service", Twilio's
  // descriptions of each operation); /v1/Services/{ChatServiceSid}/Conversations, that service's.
  ListConversation: listConversations,
  ListServiceConversation: listConversations,
  CreateConversation: createConversation,
  CreateServiceConversation: createConversation,
  FetchConversation: (req) => ok(scopedConversation(req, req.params.Sid)),
  FetchServiceConversation: (req) => ok(scopedConversation(req, req.params.Sid)),
  UpdateConversation: updateConversation,
  UpdateServiceConversation: updateConversation,
  DeleteConversation: deleteConversation,
  DeleteServiceConversation: deleteConversation,

  // Twilio's root list covers the account's default conversation service only; the service's own
  // list, that service. Both sort by conversation SID ("sorted by the conversationSid
  // alphabetically", twilio.com/docs/conversations/api/participant-conversation-resource).
  ListParticipantConversation: (req) =>
    participantConversations(req, String(req.account.conversationsConfiguration.default_chat_service_sid)),
  ListServiceParticipantConversation: (req) => {
    req.account.conversationServices.get(req.params.ChatServiceSid);
    return participantConversations(req, req.params.ChatServiceSid);
  },

  ListConversationParticipant: listParticipants,
  ListServiceConversationParticipant: listParticipants,
  CreateConversationParticipant: createParticipant,
  CreateServiceConversationParticipant: createParticipant,
};
