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

/** The conversation of a Participants request; 404 when it does not exist. */
const conversationParticipants = (req: OperationRequest) =>
  participantsOf(req.account, req.account.conversations.get(req.params.ConversationSid).sid);

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
const conversations = resourceHandlers((req) => req.account.conversations, {
  onDelete: ({ account }, conversation) => account.conversationParticipants.delete(conversation.sid),
});

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

  FetchConversation: conversations.fetch,
  UpdateConversation: conversations.update,
  DeleteConversation: conversations.remove,

  ListConversationParticipant: (req) => ok(pageV1(conversationParticipants(req).all(), 'participants', req)),
  CreateConversationParticipant: (req) => {
    const participants = conversationParticipants(req);
    const participant = buildParticipant(req.account, req.params.ConversationSid, participantFrom(req.body), {
      ...(typeof req.body.Attributes === 'string' ? { attributes: req.body.Attributes } : {}),
    });
    return created(participants.add(participant));
  },
};
