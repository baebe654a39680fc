import type { ConversationTraffic, InboundMessage } from './traffic';
import type { ConversationEvent, InboundChannel } from './types';

/**
 * The `Source` of a customer's message: SMS and WhatsApp as Twilio documents them; a Messenger
 * message `MESSENGER` and an email `EMAIL` (by the same pattern, not seen documented); a Webchat
 * customer writes through the Conversations SDK, so `SDK`.
 */
const EVENT_SOURCE: Record<InboundChannel, string> = {
  sms: 'SMS',
  whatsapp: 'WHATSAPP',
  messenger: 'MESSENGER',
  email: 'EMAIL',
  chat: 'SDK',
};

/** Every event an inbound message can cause, in the order Twilio's actions happen. */
export const INBOUND_EVENTS: readonly ConversationEvent[] = [
  'onConversationAdded',
  'onParticipantAdded',
  'onMessageAdded',
];

/** What the payloads are built from. */
export interface EventContext {
  accountSid: string;
  chatServiceSid: string;
  messagingServiceSid: string | null;
  channel: InboundChannel;
  conversation: { sid: string; friendlyName: string | null; dateCreated: string };
  traffic: ConversationTraffic;
  message: InboundMessage;
  /** Whether this message created the conversation (only then are it and its participant "added"). */
  firstMessage: boolean;
}

/**
 * The events a webhook address sends for one message: those its filters select (no filters means
 * all), with onConversationAdded and onParticipantAdded only for the message that made them.
 */
export function eventsToSend(filters: readonly string[] | undefined, firstMessage: boolean): ConversationEvent[] {
  const wanted = (event: ConversationEvent) => !filters || filters.length === 0 || filters.includes(event);
  return INBOUND_EVENTS.filter((event) => wanted(event) && (firstMessage || event === 'onMessageAdded'));
}

/** The form parameters of one post-event webhook, as Conversations sends them (all strings). */
export function eventParams(event: ConversationEvent, ctx: EventContext): Record<string, string> {
  const { traffic, message } = ctx;
  const source = EVENT_SOURCE[ctx.channel];
  const common: Record<string, string> = {
    EventType: event,
    AccountSid: ctx.accountSid,
    ChatServiceSid: ctx.chatServiceSid,
    ConversationSid: ctx.conversation.sid,
    WebhookSid: traffic.webhookSid,
    WebhookType: 'webhook',
    RetryCount: '0',
    Source: source,
    ...(ctx.messagingServiceSid ? { MessagingServiceSid: ctx.messagingServiceSid } : {}),
  };
  // A chat customer is a Conversations user (an identity); the others reach it through a binding.
  const binding: Record<string, string> =
    ctx.channel === 'chat'
      ? {}
      : { 'MessagingBinding.Address': traffic.from, 'MessagingBinding.ProxyAddress': traffic.to };
  switch (event) {
    case 'onConversationAdded':
      return {
        ...common,
        ...binding,
        DateCreated: ctx.conversation.dateCreated,
        State: 'active',
        Attributes: '{}',
        ...(ctx.conversation.friendlyName ? { FriendlyName: ctx.conversation.friendlyName } : {}),
      };
    case 'onParticipantAdded':
      return {
        ...common,
        ...binding,
        ...(ctx.channel === 'chat' ? { Identity: traffic.from } : { 'MessagingBinding.Type': ctx.channel }),
        ParticipantSid: traffic.participantSid,
        DateCreated: ctx.conversation.dateCreated,
        Attributes: '{}',
      };
    case 'onMessageAdded':
      return {
        ...common,
        MessageSid: message.sid,
        ParticipantSid: traffic.participantSid,
        Author: message.author,
        Body: message.body,
        // An email message has a subject (Event Streams' MessageAdded carries `MessageSubject`);
        // its webhook parameter's name is assumed.
        ...(message.subject !== undefined ? { Subject: message.subject } : {}),
        Index: String(message.index),
        DateCreated: message.dateCreated,
        Attributes: '{}',
      };
  }
}
