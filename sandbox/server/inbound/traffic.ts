import type { InboundResult } from './types';

/** A customer message the sandbox keeps internally (there is no Messages resource in its REST API). */
export interface InboundMessage {
  sid: string;
  index: number;
  author: string;
  body: string;
  /** An email's subject; unset for the other channels. */
  subject?: string;
  dateCreated: string;
}

/** What an auto-created conversation carries besides its REST resource. */
export interface ConversationTraffic {
  conversationSid: string;
  from: string;
  to: string;
  /** The customer's participant (MB…), made with the conversation. */
  participantSid: string;
  /** The conversation-scoped webhook (WH…) auto-creation attaches for a webhook address. */
  webhookSid: string;
  /**
   * Whether the player made this conversation by auto-creation (and attached the address's
   * integration to it), or found the customer already in it (made through the REST API).
   */
  autoCreated: boolean;
  /** The Studio execution that handles this conversation, once one started. */
  studioExecution: { flowSid: string; executionSid: string } | null;
  messages: InboundMessage[];
}

/** How many results `GET /_sandbox/inbound` keeps; the oldest go first. */
export const INBOUND_RESULTS_LIMIT = 1000;

/**
 * The inbound-message state of one account: which conversation each (customer, address) pair is
 * in, the messages, and the results played so far. A reset replaces the account and so clears it.
 */
export class InboundTraffic {
  private readonly byPair = new Map<string, ConversationTraffic>();
  private readonly byConversation = new Map<string, ConversationTraffic>();
  private results: InboundResult[] = [];

  /**
   * The pair's conversation, if it is still one a message joins. `isOpen` says whether the
   * conversation exists and is not closed: both can change through the REST API at any time.
   */
  activeConversation(from: string, to: string, isOpen: (conversationSid: string) => boolean) {
    const traffic = this.byPair.get(pairKey(from, to));
    return traffic && isOpen(traffic.conversationSid) ? traffic : undefined;
  }

  startConversation(traffic: ConversationTraffic): ConversationTraffic {
    this.byPair.set(pairKey(traffic.from, traffic.to), traffic);
    this.byConversation.set(traffic.conversationSid, traffic);
    return traffic;
  }

  conversation(conversationSid: string): ConversationTraffic | undefined {
    return this.byConversation.get(conversationSid);
  }

  record(result: InboundResult): void {
    this.results.push(result);
    if (this.results.length > INBOUND_RESULTS_LIMIT)
      this.results.splice(0, this.results.length - INBOUND_RESULTS_LIMIT);
  }

  /** Oldest first. */
  played(): InboundResult[] {
    return [...this.results];
  }
}

const pairKey = (from: string, to: string) => `${from} ${to}`;
