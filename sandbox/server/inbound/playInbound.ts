import {
  buildConversation,
  buildParticipant,
  EMAIL_ADDRESS,
  participantsOf,
  type ParticipantOf,
} from '../resources/conversations';
import type { AddressConfiguration, SandboxAccount, WireResource } from '../state';
import { isoDate } from '../wireFormat';
import { eventParams, eventsToSend, type EventContext } from './conversationEvents';
import { sendSignedWebhook, type WebhookMethod } from './signedWebhook';
import type { ConversationTraffic, InboundMessage } from './traffic';
import type { InboundAction, InboundChannel, InboundRequest, InboundResult } from './types';

/**
 * The channel an address is on, by its form: `whatsapp:`, `messenger:`, `+E164`, `local@domain`,
 * else a chat address or identity. A chat customer's identity may look like an email address, so
 * a message's channel is its `to`'s (see fitsChannel).
 */
export const channelOf = (address: string): InboundChannel =>
  address.startsWith('whatsapp:')
    ? 'whatsapp'
    : address.startsWith('messenger:')
      ? 'messenger'
      : address.startsWith('+')
        ? 'sms'
        : EMAIL_ADDRESS.test(address)
          ? 'email'
          : 'chat';

/** Whether the customer `from` can write on `channel`: any identity to a chat address, else the same form. */
export const fitsChannel = (from: string, channel: InboundChannel): boolean =>
  channel === 'chat' ? !/^(whatsapp|messenger):|^\+/.test(from) : channelOf(from) === channel;

const WHATSAPP_PREFIX = /^whatsapp:/;

/**
 * Plays one customer message the way Twilio would handle it, and says what happened: the address
 * configuration's auto-creation (conversation, message, then its Studio flow or webhook), and the
 * handlers that take the message in parallel (the number's own SMS handler, a legacy Flex Flow).
 * Webhooks are sent one after another and awaited, so the result is complete when it returns;
 * the webhook's target may call the sandbox's REST API meanwhile.
 */
export async function playInboundMessage(
  account: SandboxAccount,
  authToken: string,
  request: InboundRequest,
): Promise<InboundResult> {
  const address = account.findAddress(request.to);
  const actions: InboundAction[] = [];
  let delivered: Delivery | null = null;
  if (address) {
    delivered = await autoCreate(account, authToken, request, address, actions);
  } else {
    actions.push({
      kind: 'not_delivered',
      reason: 'no_address',
      detail: `No Conversations address is configured for ${request.to}, so no conversation is created and the message does not reach Flex Conversations.`,
    });
  }
  actions.push(...parallelHandlers(account, request.to));
  const result: InboundResult = {
    from: request.from,
    to: request.to,
    address: address
      ? { sid: address.sid, type: address.type, integration: address.auto_creation.type ?? 'default' }
      : null,
    conversation: delivered?.conversation ?? null,
    message: delivered ? { sid: delivered.message.sid, index: delivered.message.index } : null,
    actions,
    interactions: delivered ? interactionsOn(account, delivered.conversation.sid) : [],
  };
  account.inbound.record(result);
  return result;
}

interface Delivery {
  conversation: { sid: string; created: boolean; serviceSid: string };
  message: InboundMessage;
}

/** Auto-creation: into a conversation, then on to the address's integration. */
async function autoCreate(
  account: SandboxAccount,
  authToken: string,
  request: InboundRequest,
  address: AddressConfiguration,
  actions: InboundAction[],
): Promise<Delivery | null> {
  if (address.auto_creation.enabled !== true) {
    actions.push({
      kind: 'not_delivered',
      reason: 'auto_creation_disabled',
      detail: `The address for ${request.to} (${address.sid}) has auto-creation switched off, so no conversation is created and the message does not reach Flex Conversations.`,
    });
    return null;
  }
  const joined = joinConversation(account, request, address);
  if ('missingService' in joined) {
    actions.push({
      kind: 'not_delivered',
      reason: 'conversation_service_missing',
      detail: `The address for ${request.to} creates conversations in service ${joined.missingService}, which does not exist, so no conversation is created.`,
    });
    return null;
  }
  const { traffic, conversation, created } = joined;
  const message: InboundMessage = {
    sid: account.random.sid('IM'),
    index: traffic.messages.length,
    author: request.from,
    body: request.body ?? '',
    ...(request.subject !== undefined ? { subject: request.subject } : {}),
    dateCreated: isoDate(account.now()),
  };
  traffic.messages.push(message);
  const serviceSid = String(conversation.chat_service_sid);

  const integration = address.auto_creation.type ?? 'default';
  if (integration === 'webhook') {
    const context: EventContext = {
      accountSid: account.accountSid,
      chatServiceSid: serviceSid,
      messagingServiceSid:
        typeof conversation.messaging_service_sid === 'string' ? conversation.messaging_service_sid : null,
      channel: channelOf(request.to),
      conversation: {
        sid: conversation.sid,
        friendlyName: typeof conversation.friendly_name === 'string' ? conversation.friendly_name : null,
        dateCreated: String(conversation.date_created),
      },
      traffic,
      message,
      firstMessage: created,
    };
    actions.push(...(await notifyWebhook(address, context, authToken)));
  } else if (integration === 'studio') {
    actions.push(runStudioFlow(account, address, traffic));
  } else {
    actions.push({
      kind: 'no_integration',
      conversationSid: conversation.sid,
      detail: `Conversation ${conversation.sid} has the message, but the address has no integration (type "${integration}"), so nothing routes it to an agent.`,
    });
  }
  return { conversation: { sid: conversation.sid, created, serviceSid }, message };
}

