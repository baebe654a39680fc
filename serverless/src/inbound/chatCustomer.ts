import type { TwilioClient } from '../twilio/clientFactory';
import { conversationOfEvent } from './eventConversation';

/**
 * Whether an SDK message (`Source` = `SDK`) in a conversation that has no Interaction yet is a
 * Webchat customer's first message. A Webchat customer and a Flex agent both write through the
 * Conversations SDK, so `Source` alone cannot tell them apart; the conversation's participants can:
 *
 * - Webchat (Flex's WebChats endpoint, which Webchat 3 and the Webchat React App use) creates the
 *   conversation and adds one participant to it: the guest, by a generated identity.
 * - A participant has an `identity` if (and only if) it writes through the Conversations SDK, and
 *   then no `messaging_binding` (Twilio's Participant resource; the spec's "createChat" example).
 * - An agent joins a conversation only through its Interaction: accepting the task the Interaction
 *   (or one of its Invites) created adds them as a participant. Before any Interaction exists no
 *   agent is in the conversation.
 *
 * - A bot or a backend that joins a conversation by identity (before the customer, say) writes
 *   through the REST API, whose messages are `Source` = `API`: the handler ignores those and
 *   never gets here.
 *
 * So: the message is the customer's when its author (`ParticipantSid` of the onMessageAdded event)
 * is a participant of the conversation with an identity and no messaging binding — whoever else is
 * in it. No agent can be (no Interaction exists yet), and a bot added by identity beside the
 * customer does not make the customer's message anyone else's: an earlier rule, "the only
 * participant", dropped the customer's message in a chat a bot joined first. An author who is
 * not in the conversation, or has a messaging binding, starts nothing. One read: the first page of
 * participants (Twilio's page maximum; a chat has a handful).
 *
 * Sources: twilio.com/docs/flex/developer/conversations/webchats-resource ("creates a
 * conversation, adds a randomly generated user identity to this conversation");
 * twilio.com/docs/conversations/api/conversation-participant-resource and twilio-oai's
 * `conversations.v1.conversation.conversation_participant` (`identity`, `messaging_binding`);
 * twilio.com/docs/flex/developer/conversations/interactions-api/invites-subresource (an agent is
 * added to an interaction channel as a new participant); twilio.com/docs/conversations/conversations-webhooks
 * (`Source`, `ParticipantSid` of onMessageAdded).
 */
export type ChatCustomerVerdict = { customer: true; participantSid: string } | { customer: false; reason: string };

/** Participants read to find the author: the page maximum of Twilio's spec (50). */
const PARTICIPANTS_PAGE_SIZE = 50;

export async function chatCustomerOf(
  client: TwilioClient,
  conversationSid: string,
  event: Record<string, string>,
): Promise<ChatCustomerVerdict> {
  const authorSid = event.ParticipantSid ?? '';
  if (authorSid === '') {
    return { customer: false, reason: 'An SDK message without a ParticipantSid cannot be told to be a customer’s.' };
  }
  const page = await (
    await conversationOfEvent(client, event, conversationSid)
  ).participants.page({
    pageSize: PARTICIPANTS_PAGE_SIZE,
  });
  const author = page.instances.find((participant) => participant.sid === authorSid);
  if (!author) {
    return { customer: false, reason: 'An SDK message from someone who is not in the conversation starts nothing.' };
  }
  if (!author.identity || author.messagingBinding) {
    return { customer: false, reason: 'The author is not a chat participant (an identity, no messaging binding).' };
  }
  return { customer: true, participantSid: author.sid };
}
