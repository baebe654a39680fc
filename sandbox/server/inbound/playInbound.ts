import {
  buildConversation,
  buildParticipant,
  EMAIL_ADDRESS,
  participantsOf,
  type ParticipantOf,
} from '../resources/conversations';
import { studioConversationRoute } from '../../../src/contract/studioFlowRoute';
import { buildMessage } from '../resources/api2010';
import { writeAlert } from '../resources/monitor';
import type { AddressConfiguration, SandboxAccount, WireResource } from '../state';
import { isoDate } from '../wireFormat';
import { derivedSid } from '../random';
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
  const bound = boundConversation(account, request);
  if (bound && !(bound.autoCreated && address?.auto_creation.enabled === true)) {
    delivered = appendToConversation(account, request, bound, actions);
  } else if (address) {
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
  recordMessageResource(account, request, delivered);
  return result;
}

/**
 * Programmable Messaging keeps every SMS and WhatsApp message Twilio receives on a number or
 * sender of the account as a Message resource (direction `inbound`, status `received`), whatever
 * Conversations then does with it; Messenger, email and chat messages are not Messages. Its SID is
 * derived and its date is the message's, so the seed's SIDs and clock are untouched.
 */
function recordMessageResource(account: SandboxAccount, request: InboundRequest, delivered: Delivery | null): void {
  const channel = channelOf(request.to);
  if (channel !== 'sms' && channel !== 'whatsapp') return;
  const onAccount =
    channel === 'sms'
      ? account.incomingPhoneNumbers.all().some((n) => n.phone_number === request.to)
      : account.channelSenders.all().some((s) => s.sender_id === request.to);
  if (!onAccount) return;
  const date = delivered ? new Date(delivered.message.dateCreated) : account.peekNow();
  account.messages.add(
    buildMessage(account, {
      direction: 'inbound',
      from: request.from,
      to: request.to,
      body: request.body ?? '',
      status: 'received',
      date,
      messagingServiceSid: messagingServiceFor(account, request.to),
      key: `${request.from}:${request.to}:${delivered?.message.sid ?? ''}`,
    }),
  );
}

/**
 * The open (active or inactive) conversation in which the customer already takes part through a
 * binding from their address to this one. Twilio keeps one such participant per (address, proxy
 * address) pair across open conversations, "in order to route inbound messages correctly"
 * (twilio.com/docs/api/errors/50416), so a message from them goes to that conversation and no new
 * one is made. Chat customers write through the SDK, with no binding: not looked up here.
 */
function boundConversation(account: SandboxAccount, request: InboundRequest): ConversationTraffic | undefined {
  if (channelOf(request.to) === 'chat') return undefined;
  let found: { conversation: WireResource; participant: WireResource } | undefined;
  for (const conversation of account.conversations.all()) {
    if (conversation.state === 'closed') continue;
    for (const participant of account.conversationParticipants.get(conversation.sid)?.all() ?? []) {
      const binding = participant.messaging_binding as { address?: unknown; proxy_address?: unknown } | null;
      if (binding?.address === request.from && binding.proxy_address === request.to)
        found = { conversation, participant };
    }
  }
  if (!found) return undefined;
  const known = account.inbound.conversation(found.conversation.sid);
  if (known) return known;
  return account.inbound.startConversation({
    conversationSid: found.conversation.sid,
    from: request.from,
    to: request.to,
    participantSid: found.participant.sid,
    webhookSid: derivedSid('WH', found.conversation.sid),
    autoCreated: false,
    studioExecution: null,
    messages: [],
  });
}

/** A message to a conversation the customer is already in: it is added there, and auto-creation does not run. */
function appendToConversation(
  account: SandboxAccount,
  request: InboundRequest,
  traffic: ConversationTraffic,
  actions: InboundAction[],
): Delivery {
  const conversation = account.conversations.get(traffic.conversationSid);
  const message = addMessage(account, request, traffic);
  const state = String(conversation.state);
  actions.push({
    kind: 'joined_conversation',
    conversationSid: conversation.sid,
    state,
    detail: `The customer already takes part in conversation ${conversation.sid} (${state}) through ${request.to}, so Twilio adds the message there; no conversation is auto-created and the address's integration does not run.`,
  });
  return {
    conversation: { sid: conversation.sid, created: false, serviceSid: String(conversation.chat_service_sid) },
    message,
  };
}