type Joined =
  { traffic: ConversationTraffic; conversation: WireResource; created: boolean } | { missingService: string };

/** The pair's active conversation, or a new one in the address's service (else the default). */
function joinConversation(account: SandboxAccount, request: InboundRequest, address: AddressConfiguration): Joined {
  const isOpen = (sid: string) => {
    const conversation = account.conversations.find(sid);
    return conversation !== undefined && conversation.state !== 'closed';
  };
  const active = account.inbound.activeConversation(request.from, request.to, isOpen);
  if (active)
    return { traffic: active, conversation: account.conversations.get(active.conversationSid), created: false };

  const serviceSid =
    address.auto_creation.conversation_service_sid ||
    String(account.conversationsConfiguration.default_chat_service_sid);
  if (!account.conversationServices.find(serviceSid)) return { missingService: serviceSid };
  const conversation = buildConversation(account, serviceSid, '');
  // Auto-created conversations carry no name, and send through the address's Messaging Service.
  conversation.friendly_name = null;
  conversation.messaging_service_sid = messagingServiceFor(account, request.to);
  account.conversations.add(conversation);
  const traffic = account.inbound.startConversation({
    conversationSid: conversation.sid,
    from: request.from,
    to: request.to,
    participantSid: account.random.sid('MB'),
    webhookSid: account.random.sid('WH'),
    studioExecution: null,
    messages: [],
  });
  // The customer joins with the conversation (its REST Participants list shows them).
  const customer = buildParticipant(account, conversation.sid, customerOf(request), {
    sid: traffic.participantSid,
    dateCreated: String(conversation.date_created),
  });
  participantsOf(account, conversation.sid).add(customer);
  return { traffic, conversation, created: true };
}

/**
 * How the customer takes part: a chat customer through the Conversations SDK (an identity, no
 * binding), the others through a binding from their address to the account's (for email
 * `{type: 'email', address, proxy_address}`, by the same pattern: not seen documented).
 */
function customerOf({ from, to }: InboundRequest): ParticipantOf {
  const channel = channelOf(to);
  if (channel === 'chat') return { identity: from };
  return { binding: { type: channel, address: from, proxy_address: to } };
}

/** The Messaging Service that holds the number or sender, else the Conversations default; none for chat, Messenger and email. */
function messagingServiceFor(account: SandboxAccount, to: string): string | null {
  const channel = channelOf(to);
  if (channel === 'chat' || channel === 'messenger' || channel === 'email') return null;
  const members = channel === 'whatsapp' ? account.messagingServiceSenders : account.messagingServiceNumbers;
  for (const [serviceSid, collection] of members) {
    if (collection.all().some((m) => m.phone_number === to || m.sender === to)) return serviceSid;
  }
  const fallback = account.conversationsConfiguration.default_messaging_service_sid;
  return typeof fallback === 'string' ? fallback : null;
}

