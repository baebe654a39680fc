import type { TwilioClient } from '../twilio/clientFactory';

const SERVICE_SID = /^IS[0-9a-fA-F]{32}$/;

/**
 * The conversation through its own service (the event's ChatServiceSid, which Conversations
 * webhooks carry; without one, the account default's): Twilio's root Conversations path reaches
 * the default service's only, and Flex's service need not be the default.
 */
export async function conversationOfEvent(
  client: TwilioClient,
  event: Record<string, string>,
  conversationSid: string,
) {
  const given = event.ChatServiceSid ?? '';
  const service = SERVICE_SID.test(given)
    ? given
    : (await client.conversations.v1.configuration().fetch()).defaultChatServiceSid;
  return client.conversations.v1.services(service).conversations(conversationSid);
}