function addMessage(account: SandboxAccount, request: InboundRequest, traffic: ConversationTraffic): InboundMessage {
  const message: InboundMessage = {
    sid: account.random.sid('IM'),
    index: traffic.messages.length,
    author: request.from,
    body: request.body ?? '',
    ...(request.subject !== undefined ? { subject: request.subject } : {}),
    dateCreated: isoDate(account.now()),
  };
  traffic.messages.push(message);
  return message;
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
    addressAlert(
      account,
      address,
      45761,
      `Auto create not enabled for the address ${address.address}: no conversation is created for the message from ${request.from}.`,
    );
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
  const message = addMessage(account, request, traffic);
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
    const webhookActions = await notifyWebhook(address, context, authToken);
    writeWebhookAlerts(account, address, conversation, webhookActions);
    actions.push(...webhookActions);
  } else if (integration === 'studio') {
    const studio = runStudioFlow(account, address, traffic);
    if (studio.kind === 'studio_failed' && studio.reason === 'flow_missing') {
      addressAlert(
        account,
        address,
        45763,
        `Auto create studio flow ${studio.flowSid ?? '(none)'} of the address ${address.address} is missing: nothing handles conversation ${conversation.sid}.`,
        serviceSid,
      );
    }
    actions.push(studio);
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
    autoCreated: true,
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

/**
 * The Debugger alert Twilio logs when an address cannot auto-create (its error dictionary,
 * twilio.com/docs/api/errors/<code>): 45761 "Auto create not enabled", 45763 "Auto create studio
 * flow SID missing" (also written for a flow SID that names no flow: no closer code was found),
 * 45764 "Auto create webhook URL missing". Its resource is the address (`IG…`).
 */
function addressAlert(
  account: SandboxAccount,
  address: AddressConfiguration,
  code: number,
  text: string,
  serviceSid: string | null = address.auto_creation.conversation_service_sid ?? null,
): void {
  writeAlert(account, { errorCode: code, text, resourceSid: address.sid, serviceSid, key: `${code}:${address.sid}` });
}

/**
 * A webhook address with no URL logs 45764 once per message; an event Twilio could not deliver,
 * or that the target answered with a non-2xx status, logs 11200 "HTTP retrieval failure" (a
 * failure to retrieve the URL's answer: twilio.com/docs/api/errors/11200) naming the request.
 */
function writeWebhookAlerts(
  account: SandboxAccount,
  address: AddressConfiguration,
  conversation: WireResource,
  actions: InboundAction[],
): void {
  const serviceSid = String(conversation.chat_service_sid);
  if (!address.auto_creation.webhook_url) {
    addressAlert(
      account,
      address,
      45764,
      `Auto create webhook URL missing for the address ${address.address}: nothing handles conversation ${conversation.sid}.`,
      serviceSid,
    );
    return;
  }
  for (const action of actions) {
    if (action.kind !== 'webhook_failed' && !(action.kind === 'webhook_delivered' && !action.ok)) continue;
    const what = action.kind === 'webhook_failed' ? action.error : `the target answered HTTP ${String(action.status)}`;
    writeAlert(account, {
      errorCode: 11200,
      text: `HTTP retrieval failure: ${action.event} for conversation ${conversation.sid} to ${action.method} ${action.url}: ${what}.`,
      resourceSid: conversation.sid,
      serviceSid,
      request: { method: action.method === 'GET' ? 'GET' : 'POST', url: action.url },
      key: `11200:${conversation.sid}:${action.event}`,
    });
  }
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
  const route = studioConversationRoute(flow.definition);
  const noFlex =
    route === 'no-conversation-trigger'
      ? ' The flow has no Incoming Conversation trigger, so the execution ends at once: no task is made.'
      : route === 'no-send-to-flex'
        ? ' Its Incoming Conversation path reaches no Send to Flex widget: no task is made.'
        : '';
  return {
    kind: 'studio_execution',
    flowSid,
    executionSid,
    newExecution,
    detail:
      (newExecution
        ? `Studio flow "${name}" (${flowSid}) started execution ${executionSid} for the conversation.`
        : `The message continues execution ${executionSid} of Studio flow "${name}" (${flowSid}).`) + noFlex,
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
