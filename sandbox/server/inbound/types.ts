/** The `POST /_sandbox/inbound` body: one customer message, as Twilio would receive it. */
export interface InboundRequest {
  /**
   * The customer: `+E164` (SMS), `whatsapp:+E164`, `messenger:<id>` (their Messenger ID), their
   * email address, or for chat the identity Webchat gave them (letters, digits and `. _ : @ -`).
   */
  from: string;
  /** The account's number, WhatsApp sender, Facebook Page (`messenger:<page ID>`), email address or chat address. */
  to: string;
  body?: string;
  /** An email's subject (email only). */
  subject?: string;
}

export type InboundChannel = 'sms' | 'whatsapp' | 'messenger' | 'email' | 'chat';

/** Conversations webhook events the sandbox sends (the ones an inbound message causes). */
export type ConversationEvent = 'onConversationAdded' | 'onParticipantAdded' | 'onMessageAdded';

/**
 * One thing that happened because the message came in. Every action has a `kind` and a
 * one-sentence plain-English `detail`; the other fields depend on the kind.
 */
export type InboundAction =
  | {
      kind: 'not_delivered';
      detail: string;
      reason: 'no_address' | 'auto_creation_disabled' | 'conversation_service_missing';
    }
  | {
      kind: 'webhook_delivered';
      detail: string;
      url: string;
      method: string;
      event: ConversationEvent;
      status: number;
      /** false for a non-2xx answer: Twilio got an answer, but an error. */
      ok: boolean;
    }
  | { kind: 'webhook_failed'; detail: string; url: string; method: string; event: ConversationEvent; error: string }
  | { kind: 'studio_execution'; detail: string; flowSid: string; executionSid: string; newExecution: boolean }
  | { kind: 'studio_failed'; detail: string; flowSid: string | null; reason: 'flow_missing' | 'flow_not_published' }
  | { kind: 'no_integration'; detail: string; conversationSid: string }
  | { kind: 'joined_conversation'; detail: string; conversationSid: string; state: string }
  | {
      kind: 'number_handler_triggered';
      detail: string;
      phoneNumberSid: string;
      smsUrl: string | null;
      smsApplicationSid: string | null;
    }
  | { kind: 'flex_flow_triggered'; detail: string; flexFlowSid: string; friendlyName: string | null };

export interface InboundResult {
  from: string;
  to: string;
  /** The address configuration for `to`; `integration` is its `auto_creation.type`. */
  address: { sid: string; type: string; integration: string } | null;
  /** `created`: false when the message joined the pair's active conversation. */
  conversation: { sid: string; created: boolean; serviceSid: string } | null;
  message: { sid: string; index: number } | null;
  actions: InboundAction[];
  /** Flex Interactions (KD…) on this conversation, read after the webhooks were answered. */
  interactions: string[];
}