async function notifyWebhook(
  address: AddressConfiguration,
  context: EventContext,
  authToken: string,
): Promise<InboundAction[]> {
  const url = address.auto_creation.webhook_url ?? '';
  const method: WebhookMethod = address.auto_creation.webhook_method?.toUpperCase() === 'GET' ? 'GET' : 'POST';
  const actions: InboundAction[] = [];
  // One at a time, each awaited: Twilio's order, and a result that does not depend on timing.
  for (const event of eventsToSend(address.auto_creation.webhook_filters, context.firstMessage)) {
    const outcome = await sendSignedWebhook(url, method, eventParams(event, context), authToken);
    if (outcome.answered) {
      const ok = outcome.status >= 200 && outcome.status < 300;
      actions.push({
        kind: 'webhook_delivered',
        url,
        method,
        event,
        status: outcome.status,
        ok,
        detail: ok
          ? `${event} was sent to ${method} ${url}, which answered ${outcome.status}.`
          : `${event} was sent to ${method} ${url}, which answered ${outcome.status}, an error.`,
      });
    } else {
      actions.push({
        kind: 'webhook_failed',
        url,
        method,
        event,
        error: outcome.error,
        detail: `${event} could not be delivered to ${method} ${url || '(no URL)'}: ${outcome.error}.`,
      });
    }
  }
  return actions;
}

/** A new execution for a new conversation; later messages continue the conversation's execution. */
function runStudioFlow(
  account: SandboxAccount,
  address: AddressConfiguration,
  traffic: ConversationTraffic,
): InboundAction {
  const flowSid = address.auto_creation.studio_flow_sid ?? null;
  const flow = flowSid ? account.studioFlows.find(flowSid) : undefined;
  if (!flowSid || !flow) {
    return {
      kind: 'studio_failed',
      flowSid,
      reason: 'flow_missing',
      detail: `The address routes to Studio flow ${flowSid ?? '(none)'}, which does not exist, so nothing handles the conversation.`,
    };
  }
  const name = String(flow.friendly_name);
  if (flow.status !== 'published') {
    return {
      kind: 'studio_failed',
      flowSid,
      reason: 'flow_not_published',
      detail: `Studio flow "${name}" (${flowSid}) is ${String(flow.status)}, not published, so it does not run and nothing handles the conversation.`,
    };
  }
  const current = traffic.studioExecution;
  const newExecution = current === null || current.flowSid !== flowSid;
  const executionSid = newExecution ? account.random.sid('FN') : current.executionSid;
  traffic.studioExecution = { flowSid, executionSid };
  return {
    kind: 'studio_execution',
    flowSid,
    executionSid,
    newExecution,
    detail: newExecution
      ? `Studio flow "${name}" (${flowSid}) started execution ${executionSid} for the conversation.`
      : `The message continues execution ${executionSid} of Studio flow "${name}" (${flowSid}).`,
  };
}

/** Handlers that take the message whatever the address does. */
function parallelHandlers(account: SandboxAccount, to: string): InboundAction[] {
  const actions: InboundAction[] = [];
  const phoneNumber = to.replace(WHATSAPP_PREFIX, '');
  const number = account.incomingPhoneNumbers.all().find((n) => n.phone_number === phoneNumber);
  const smsUrl = typeof number?.sms_url === 'string' && number.sms_url !== '' ? number.sms_url : null;
  const smsApplicationSid =
    typeof number?.sms_application_sid === 'string' && number.sms_application_sid !== ''
      ? number.sms_application_sid
      : null;
  if (number && (smsUrl || smsApplicationSid)) {
    const handler = smsUrl ? `"A message comes in" URL (${smsUrl})` : `SMS application ${smsApplicationSid}`;
    actions.push({
      kind: 'number_handler_triggered',
      phoneNumberSid: number.sid,
      smsUrl,
      smsApplicationSid,
      detail: `The number's ${handler} also receives this message, in parallel with Conversations auto-creation.`,
    });
  }
  for (const flow of account.flexFlows.all()) {
    if (flow.contact_identity !== to || flow.enabled === false) continue;
    const friendlyName = typeof flow.friendly_name === 'string' ? flow.friendly_name : null;
    actions.push({
      kind: 'flex_flow_triggered',
      flexFlowSid: flow.sid,
      friendlyName,
      detail: `The legacy Flex Flow "${friendlyName ?? flow.sid}" (${flow.sid}) holds ${to}, so it takes this message too.`,
    });
  }
  return actions;
}

function interactionsOn(account: SandboxAccount, conversationSid: string): string[] {
  return account.interactions
    .all()
    .filter((interaction) => {
      const channel = interaction.channel as { properties?: { media_channel_sid?: unknown } } | undefined;
      return channel?.properties?.media_channel_sid === conversationSid;
    })
    .map((interaction) => interaction.sid);
}
