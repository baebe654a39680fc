/**
 * What the plugin and the backend share about one channel Flex routes: its address type, the
 * rule its address must meet, how the built-in inbound handler recognises its customers' messages,
 * and which legacy Flex Flow channel moves to it. One file per channel beside this one; the
 * plugin's descriptor of the same channel (feature/messaging-setup/channels/) adds how it is shown.
 */
import type { MessageKeyWith } from '../wording';

/** A customer's message that arrived on this channel, as the built-in handler maps it. */
export interface InboundMapping {
  /** The `Source` of Conversations' onMessageAdded for a customer's message (upper case). */
  source: string;
  /** The Interaction channel type it becomes (Interactions API `Channel.Type`). */
  interactionType: string;
  /** Flex's out-of-the-box task channel for it, unless MESSAGING_SETUP_TASK_CHANNEL says otherwise. */
  defaultTaskChannel: string;
  /**
   * `binding`: a message of this `source` came in through a customer's binding, so it is always a
   * customer's. `participants`: customers and agents both write with this `source` (the SDK), and
   * the conversation's participants tell them apart (serverless/src/inbound/chatCustomer.ts).
   */
  customerBy: 'binding' | 'participants';
}

export interface ContractChannel<T extends string = string> {
  type: T;
  /** An address of this type, for messages and placeholders. */
  example: string;
  /** True when the address meets the channel's rule (Twilio's own checks, e.g. domains, come after). */
  isValidAddress: (address: string) => boolean;
  /** The key of the rule's message (contract/messages.ts), whose one placeholder is `{{example}}`. */
  addressRule: MessageKeyWith<'example'>;
  /** The key of what the address is of, in the migration's words ("phone number", "Facebook Page ID"). */
  identityNoun: MessageKeyWith<never>;
  /** How its customers' messages reach the built-in handler and which Interaction they become. */
  inbound: InboundMapping;
  /** The legacy Flex Flow `channel_type` that becomes an address of this type, if any. */
  flexFlowChannelType: string | null;
}
