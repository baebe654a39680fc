import { flexFunction } from '../http/flexFunction';
import { parseSetDefaultService } from '../lib/parseRequests';

/**
 * Makes a Conversations service the account default (Flex only reads conversations in its own
 * service, and addresses without a service use the default). Answers the previous default.
 */
export const handler = flexFunction<'set-default-conversation-service'>({
  name: 'set-default-conversation-service',
  parse: parseSetDefaultService,
  async run({ serviceSid }, { client }) {
    // A clear 404 for an unknown service, before changing anything.
    await client.conversations.v1.services(serviceSid).fetch();
    const before = await client.conversations.v1.configuration().fetch();
    const after = await client.conversations.v1.configuration().update({ defaultChatServiceSid: serviceSid });
    return {
      previousServiceSid: before.defaultChatServiceSid || null,
      defaultConversationServiceSid: after.defaultChatServiceSid,
    };
  },
});
